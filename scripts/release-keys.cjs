// The keys a released app version promises its users: trigger, create and search keys, and each
// operation's input and output field keys. Removing or renaming one breaks live Zaps, so `npm test`
// compares the current definition against the snapshot of the last released one (release/released-keys.json).
'use strict';

const fieldKeys = (fields) =>
  (Array.isArray(fields) ? fields : [])
    .filter((f) => f && typeof f === 'object' && typeof f.key === 'string')
    .map((f) => f.key)
    .sort();

/** { triggers: { key: { inputFields: [...], outputFields: [...] } }, creates: {...}, searches: {...} } */
function keysOf(app) {
  const out = {};
  for (const kind of ['triggers', 'creates', 'searches']) {
    out[kind] = {};
    for (const [key, op] of Object.entries(app[kind] || {})) {
      out[kind][key] = {
        inputFields: fieldKeys(op.operation && op.operation.inputFields),
        outputFields: fieldKeys(op.operation && op.operation.outputFields),
      };
    }
  }
  return out;
}

/** Every key of `released` missing from `current`, as readable strings; [] when nothing was removed. */
function removedKeys(released, current) {
  const removed = [];
  for (const kind of ['triggers', 'creates', 'searches']) {
    for (const [key, fields] of Object.entries(released[kind] || {})) {
      const now = (current[kind] || {})[key];
      if (!now) {
        removed.push(`${kind}.${key}`);
        continue;
      }
      for (const part of ['inputFields', 'outputFields']) {
        for (const field of fields[part] || []) {
          if (!now[part].includes(field)) removed.push(`${kind}.${key}.${part}.${field}`);
        }
      }
    }
  }
  return removed;
}

/** The version has a "## {version}" heading in CHANGELOG.md. */
function changelogHasVersion(changelog, version) {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(changelog);
}

module.exports = { keysOf, removedKeys, changelogHasVersion };

// `node scripts/release-keys.cjs snapshot`: after a release is promoted, record its keys.
if (require.main === module && process.argv[2] === 'snapshot') {
  const fs = require('node:fs');
  const path = require('node:path');
  const root = path.resolve(__dirname, '..');
  const app = require(path.join(root, 'dist/index.js'));
  const snapshot = { version: app.version, keys: keysOf(app) };
  fs.writeFileSync(path.join(root, 'release/released-keys.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`release/released-keys.json now holds the keys of version ${app.version}.`);
}
