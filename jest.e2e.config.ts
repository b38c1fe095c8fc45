/**
 * End-to-end: the `npm start` tour against a sandbox started for it (no nock). Needs `npm run build` first.
 * Jest loads this file with ts-node.
 */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
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
