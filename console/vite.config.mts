import vue from '@vitejs/plugin-vue';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The staff console: a static site built into build/console and served under /console/ — by the
 * local runtime, and in production by CloudBase static hosting (docs/DEPLOY.md).
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: resolve(here, '..', 'build', 'console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
