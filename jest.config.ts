/** Unit tests: ts-jest on the TypeScript sources, network disabled (test/setup.ts). Jest loads this file with ts-node. */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // As on a developer's machine with every CINNOX_* / SANDBOX_* / authData_* set; each file forgets them.
  globalSetup: '<rootDir>/test/hostile-env.ts',
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          isolatedModules: true,
          verbatimModuleSyntax: false,
        },
        diagnostics: false,
      },
    ],
  },
  // As in the bundle (scripts/build.ts): tests run what ships.
  moduleNameMapper: { '^grapheme-splitter$': '<rootDir>/src/messaging/grapheme-splitter.ts' },
  collectCoverageFrom: ['index.ts', 'src/**/*.ts'],
  coverageReporters: ['text-summary'],
  // A floor under what the suite reaches now (≈98 % of lines, 88 % of branches): a drop fails `npm test`.
  coverageThreshold: { global: { lines: 95, statements: 95, functions: 90, branches: 85 } },
};

export default config;
