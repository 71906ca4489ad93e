// @ts-check
// `pnpm mutation` (scripts/mutation.mjs) runs this from the repository root. Stryker 9.6.1 is the newest
// on Node 20; pnpm hides the vitest runner from Stryker's plugin discovery, so it is named here.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: ['./node_modules/@stryker-mutator/vitest-runner/dist/src/index.js'],
  testRunner: 'vitest',
  vitest: { configFile: 'packages/core/vitest.mutation.config.ts' },
  // Every source file, so modules added later are mutated too; scores are reported per file.
  mutate: ['packages/core/src/**/*.ts'],
  // Stryker rewrites tsconfig.json with TypeScript's JavaScript API, which TypeScript 7 (native) no
  // longer has: point it at a file that does not exist so it leaves the tsconfig files alone.
  tsconfigFile: 'stryker/no-tsconfig.json',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp/core',
  cleanTempDir: 'always',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: '.test-results/mutation/core.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 85, break: null },
};
