/** Unit tests: ts-jest on the TypeScript sources, network disabled (test/setup.ts). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true, verbatimModuleSyntax: false }, diagnostics: false }],
  },
  collectCoverageFrom: ['index.ts', 'src/**/*.ts'],
};
