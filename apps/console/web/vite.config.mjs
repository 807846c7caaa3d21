// The console's web UI. Built by apps/console/tools/build-web.cjs into apps/console/dist/web,
// which the console server serves under `default-src 'self'`: no inline script or style, no
// CDN, no eval, so everything is bundled into external files.
// `npx vite --config apps/console/web/vite.config.mjs` serves it with hot reload and sends
// /api to a console running on CONSOLE_URL (default http://127.0.0.1:3300).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The polyfill is an inline-free module, but no browser the console supports needs it.
    modulePreload: { polyfill: false },
    // Assets as files, never data: URLs (CSP img-src/font-src 'self').
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.CONSOLE_URL ?? 'http://127.0.0.1:3300' },
  },
});
