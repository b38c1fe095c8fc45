// Bundles the app (index.ts and what it imports) into dist/index.js, CommonJS for Node 22.
// zapier-platform-core stays external: Zapier's wrapper loads it from node_modules, and it is the floor
// the benchmark compares against. Everything else is tree-shaken into the one file.
import { build } from 'esbuild';

await build({
  entryPoints: ['index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['zapier-platform-core'],
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
  footer: { js: 'module.exports = module.exports.default;' },
});
