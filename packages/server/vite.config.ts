import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// A Node library: builtins and every dependency stay imports, nothing is bundled for a browser.
export default defineConfig({
  build: {
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'src/index.ts', redis: 'src/redis/index.ts' },
      external: [...builtinModules, /^node:/, /^@thryve-connect\//, /^hono/, /^@hono\//, /^ioredis/],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
