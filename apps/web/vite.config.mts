import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the build (apps/web/dist) at its own address; `vite` in apps/web serves the sources on :5173 and
// passes API calls to the API that `npm start` runs on :3000.
const api = process.env.AYLLU_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The wallet libraries (wagmi, viem) make most of the bundle; one chunk of ~550 kB (160 kB gzipped) is expected.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/v1': api, '/health': api } },
});
