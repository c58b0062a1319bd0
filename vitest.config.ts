import { defineConfig } from 'vitest/config';
import { rendererAlias } from './electron.vite.config.ts';

export default defineConfig({
  resolve: { alias: rendererAlias },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.js'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
