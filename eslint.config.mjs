import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A relative import or export without the `.ts` extension Node needs to run the file as it is. */
const extensionless = '[source.value=/^\\.\\.?\\/(?!.*\\.(ts|json)$)/]';
const NODE_RUNS_IT = 'Node runs this file as it is (type stripping): name the imported file with its .ts extension.';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Run by Node 22 directly: types must be erasable, and a type-only import must say so, or Node looks for
    // the type at run time.
    files: ['sandbox/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].map((node) => ({
          selector: `${node}${extensionless}`,
          message: NODE_RUNS_IT,
        })),
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(src|dist)(/|$)|^(\\.\\./)+index(\\.ts)?$',
              message: 'The sandbox is an independent model of CINNOX: it never imports the app (sandbox/README.md).',
            },
          ],
        },
      ],
    },
  },
);
