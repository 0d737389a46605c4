import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** `@shared/…`: the code both processes import (contract, model, labels, pure rules). */
const alias = { '@shared': resolve(__dirname, 'src-shared') };

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'src-main/doors/electron/main.ts'),
          // The worker thread that migrates, seeds and backs up while the window shows.
          prepare: resolve(__dirname, 'src-main/doors/electron/prepare.ts'),
          // The worker thread that counts summaries' comparisons (features/reports/comparisons.ts).
          comparisonWorker: resolve(__dirname, 'src-main/features/reports/comparisonWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload cannot require packages: everything it uses is bundled.
    build: {
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/doors/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      // Vite 8 bundles with Rolldown; electron-vite reads the renderer's options from this key.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        output: {
          // The screens load on demand (routes.tsx); the big libraries get chunks of their own,
          // named for what they are, shared by the screens that use them and cached apart. A
          // group takes its modules' dependencies along, so React is claimed first: otherwise it
          // would land in the grid's chunk and the home screen would load the grid with it.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 1 },
              {
                name: 'ag-grid',
                test: /node_modules[\\/](ag-grid-community|ag-grid-react|ag-stack|@ag-grid-community)[\\/]/,
              },
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            ],
          },
        },
      },
    },
  },
});
