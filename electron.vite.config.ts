import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';

/** The renderer's import aliases (also in tsconfig.web.json and vitest.config.ts). */
export const rendererAlias = {
  '@renderer': fileURLToPath(new URL('./src/renderer/src', import.meta.url)),
  '@core': fileURLToPath(new URL('./src/core', import.meta.url)),
};

export default defineConfig({
  // Main process, and the Node entry points that share its code: the CLI (which also
  // runs the desk server) and the benchmark. Dependencies stay external (node_modules).
  main: {
    build: {
      rollupOptions: {
        input: {
          index: 'src/main/index.ts',
          cli: 'src/cli/main.ts',
          bench: 'src/bench/main.ts',
          // userDataDir() for scripts/start.js (where a failed Electron set-up is remembered).
          paths: 'src/store/paths.ts',
        },
        // The bench's browser tools (dev dependencies) load from node_modules when it runs.
        external: ['playwright-core', 'vite'],
      },
    },
  },
  // Sandboxed preload: one CommonJS file that requires only `electron`.
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: 'src/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset URLs: the desk server serves the desk under a per-run path.
    base: './',
    plugins: [react()],
    resolve: { alias: rendererAlias },
    build: {
      // Minified: the desk's cold start is mostly parsing this bundle (issue 14). WD_NOMINIFY=1
      // builds it readable, for a profile with real function names.
      minify: !process.env.WD_NOMINIFY,
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
});
