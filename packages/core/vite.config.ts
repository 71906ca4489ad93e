import { defineConfig } from 'vite';

// Library build: one ESM file; `tsc -p tsconfig.build.json` writes the .d.ts beside it.
export default defineConfig({
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    // A peer: the app's own copy (the one React Query uses), never a second one inside ours.
    rollupOptions: { external: [/^@tanstack\//] },
  },
});
