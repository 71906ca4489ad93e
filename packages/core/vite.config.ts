import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

// What `#is-development` resolves to (package.json `imports`), by the app's build mode. Copied, not
// bundled: a bundle would turn the `const` into a `var`, and esbuild inlines only a `const` into the
// `IS_DEVELOPMENT ? explanation : ''` of other modules (so the explanation drops out of an app's bundle).
const copyIsDevelopment = (): Plugin => ({
  name: 'thryve-copy-is-development',
  async generateBundle() {
    for (const mode of ['development', 'production']) {
      const source = readFileSync(`src/isDevelopment/${mode}.ts`, 'utf8');
      const { code } = await transform(source, { loader: 'ts' });
      this.emitFile({ type: 'asset', fileName: `isDevelopment/${mode}.js`, source: code });
    }
  },
});

// Library build: one ESM file, plus a chunk for each dynamic `import()` (code loaded on first use, e.g.
// the proxy fetcher's error answer reader), named after its module under `internal/`, where its .d.ts is;
// `tsc -p tsconfig.build.json` writes the .d.ts.
export default defineConfig({
  plugins: [copyIsDevelopment()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    // A peer: the app's own copy (the one React Query uses), never a second one inside ours.
    // `#is-development` stays a bare import: the app's bundler picks the file by its own mode.
    rollupOptions: {
      external: [/^@tanstack\//, /^#/],
      output: { chunkFileNames: 'internal/[name].js' },
    },
  },
});
