/**
 * Unit, function and page tests. Function tests talk to the local runtime over HTTP;
 * page tests opt into jsdom with a `@jest-environment jsdom` docblock.
 * @type {import('jest').Config}
 */
module.exports = {
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // Fails a test file whose runtime answered a query no declared index serves.
  setupFilesAfterEnv: ['<rootDir>/test/support/unindexedQueries.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // Both cores: most tests wait on HTTP to a runtime or a child process, so two workers overlap well.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
};
