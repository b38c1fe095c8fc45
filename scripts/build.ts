// Bundles the app into dist/, CommonJS for Node 22, with zapier-platform-core external (Zapier's wrapper
// loads it from node_modules, and it is the floor the benchmark compares against).
//
//   dist/index.js         the app: everything Zapier needs to load the definition (auth, middleware,
//                         triggers, creates, searches), tree-shaken.
//   dist/*.js             one sibling bundle per LAZY entry below: what only some operations, or only some
//                         fields, need. None is loaded when the app starts.
//
// Two ways a LAZY entry is reached, each checked here:
//   'import'  the app loads it with `await import(...)`, which this build turns into a `require` of the sibling
//             on first use; a static import of it fails the build.
//   'call'    a module whose exports are all functions, imported statically: the importer gets, instead of the
//             module, a stand-in whose functions `require` the sibling on their first call. The checks stay
//             synchronous, and the sibling (e.g. the phone metadata) loads only when a value of its kind is
//             checked. A stand-in for an export that is not a function fails the build.
// zapier-platform build ships every file a `require` reaches; `npm run bench` runs each operation from the zip.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

// ---- The source paths this build depends on: each written once, here. ----------------------------
/** Lazily loaded modules: source entry → the sibling bundle that replaces every import of it. */
const LAZY = [
  // Validation (field specs → checked values); the value checks that need a library are siblings of their own.
  { entry: 'src/validation/parse.ts', out: 'validate.js', reach: 'import' },
  // libphonenumber-js and its metadata: only when a phone field has a value.
  { entry: 'src/validation/phone.ts', out: 'phone.js', reach: 'call' },
  // zod's e-mail pattern: only when an e-mail field has a value.
  { entry: 'src/validation/email.ts', out: 'email.js', reach: 'call' },
  // The SMS counter (sms-segments-calculator): Send SMS only.
  { entry: 'src/messaging/sms-segments.ts', out: 'sms-segments.js', reach: 'import' },
] as const;
type Lazy = (typeof LAZY)[number];
/** The heavy packages, and the one bundle each may be in: a static import from elsewhere fails the build. */
const PACKAGE_BUNDLE: Record<string, string> = {
  'libphonenumber-js': 'phone.js',
  zod: 'email.js',
  'sms-segments-calculator': 'sms-segments.js',
};
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
  // `await import(x)` becomes `Promise.resolve().then(() => __toESM(require(x)))`: no ES-module loader.
  supported: { 'dynamic-import': false },
  legalComments: 'none',
  logLevel: 'warning',
};

/** The exported names of each 'call' entry, read from its built sibling (each must be a function). */
const callExports = new Map<Lazy, string[]>();

/** The stand-in for a 'call' entry: each export requires the sibling on its first call. */
const standIn = (lazy: Lazy): string => {
  const names = callExports.get(lazy)!;
  return [
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(`./${lazy.out}`)}));`,
    ...names.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
  ].join('\n');
};

const lazySiblings = (self?: Lazy): Plugin => ({
  name: 'lazy-siblings',
  setup(b) {
    // Every relative import: those that reach a LAZY entry (with or without `.ts`) become its sibling bundle.
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace === 'lazy-call') return { path: args.path, external: true };
      const target = resolve(args.resolveDir, args.path);
      const lazy = LAZY.find(({ entry }) => target === resolve(entry) || `${target}.ts` === resolve(entry));
      if (!lazy || lazy === self) return undefined;
      if (lazy.reach === 'call') {
        if (args.kind !== 'import-statement') {
          throw new Error(
            `${args.importer} loads ${args.path} with ${args.kind}: import it statically (its stand-in loads it on first call)`,
          );
        }
        return { path: lazy.entry, namespace: 'lazy-call' };
      }
      if (args.kind !== 'dynamic-import') {
        throw new Error(
          `${args.importer} imports ${args.path} statically: load it with await import() so it stays out of the cold start`,
        );
      }
      // External, and emitted as a deferred `require` (common.supported): a CommonJS `import()` would start
      // Node's ES-module loader (≈ 5 ms and 2 MB on a cold process). Node's own module cache applies, so a
      // load that failed once fails the same way, with its own error, on the next call.
      return { path: `./${lazy.out}`, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-call' }, (args) => {
      const lazy = LAZY.find(({ entry }) => entry === args.path)!;
      return { contents: standIn(lazy), loader: 'js', resolveDir: resolve('dist') };
    });
  },
});

/** Builds one bundle, then fails when it holds a heavy package that belongs to another bundle. */
async function bundle(options: BuildOptions & { outfile: string }): Promise<void> {
  const { metafile } = await build({ ...common, ...options, metafile: true });
  const out = options.outfile.replace(/^dist\//, '');
  for (const input of Object.keys(metafile.outputs[options.outfile]?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    const home = pkg ? PACKAGE_BUNDLE[pkg] : undefined;
    if (home && home !== out) {
      throw new Error(`dist/${out} includes ${pkg}, which belongs in dist/${home} only: import it from there (LAZY)`);
    }
  }
  // A dynamic import left in a CommonJS bundle starts Node's ES-module loader on its first use.
  const text = readFileSync(options.outfile, 'utf8');
  const left = /\bimport\(([^)]{0,60})\)?/.exec(text);
  if (left) {
    throw new Error(
      `dist/${out} keeps import(${left[1]}): load a sibling bundle through a LAZY 'import' entry and a package with a static import, so the bundle needs no ES-module loader`,
    );
  }
}

const buildLazy = (lazy: Lazy) =>
  bundle({ entryPoints: [lazy.entry], outfile: `dist/${lazy.out}`, plugins: [lazySiblings(lazy)] });

// The 'call' entries first: their stand-ins need their exports.
const require = createRequire(import.meta.url);
for (const lazy of LAZY.filter(({ reach }) => reach === 'call')) {
  await buildLazy(lazy);
  const exports = require(resolve('dist', lazy.out)) as Record<string, unknown>;
  const notFunctions = Object.keys(exports).filter((name) => typeof exports[name] !== 'function');
  if (notFunctions.length > 0) {
    throw new Error(
      `${lazy.entry} exports ${notFunctions.join(', ')}, not functions: a 'call' entry exports functions only`,
    );
  }
  callExports.set(lazy, Object.keys(exports));
}

await Promise.all([
  bundle({
    entryPoints: ['index.ts'],
    outfile: 'dist/index.js',
    plugins: [lazySiblings()],
    // Zapier loads the app with require(): hand it the app itself, not an ES-module namespace.
    footer: { js: 'module.exports = module.exports.default;' },
  }),
  ...LAZY.filter(({ reach }) => reach === 'import').map(buildLazy),
]);
