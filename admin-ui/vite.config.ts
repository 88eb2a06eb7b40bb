import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// The console is served by the API on the same origin; `npm run dev -w admin-ui` proxies /api to it.
export default defineConfig({
  plugins: [
    react(),
    {
      // The import page links the documented sample roster; ship the one in docs/ rather than a copy.
      name: 'roster-sample',
      generateBundle() {
        this.emitFile({
          type: 'asset',
          fileName: 'samples/roster.csv',
          source: readFileSync(new URL('../docs/samples/roster.csv', import.meta.url)),
        });
        // The CASE import page links the sample package the same way.
        this.emitFile({
          type: 'asset',
          fileName: 'samples/case-framework.json',
          source: readFileSync(new URL('../docs/samples/case-framework.json', import.meta.url)),
        });
      },
    },
  ],
  base: '/',
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The manifest lets bench/console-size.mjs list what the sign-in screen loads.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Everything the sign-in screen needs (the shell) in one request; the screens behind it are lazy chunks.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
