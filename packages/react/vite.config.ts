import { readdirSync, readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

// The stylesheet ships as a plain file users import once (`@thryve-connect/react/styles.css`): no CSS
// import inside our JS, so no bundler needs a CSS loader for our package and SSR stays clean.
const copyStyles = (): Plugin => ({
  name: 'thryve-copy-styles',
  async generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync('src/styles.css', 'utf8') });
    // What `#is-development` resolves to (package.json `imports`), by the app's build mode. Copied, not
    // bundled: a bundle would turn the `const` into a `var`, and esbuild inlines only a `const` into
    // the `if (IS_DEVELOPMENT)` of other modules (so the branch drops out of an app's bundle).
    for (const mode of ['development', 'production']) {
      const { code } = await transform(readFileSync(`src/isDevelopment/${mode}.ts`, 'utf8'), {
        loader: 'ts',
      });
      this.emitFile({ type: 'asset', fileName: `isDevelopment/${mode}.js`, source: code });
    }
  },
});

// Every locale is its own entry (`@thryve-connect/react/messages/<code>`): an app downloads only the
// languages it imports. Read from the folder, so a new locale file is an entry without another edit.
const locales = readdirSync('src/messages')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/messages/${file}`);

// One output file per source file, so each keeps its own `"use client"` directive and
// server components can import the pure helpers (query options) without a client boundary.
export default defineConfig({
  plugins: [copyStyles()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    // The test kit is its own entry too (`@thryve-connect/react/testing`): no app bundle reaches it.
    lib: {
      entry: [
        'src/index.ts',
        ...locales,
        'src/testing/index.ts',
        // The Server Component entry (`./server`) under `react-server`, and what it is elsewhere.
        'src/server/index.ts',
        'src/server/unsupported.ts',
        // Development-only code, reached only through `#is-development`'s development file.
        'src/internal/useProviderWarnings.ts',
        'src/internal/developmentWarnings.ts',
      ],
      formats: ['es'],
    },
    rollupOptions: {
      // preserveModules keeps each file's "use client"; the bundler's warning about it does not apply.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // `#is-development` stays a bare import: the app's bundler picks the file by its own mode.
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^@thryve-connect\//, /^#/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
