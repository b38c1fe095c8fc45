/**
 * The app's operations, each kind keyed by each operation's own `key`, from the modules its index.ts re-exports
 * (one line per module: `export * as sendSms from './send-sms'`), whose default export is the operation. The same
 * modules give the scripts their example inputs (src/examples.ts). No list restates a key.
 */
import type { Example } from './examples';
import * as createModules from './creates';
import * as searchOrCreateModules from './search-or-creates';
import * as searchModules from './searches';
import * as triggerModules from './triggers';

/** An index.ts's modules, by name: each with its operation as default export and its example input beside it. */
export type OperationModules = Record<string, { default: { key: string }; example?: Example }>;

/** The operations of `M` by their own keys (each key its literal type, as the operation declares it). */
export type ByKey<M extends OperationModules> = { [N in keyof M as M[N]['default']['key']]: M[N]['default'] };

/**
 * A registered module's operation. The sources give the module (its operation the `default` export); the app's
 * bundle gives the operation itself, each index.ts line re-exporting only the default (scripts/build.ts,
 * `operationsOnly`).
 */
const operationOf = (module: unknown): { key?: unknown } | undefined =>
  module && typeof module === 'object' && 'default' in module
    ? (module.default as { key?: unknown } | undefined)
    : (module as { key?: unknown } | undefined);

/**
 * The operations of `modules` by their own keys, in the keys' order: one order whether the modules come from the
 * bundle or the sources. Two modules declaring one key fail the app's load, naming both modules.
 */
export function byKey<M extends OperationModules>(modules: M): ByKey<M> {
  const moduleOf = new Map<string, string>();
  for (const [name, module] of Object.entries(modules)) {
    const key: unknown = operationOf(module)?.key;
    if (typeof key !== 'string') throw new Error(`${name}: its default export is no operation (it has no key)`);
    const other = moduleOf.get(key);
    if (other) throw new Error(`${other} and ${name} both declare the key '${key}': give each operation its own key`);
    moduleOf.set(key, name);
  }
  return Object.fromEntries(
    [...moduleOf].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, name]) => [key, operationOf(modules[name])]),
  ) as ByKey<M>;
}

export const creates = byKey(createModules);
export const searches = byKey(searchModules);
export const triggers = byKey(triggerModules);
export const searchOrCreates = byKey(searchOrCreateModules);
