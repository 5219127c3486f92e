/**
 * Vite config of the UI bench page (bench/ui/index.html): the app's React plugin, its own root
 * and an output directory chosen by bench/ui.ts, so the app's dist/ is never touched.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./ui', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir:
      process.env.ROLLOUT_LAB_BENCH_OUT ??
      fileURLToPath(new URL('../node_modules/.cache/ui-bench', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./ui/index.html', import.meta.url)) },
  },
});
