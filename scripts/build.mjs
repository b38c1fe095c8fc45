// Bundles the app (index.ts and what it imports) into dist/index.js, CommonJS for Node 22.
// zapier-platform-core stays external: Zapier's wrapper loads it from node_modules, and it is the floor
// the benchmark compares against. Everything else is tree-shaken into the one file; modules that only
// one operation needs (zod, phone metadata, SMS counting) are imported lazily and initialised on first use.
import { build } from 'esbuild';

await build({
  entryPoints: ['index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  // Intl.Segmenter instead of grapheme-splitter's tables (src/sms/grapheme-splitter.ts).
  alias: { 'grapheme-splitter': './src/sms/grapheme-splitter.ts' },
  sourcemap: false,
  // Smaller zip, same names: Zapier's stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
  footer: { js: 'module.exports = module.exports.default;' },
});
