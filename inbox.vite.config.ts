/**
 * Builds the OPD inbox page (hub/inbox) into out/inbox, which the hub serves at `/`.
 * Part of `npm run build`; the hub also builds it on start when it is missing.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'hub/inbox'),
  base: '/',
  plugins: [react()],
  // No public/ folder: only what the bundle imports is served.
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'out/inbox'),
    emptyOutDir: true,
    // The CSP allows no inline script or data: modules.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One bundle (React, zod, socket.io client) loaded once per shift; no split needed.
    chunkSizeWarningLimit: 1024,
  },
});
