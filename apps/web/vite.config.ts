import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ (see apps/api/src/create-api.ts). `npm run dev` serves the
// sources with hot reload and forwards API calls to a running API (VGBF_API_URL, default :3300).
const api = process.env.VGBF_API_URL ?? 'http://127.0.0.1:3300';
const CHART_LIBRARIES =
  '@mantine[\\\\/]charts|recharts|victory-vendor|d3-[a-z-]+|@reduxjs|react-redux|immer|reselect|decimal\\.js-light|es-toolkit|eventemitter3';

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
            // The dashboard's charts (@mantine/charts, recharts and its own libraries) stay out of the
            // groups: the default splitting puts them in the chunk of the lazily loaded staff page.
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](?!charts[\\/])/ },
            { name: 'vendor', test: new RegExp(`node_modules[\\\\/](?!(${CHART_LIBRARIES})[\\\\/])`) },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The error catalogue lives with the server's code (libs/core/src/i18n) and is imported from there.
    fs: { allow: ['.', '../../libs/core/src/i18n'] },
    proxy: { '/api': api, '/health': api },
  },
});
