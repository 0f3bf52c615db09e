// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', '.build/', '**/.astro/', 'node_modules/', 'public/duckdb/', '.h*tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Publisher text is never interpreted as markup (issue #3): no set:html.
      'astro/no-set-html-directive': 'error',
    },
  },
  {
    // In the browser, data is text too: no innerHTML. (Build-time chart code serializes SVG it built itself.)
    files: ['src/components/**', 'src/client/**', 'src/pages/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Data is text: use textContent or DOM nodes.' },
        { property: 'outerHTML', message: 'Data is text: use textContent or DOM nodes.' },
      ],
    },
  },
);
