import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API on the same origin; `npm run dev -w admin-ui` proxies /api to it.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
});
