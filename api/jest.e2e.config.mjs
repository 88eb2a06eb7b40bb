/** e2e tier: the real app in-process, on real PostgreSQL; each file gets its own database copied from a migrated template. */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  maxWorkers: 2,
  // Node 20 never frees a file's ESM module graph (vm.SourceTextModule leak, nodejs/node#59118): a worker grows
  // ~35 MB a file and one past 1 GB took over Jest's 500 ms to exit. Recycle workers before they get that big.
  workerIdleMemoryLimit: '400MB',
  testTimeout: 60000,
};
