// Bundles the app into dist/, CommonJS for Node 22, with zapier-platform-core external (Zapier's wrapper
// loads it from node_modules, and it is the floor the benchmark compares against).
//
//   dist/index.js         the app: everything Zapier needs to load the definition (auth, middleware,
//                         triggers, creates, searches), tree-shaken.
//   dist/validate.js      zod + libphonenumber-js metadata (the first LAZY entry below)
//   dist/sms-segments.js  the SMS counter (the second LAZY entry below)
//
// The last two are what only some operations need: the app reaches them with `await import(...)`, which
// this build turns into a `require` of the sibling file on first use, so a cold start neither parses nor
// runs them (measured by `npm run bench`). zapier-platform build ships every file a `require` reaches.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

// ---- The source paths this build depends on: each written once, here. ----------------------------
/** Lazily loaded modules: source entry → the sibling bundle that replaces every import of it. */
const LAZY = [
  { entry: 'src/validation/parse.ts', out: 'validate.js' },
  { entry: 'src/messaging/sms-segments.ts', out: 'sms-segments.js' },
];
/** Intl.Segmenter instead of grapheme-splitter's tables; jest.config.ts maps the package to the same file. */
const GRAPHEME_SPLITTER = 'src/messaging/grapheme-splitter.ts';
// ----------------------------------------------------------------------------------------------------

rmSync('dist', { recursive: true, force: true });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  alias: { 'grapheme-splitter': `./${GRAPHEME_SPLITTER}` },
  sourcemap: false,
  // Smaller zip, same names: Zapier's stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  legalComments: 'none',
  logLevel: 'warning',
};

const lazyExternals: Plugin = {
  name: 'lazy-siblings',
  setup(b) {
    // Every relative import: those that reach a LAZY entry (with or without `.ts`) become its sibling bundle.
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      const lazy = LAZY.find(({ entry }) => target === resolve(entry) || `${target}.ts` === resolve(entry));
      if (!lazy) return undefined;
      if (args.kind !== 'dynamic-import') {
        throw new Error(
          `${args.importer} imports ${args.path} statically: load it with await import() so it stays out of the cold start`,
        );
      }
      return { path: `./${lazy.out}`, external: true };
    });
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
