// Bundles the app into dist/, CommonJS for Node 22, with zapier-platform-core external (Zapier's wrapper
// loads it from node_modules, and it is the floor the benchmark compares against).
//
//   dist/index.js         the app: everything Zapier needs to load the definition (auth, middleware,
//                         triggers, creates, searches), tree-shaken.
//   dist/validate.js      zod + libphonenumber-js metadata (src/validation/parse.ts)
//   dist/sms-segments.js  the SMS counter (src/messaging/sms-segments.ts)
//
// The last two are what only some operations need: the app reaches them with `await import(...)`, which
// this build turns into a `require` of the sibling file on first use, so a cold start neither parses nor
// runs them (measured by `npm run bench`). zapier-platform build ships every file a `require` reaches.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

/** Lazily loaded modules: source import specifier → the sibling bundle that replaces it. */
const LAZY = [
  { entry: 'src/validation/parse.ts', specifier: /^\.\/parse$/, out: 'validate.js' },
  { entry: 'src/messaging/sms-segments.ts', specifier: /^\.\.\/messaging\/sms-segments$/, out: 'sms-segments.js' },
];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  // Intl.Segmenter instead of grapheme-splitter's tables (src/messaging/grapheme-splitter.ts).
  alias: { 'grapheme-splitter': './src/messaging/grapheme-splitter.ts' },
  sourcemap: false,
  // Smaller zip, same names: Zapier's stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  legalComments: 'none',
  logLevel: 'warning',
};

const lazyExternals = {
  name: 'lazy-siblings',
  setup(b) {
    for (const { specifier, out } of LAZY) {
      b.onResolve({ filter: specifier }, (args) => {
        if (args.kind !== 'dynamic-import') {
          throw new Error(
            `${args.importer} imports ${args.path} statically: load it with await import() so it stays out of the cold start`,
          );
        }
        return { path: `./${out}`, external: true };
      });
    }
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['index.ts'],
    outfile: 'dist/index.js',
    plugins: [lazyExternals],
    // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
    footer: { js: 'module.exports = module.exports.default;' },
  }),
  ...LAZY.map(({ entry, out }) => build({ ...common, entryPoints: [entry], outfile: `dist/${out}` })),
]);
