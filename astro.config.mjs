// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { duckdbWasmGzip } from './src/build/duckdb-assets.ts';

/**
 * The site is fully static. Where the built data lives is decided by scripts/build.ts, which
 * builds into a staging folder and swaps it in only when everything succeeded.
 */
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  outDir: process.env.GONGKAI_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Several pages at once: while one waits for its rows from DuckDB (which works on other
  // threads), another renders. Their lookups queue on the one connection (src/db/node.ts).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // A gzip copy of the DuckDB-wasm modules for hosts that do not compress wasm (/explore/).
  integrations: [duckdbWasmGzip()],
  // No prefetching or anything else that would load from another host.
  vite: {
    plugins: [tailwindcss()],
    // @duckdb/node-api is a native addon: keep it out of Vite's bundle.
    ssr: { external: ['@duckdb/node-api'] },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
