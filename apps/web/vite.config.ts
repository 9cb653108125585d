import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ (see apps/api/src/create-api.ts). `npm run dev` serves the
// sources with hot reload and forwards API calls to a running API (VGBF_API_URL, default :3300).
const api = process.env.VGBF_API_URL ?? 'http://127.0.0.1:3300';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our pages: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api },
  },
});
