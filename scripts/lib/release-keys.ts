// The keys a released app version promises its users: trigger, create and search keys, and each
// operation's input and output field keys. Removing or renaming one breaks live Zaps, so `npm test`
// (test/release.test.ts) compares the current definition against the snapshot of the last released one
// (release/released-keys.json, written by `npm run release:snapshot`: scripts/release-keys.ts).
//
// No import.meta and no Node-only imports: jest loads this file too, compiled to CommonJS.

const KINDS = ['triggers', 'creates', 'searches'] as const;
export type Kind = (typeof KINDS)[number];
export interface OperationKeys {
  inputFields: string[];
  outputFields: string[];
}
/** { triggers: { key: { inputFields: [...], outputFields: [...] } }, creates: {...}, searches: {...} } */
export type Keys = Record<Kind, Record<string, OperationKeys>>;

/** What is read of an app definition: any object; the operations' field lists when present. */
type Definition = Partial<
  Record<Kind, Record<string, { operation?: { inputFields?: unknown; outputFields?: unknown } }>>
>;

const fieldKeys = (fields: unknown): string[] =>
  (Array.isArray(fields) ? (fields as unknown[]) : [])
    .filter(
      (f): f is { key: string } => !!f && typeof f === 'object' && typeof (f as { key?: unknown }).key === 'string',
    )
    .map((f) => f.key)
    .sort();

export function keysOf(app: object): Keys {
  const definition = app as Definition;
  const out = {} as Keys;
  for (const kind of KINDS) {
    out[kind] = {};
    for (const [key, op] of Object.entries(definition[kind] || {})) {
      out[kind][key] = {
        inputFields: fieldKeys(op.operation && op.operation.inputFields),
        outputFields: fieldKeys(op.operation && op.operation.outputFields),
      };
    }
  }
  return out;
}

/** Every key of `released` missing from `current`, as readable strings; [] when nothing was removed. */
export function removedKeys(released: Partial<Keys>, current: Partial<Keys>): string[] {
  const removed: string[] = [];
  for (const kind of KINDS) {
    for (const [key, fields] of Object.entries(released[kind] || {})) {
      const now = (current[kind] || {})[key];
      if (!now) {
        removed.push(`${kind}.${key}`);
        continue;
      }
      for (const part of ['inputFields', 'outputFields'] as const) {
        for (const field of fields[part] || []) {
          if (!now[part].includes(field)) removed.push(`${kind}.${key}.${part}.${field}`);
        }
      }
    }
  }
  return removed;
}

/** The version has a "## {version}" heading in CHANGELOG.md. */
export function changelogHasVersion(changelog: string, version: string): boolean {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`, 'm').test(changelog);
}
