import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Builtins and every dependency stay imports. `index` and `cli` are for Node; `msw` runs in Node and in
// browsers, so nothing it reaches may import a builtin (a test walks its imports to hold that).
export default defineConfig({
  build: {
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'src/index.ts', cli: 'src/cli.ts', msw: 'src/msw.ts' },
      external: [...builtinModules, /^node:/, /^@thryve-connect\//, /^hono/, /^@hono\//, /^msw(\/|$)/],
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
