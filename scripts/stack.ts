// Maps a stack trace from Zapier's logs back to the TypeScript source: each frame in the built app
// (index.js, and the zod.js, phone.js and sms.js bundles beside it) becomes `src/….ts:line:column`, read from the
// source maps `npm run build` writes beside dist/ (never shipped in the zip).
//
//   npm run build && npm run stack -- trace.txt      (or: … | npm run stack)
//
// Build the version that logged the trace (check out its tag) first: a map fits only the bundle it was made with.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

/**
 * A frame's position in a file named like one of the app's bundles: `…/index.js:1:2345` (Zapier's paths start
 * /var/task/). A file of that name under node_modules (core's own index.js) is not the app's.
 */
const FRAME = /([^\s()]*[\\/])?((?:index|zod|phone|sms)\.js):(\d+):(\d+)/g;

const maps = new Map<string, SourceMap | undefined>();
function mapOf(bundle: string): SourceMap | undefined {
  if (!maps.has(bundle)) {
    const file = join(dist, `${bundle}.map`);
    maps.set(bundle, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return maps.get(bundle);
}

/** One line of the trace, its frames in the app's bundles followed by where they are in the source. */
function mapLine(line: string): string {
  return line.replace(
    FRAME,
    (frame: string, dir: string | undefined, bundle: string, lineNumber: string, columnNumber: string) => {
      if (dir && /node_modules[\\/]/.test(dir)) return frame;
      const origin = mapOf(bundle)?.findOrigin(Number(lineNumber), Number(columnNumber));
      if (!origin || !('fileName' in origin)) return frame;
      const source = relative(root, join(dist, origin.fileName));
      return `${source}:${origin.lineNumber}:${origin.columnNumber} [${bundle}:${lineNumber}:${columnNumber}]`;
    },
  );
}

if (!existsSync(join(dist, 'index.js.map'))) {
  console.error('No source map in dist/: run `npm run build` first (on the version that logged the trace).');
  process.exit(1);
}
const trace = readFileSync(process.argv[2] ?? 0, 'utf8');
process.stdout.write(trace.split('\n').map(mapLine).join('\n'));
