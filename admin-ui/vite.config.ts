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
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
