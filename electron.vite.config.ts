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
      rollupOptions: { input: { main: resolve(__dirname, 'src-main/doors/electron/main.ts') } },
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
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
