// Bundles the app into dist/index.js: CommonJS for Node 22, tree-shaken, with zapier-platform-core external
// (Zapier's wrapper loads it from node_modules, and it is the floor the benchmark compares against).
//
// The app is dist/index.js. Three modules are bundles of their own beside it, each reached by a plain
// `require()` inside the function that first needs it, so an app start neither reads nor runs them (the cold
// start figure in docs/performance.md): zod (src/input/zod-lib.ts, the first input parsed), libphonenumber-js
// and its metadata (src/input/phone-lib.ts, the first phone number), each an ES module re-exporting what the app
// uses so esbuild keeps only that of the package, and the SMS counter (the sms-segments-calculator package itself,
// the first SMS text). dist/examples.js holds the operations' example inputs, for the scripts.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The modules that are bundles of their own (a source file, or a package whole) → the file the app requires instead. */
const LIBS = {
  'src/input/zod-lib.ts': 'zod.js',
  'src/input/phone-lib.ts': 'phone.js',
  'sms-segments-calculator': 'sms.js',
};
const libOf = (path: string, resolveDir: string): keyof typeof LIBS | undefined =>
  Object.hasOwn(LIBS, path)
    ? (path as keyof typeof LIBS)
    : (Object.keys(LIBS) as (keyof typeof LIBS)[]).find(
        (entry) => resolve(entry) === `${resolve(resolveDir, path)}.ts`,
      );
/** Every `require()` of one of LIBS in the app becomes a `require('./x.js')` of the sibling bundle. */
const libsBeside: Plugin = {
  name: 'libs-beside',
  setup(b) {
    b.onResolve({ filter: /-lib$|^sms-segments-calculator$/ }, (args) => {
      const lib = libOf(args.path, args.resolveDir);
      if (!lib) return undefined;
      if (args.kind !== 'require-call')
        throw new Error(`${args.importer} imports ${args.path}: require it where it is first needed`);
      return { path: `./${LIBS[lib]}`, external: true };
    });
  },
};

/**
 * libphonenumber-js's metadata as `JSON.parse('…')` instead of its object literal: V8 parses JSON text faster than
 * it evaluates the same data as JavaScript (most of the first phone check's cost). Without what the app's one use
 * never reads (`UNREAD_METADATA`, each country's array in the library's metadata v4): each country's number formats
 * (national and international layouts, as-you-type), for formatting, which the app never does: it parses,
 * validates and outputs E.164 (60 % of the metadata); and its international dialling prefixes (`011`, `00` …),
 * which only a number without its + is read with, and the app refuses those before parsing (`needsPlus`).
 * test/e2e/built-app.test.ts checks that the built phone check gives what the library with its whole metadata
 * gives, for every country's example number.
 */
const UNREAD_METADATA = { IDDPrefix: 1, formats: 4, defaultIDDPrefix: 12 };
const metadataAsJson: Plugin = {
  name: 'metadata-as-json',
  setup(b) {
    b.onLoad({ filter: /libphonenumber-js[\\/]metadata\.min\.json\.js$/ }, (args) => {
      const metadata = JSON.parse(readFileSync(args.path.replace(/\.js$/, ''), 'utf8')) as {
        countries: Record<string, unknown[]>;
        nonGeographic?: Record<string, unknown[]>;
      };
      for (const country of [...Object.values(metadata.countries), ...Object.values(metadata.nonGeographic ?? {})])
        for (const index of Object.values(UNREAD_METADATA)) if (country.length > index) country[index] = 0;
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(metadata))});`, loader: 'js' };
    });
  },
};

/**
 * The app needs each operation module's operation only. Its folders' index.ts files register a module in one line,
 * `export * as sendSms from './send-sms';`, which the scripts and tests read whole (the example beside the
 * operation, src/examples.ts); in the app's bundle each such line is `export { default as sendSms } from
 * './send-sms';`, so esbuild leaves each module's example and other exports out and builds no namespace object per
 * module (a namespace per module cost 1.3 ms and 161 KB of heap of every start, an example 1 KB of the zip;
 * docs/performance.md). src/registry.ts takes either form.
 */
const OPERATION_INDEX = /[\\/]src[\\/](?:creates|searches|triggers|search-or-creates)[\\/]index\.ts$/;
const REGISTRATION = /^export \* as (\w+) from '(\.\/[\w-]+)';$/gm;
const operationsOnly: Plugin = {
  name: 'operations-only',
  setup(b) {
    b.onLoad({ filter: OPERATION_INDEX }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(REGISTRATION, "export { default as $1 } from '$2';"),
      loader: 'ts',
    }));
  },
};

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
  // A source map beside each bundle (dist/*.js.map), never in the zip (scripts/lib/stage-build.ts ships dist/*.js):
  // `npm run stack` maps a stack trace from Zapier's logs back to the TypeScript source.
  sourcemap: 'external',
  sourcesContent: false,
  // Smaller zip (the bench's ≤ 1.15× a minimal app). Function names are not kept (`keepNames`): restoring them
  // wrote a `name` property on each of about 700 functions at every start, which left 200 KB more on the heap
  // (docs/performance.md); a stack trace's frames are read through the source map instead.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions;

await Promise.all([
  build({
    ...common,
    entryPoints: ['index.ts'],
    outfile: 'dist/index.js',
    plugins: [libsBeside, operationsOnly],
    // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
    footer: { js: 'module.exports = module.exports.default;' },
  }),
  // The operations' example inputs, for the scripts (src/examples.ts); nothing of the app requires it, so the
  // deployable zip never ships it.
  build({ ...common, entryPoints: ['src/examples.ts'], outfile: 'dist/examples.js', sourcemap: false }),
  ...Object.entries(LIBS).map(([entry, out]) =>
    build({ ...common, entryPoints: [entry], outfile: `dist/${out}`, plugins: [metadataAsJson] }),
  ),
]);

// One character outside ASCII (esbuild escapes those of strings, not those of regular expressions) makes Node
// read the whole bundle as a two-byte string: 120 KB more heap at every start.
const app = readFileSync('dist/index.js', 'utf8');
const nonAscii = /[^\t\n\r\x20-\x7e]/.exec(app);
if (nonAscii)
  throw new Error(
    `dist/index.js holds "${nonAscii[0]}": write it as a \\u escape in the source, so the bundle stays ASCII.`,
  );
// An example's keys (src/examples.ts) in the app's bundle mean an operation module's example was not dropped.
if (/\b(?:onAccount|inputData):/.test(app))
  throw new Error(
    "dist/index.js holds an example input: register the module as `export * as x from './x';` (operationsOnly).",
  );
