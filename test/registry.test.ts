/**
 * An operation is registered by one line of its directory's index.ts (src/registry.ts keys it by its own `key`):
 * every module of an operation directory, read from the directory itself, is in the app under the key its operation
 * declares; no two modules declare one key; and the registry refuses a second module with a key already taken,
 * rather than letting one operation silently replace the other.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { byKey } from '../src/registry';
import { App } from './helpers/app';

type Kind = 'creates' | 'searches' | 'triggers' | 'searchOrCreates';
const DIRECTORIES: [Kind, string][] = [
  ['creates', 'creates'],
  ['searches', 'searches'],
  ['triggers', 'triggers'],
  ['searchOrCreates', 'search-or-creates'],
];

/** Each module of each directory but its index.ts: [kind, file, the module's default export]. */
const MODULES = DIRECTORIES.flatMap(([kind, dir]) =>
  readdirSync(join(__dirname, '../src', dir))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => {
      const module = jest.requireActual<{ default?: { key?: unknown } }>(`../src/${dir}/${file}`);
      return [kind, `src/${dir}/${file}`, module.default] as const;
    }),
);
const app = App as unknown as Record<Kind, Record<string, unknown>>;

describe('the modules of src/creates, src/searches, src/triggers and src/search-or-creates', () => {
  it('are read from each directory', () => {
    expect(new Set(MODULES.map(([kind]) => kind))).toEqual(new Set(DIRECTORIES.map(([kind]) => kind)));
  });

  it.each(MODULES)('%s: %s is in the app under the key its default export declares', (kind, _file, operation) => {
    expect(operation).toEqual(expect.objectContaining({ key: expect.stringMatching(/^[a-z][a-z0-9_]*$/) }));
    expect(app[kind][operation!.key as string]).toBe(operation);
  });

  it.each(DIRECTORIES)('%s: each key is declared by one module, and the app has no key besides', (kind) => {
    const declared = MODULES.filter(([k]) => k === kind).map(([, file, operation]) => [String(operation?.key), file]);
    const keys = declared.map(([key]) => key);
    expect(declared.filter(([key]) => keys.indexOf(key) !== keys.lastIndexOf(key))).toEqual([]);
    expect(Object.keys(app[kind]).sort()).toEqual(keys.sort());
  });
});

describe('byKey (src/registry.ts)', () => {
  it("keys each module's operation by its own key, in the keys' order", () => {
    const sms = { key: 'send_sms' };
    const labels = { key: 'add_enquiry_labels' };
    const operations = byKey({ sendSms: { default: sms }, addLabels: { default: labels } });
    expect(Object.keys(operations)).toEqual(['add_enquiry_labels', 'send_sms']);
    expect(operations.send_sms).toBe(sms);
    expect(operations.add_enquiry_labels).toBe(labels);
  });

  it.each([
    [
      'two modules declaring one key',
      { sendSms: { default: { key: 'send_sms' } }, sendSmsCopy: { default: { key: 'send_sms' } } },
      "sendSms and sendSmsCopy both declare the key 'send_sms': give each operation its own key",
    ],
    [
      'a module whose default export is no operation',
      { sendSms: { default: { key: 'send_sms' } }, smsHelpers: {} },
      'smsHelpers: its default export is no operation (it has no key)',
    ],
  ])('refuses %s, naming the modules', (_case, modules, message) => {
    expect(() => byKey(modules as never)).toThrow(new Error(message));
  });
});
