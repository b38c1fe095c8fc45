import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogHasVersion, keysOf, removedKeys, type Keys } from '../scripts/lib/release-keys';
import { App } from './helpers/app';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const released = JSON.parse(readFileSync(join(root, 'release/released-keys.json'), 'utf8')) as {
  version: string;
  keys: Keys;
};

describe('release safety', () => {
  it('the app version is the package version, and CHANGELOG.md has an entry for it', () => {
    expect(App.version).toBe(pkg.version);
    expect(changelogHasVersion(changelog, pkg.version)).toBe(true);
    expect(changelogHasVersion(changelog, '99.0.0')).toBe(false);
  });

  it('no key of the last released definition has disappeared', () => {
    expect(removedKeys(released.keys, keysOf(App))).toEqual([]);
  });

  it('fails on a branch that drops an output field, an input field or an operation', () => {
    const current = keysOf(App);
    // An operation with both input and output fields (a create), so every branch below runs.
    const found = (['creates', 'searches', 'triggers'] as const)
      .flatMap((k) => Object.entries(current[k]).map(([key, o]) => [k, key, o] as const))
      .find(([, , o]) => o.outputFields.length > 0 && o.inputFields.length > 0);
    expect(found).toBeDefined();
    const [kind, opKey, op] = found!;

    const withoutOutput = structuredClone(current);
    const droppedOutput = op.outputFields[0]!;
    withoutOutput[kind][opKey]!.outputFields = op.outputFields.slice(1);
    expect(removedKeys(current, withoutOutput)).toEqual([`${kind}.${opKey}.outputFields.${droppedOutput}`]);

    const withoutOperation = structuredClone(current);
    delete withoutOperation[kind][opKey];
    expect(removedKeys(current, withoutOperation)).toEqual([`${kind}.${opKey}`]);

    const withoutInput = structuredClone(current);
    withoutInput[kind][opKey]!.inputFields = op.inputFields.slice(1);
    expect(removedKeys(current, withoutInput)).toEqual([`${kind}.${opKey}.inputFields.${op.inputFields[0]}`]);
  });

  it('reports the released output field a branch dropped from a real trigger definition', () => {
    const trigger = App.triggers!.contact_created as { operation: { outputFields: { key: string }[] } };
    const branch = {
      ...App,
      triggers: {
        ...App.triggers,
        contact_created: {
          ...trigger,
          operation: {
            ...trigger.operation,
            outputFields: trigger.operation.outputFields.filter((f) => f.key !== 'name'),
          },
        },
      },
    };
    expect(released.keys.triggers.contact_created?.outputFields).toContain('name');
    expect(removedKeys(released.keys, keysOf(branch))).toEqual(['triggers.contact_created.outputFields.name']);
  });
});
