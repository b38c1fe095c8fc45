// Bundles the app into dist/index.js: CommonJS for Node 22, tree-shaken, with zapier-platform-core external
// (Zapier's wrapper loads it from node_modules, and it is the floor the benchmark compares against).
//
// One bundle. The two heavy libraries, libphonenumber-js (phone metadata) and sms-segments-calculator, are
// reached by a `require()` inside the function that first needs them (src/input/formats.ts,
// src/messaging/sms-segments.ts): esbuild keeps them in this bundle as modules evaluated on that first call,
// so an app start parses them but runs neither. libphonenumber-js is required through src/input/phone-lib.ts,
// an ES module: a package's own CommonJS build cannot be tree-shaken (281 KB instead of 146 KB).
// zapier-platform build ships every file a `require` reaches; `npm run bench` runs each operation from the zip.
import { rmSync } from 'node:fs';
import { build, type BuildOptions } from 'esbuild';

/** Intl.Segmenter instead of grapheme-splitter's tables; jest.config.ts maps the package to the same file. */
const GRAPHEME_SPLITTER = 'src/messaging/grapheme-splitter.ts';

rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  alias: { 'grapheme-splitter': `./${GRAPHEME_SPLITTER}` },
  sourcemap: false,
  // Smaller zip (the bench's ≤ 1.15× a minimal app), with every function's and class's name kept (`keepNames`):
  // V8 prints that name in stack traces, so Zapier's logs stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions;

await Promise.all([
  build({
    ...common,
    entryPoints: ['index.ts'],
    outfile: 'dist/index.js',
    // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
    footer: { js: 'module.exports = module.exports.default;' },
  }),
  // The operations' example inputs, for the scripts (src/examples.ts); nothing of the app requires it, so the
  // deployable zip never ships it.
  build({ ...common, entryPoints: ['src/examples.ts'], outfile: 'dist/examples.js' }),
]);
