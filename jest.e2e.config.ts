/**
 * End-to-end: the `npm start` tour against a sandbox started for it (no nock). Needs `npm run build` first.
 * Jest loads this file with ts-node.
 */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  // As on a developer's machine with every CINNOX_* / SANDBOX_* / authData_* set; each file forgets them.
  globalSetup: '<rootDir>/test/hostile-env.ts',
  setupFiles: ['<rootDir>/test/e2e/setup.ts'],
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
};

export default config;
