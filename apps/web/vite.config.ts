import { resolve } from 'node:path';
import type { UserConfig } from 'vite' with { 'resolution-mode': 'import' };
import react from '@vitejs/plugin-react';

// Vite injects `__dirname` when it bundles this file, whether it loads it as ESM or CommonJS.
const here = __dirname;
const repoRoot = resolve(here, '../..');
const api = process.env['COMPTOIR_API_URL'] ?? 'http://localhost:3000';

const config: UserConfig = {
  root: here,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@comptoir/api-client': resolve(repoRoot, 'libs/api-client/src/index.ts'),
      // The server's totals and payment-terms engine, bundled as is: live totals match the saved ones.
      '@comptoir/billing-engine': resolve(repoRoot, 'libs/billing-engine/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
};

export default config;
