// @ts-check
// `pnpm mutation` (scripts/mutation.mjs) runs this from the repository root. Stryker 9.6.1 is the newest
// on Node 20; pnpm hides the vitest runner from Stryker's plugin discovery, so it is named here.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  plugins: ['./node_modules/@stryker-mutator/vitest-runner/dist/src/index.js'],
  testRunner: 'vitest',
  vitest: { configFile: 'packages/server/vitest.mutation.config.ts' },
  mutate: ['packages/server/src/**/*.ts'],
  // Stryker rewrites tsconfig.json with TypeScript's JavaScript API, which TypeScript 7 (native) no
  // longer has: point it at a file that does not exist so it leaves the tsconfig files alone.
  tsconfigFile: 'stryker/no-tsconfig.json',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 15_000,
  tempDirName: '.stryker-tmp/server',
  cleanTempDir: 'always',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: '.test-results/mutation/server.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 85, break: null },
};
