/**
 * The console's build: two pages (the console and GraphiQL) into static files the server serves at /console
 * (GraphiQL's page at GET /graphql). Everything is bundled: no CDN, no inline script (the CSP allows 'self' only).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    // A module preload polyfill would be an inline script; every browser the console supports preloads natively.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2_000,
    rollupOptions: {
      input: { console: resolve(__dirname, 'index.html'), graphiql: resolve(__dirname, 'graphiql.html') },
    },
  },
});
