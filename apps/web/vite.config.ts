import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `northstar start` serves dist/ at /, so assets use absolute paths from the root. In dev, the
// API runs on its own port and Vite forwards /api to it.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: { '/api': process.env.NORTHSTAR_API_URL ?? 'http://127.0.0.1:4000' },
  },
});
