// `node scripts/release-keys.ts snapshot` (`npm run release:snapshot`): after a release is promoted, record
// its keys in release/released-keys.json, which `npm test` compares the current definition against
// (scripts/lib/release-keys.ts). Reads the built app: run `npm run build` first.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { keysOf } from './lib/release-keys.ts';

if (process.argv[2] === 'snapshot') {
  const root = resolve(import.meta.dirname, '..');
  const app = createRequire(import.meta.url)(join(root, 'dist/index.js')) as { version: string };
  const snapshot = { version: app.version, keys: keysOf(app) };
  writeFileSync(join(root, 'release/released-keys.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`release/released-keys.json now holds the keys of version ${app.version}.`);
}
