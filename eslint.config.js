// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * Node's globals that a browser does not have (process, Buffer, __dirname…). typescript-eslint
 * leaves no-undef to the type checker, which knows Node's types everywhere: so name them.
 */
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser));

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
  {
    // Code that runs in the browser is linted as browser code: no Node globals, no Node modules,
    // and not the schema (it brings zod; the browser gets labels through data-* attributes).
    files: [
      'src/client/**',
      'src/lists/define.ts',
      'src/lists/projects.ts',
      'src/lists/transactions.ts',
      'src/lists/index.ts',
      'src/db/browser.ts',
      'src/db/browser-support.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...nodeOnlyGlobals.map((name) => ({ name, message: 'Browser code: this is a Node global.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Browser code: no Node modules.' },
            {
              group: ['**/schema/index.ts', '**/schema/define.ts', '**/schema/tables.ts', 'zod'],
              message: 'Browser code: the schema (zod) stays at build time.',
            },
          ],
        },
      ],
    },
  },
);
