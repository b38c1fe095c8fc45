/**
 * The whole app definition, every operation: what Zapier shows a Zap builder. Each operation the CINNOX
 * Zapier guide (https://docs.cinnox.com/docs/zapier) names is there; every input field has a label and help
 * text; every sample key is a labelled output field; descriptions are full sentences; drop-downs,
 * search-powered fields and search-or-create point at operations that exist.
 */
import { App } from './helpers/app';

type Field = {
  key: string;
  label?: string;
  helpText?: string;
  required?: boolean;
  choices?: unknown;
  dynamic?: string;
  search?: string;
};
type Op = {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { type?: string; sample?: Record<string, unknown>; inputFields?: Field[]; outputFields?: Field[] };
};

/** Zapier's flattened keys of a sample: objects as parent__child, arrays of objects as parent[]child. */
function flatKeys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object')) {
      return v.flatMap((x) => flatKeys(x as Record<string, unknown>, `${prefix}${key}[]`));
    }
    if (v && typeof v === 'object' && !Array.isArray(v))
      return flatKeys(v as Record<string, unknown>, `${prefix}${key}__`);
    return [`${prefix}${key}`];
  });
}

const triggers = App.triggers as Record<string, Op>;
const creates = App.creates as Record<string, Op>;
const searches = App.searches as Record<string, Op>;
const all: [string, Op][] = [
  ...Object.entries(triggers).map(([k, op]): [string, Op] => [`trigger ${k}`, op]),
  ...Object.entries(creates).map(([k, op]): [string, Op] => [`create ${k}`, op]),
  ...Object.entries(searches).map(([k, op]): [string, Op] => [`search ${k}`, op]),
];

it('has every operation the issues name, and no other', () => {
  const hooks = Object.entries(triggers)
    .filter(([, t]) => t.operation.type === 'hook')
    .map(([k]) => k);
  expect(hooks.sort()).toEqual(
    [
      'contact_created',
      'contact_edited',
      'contact_merged',
      'contact_ownership_transferred',
      'contact_deleted',
      'enquiry_opened',
      'enquiry_handling',
      'enquiry_closed',
      'enquiry_missed',
      'sms_delivery_receipt',
      'label_created',
      'label_edited',
      'label_deleted',
      'inbound_sms_received',
      'call_started',
      'call_ended',
      'recording_ready',
      'staff_created',
      'staff_edited',
      'staff_deleted',
      'contact_event',
      'enquiry_event',
    ].sort(),
  );
  // The hidden triggers are the drop-downs of the actions' fields.
  expect(
    Object.keys(triggers)
      .filter((k) => triggers[k]!.display.hidden)
      .sort(),
  ).toEqual(['label_list', 'otp_sender_list', 'sender_number_list', 'staff_list']);
  // Every create, search and scheduled trigger has its README catalogue row (test/readme.test.ts), its example
  // (below) and its released key (test/release.test.ts): no list of them here to keep in step as well.
  expect(App.searchOrCreates).toEqual({
    find_contact: expect.objectContaining({ key: 'find_contact', search: 'find_contact', create: 'create_contact' }),
  });
});

describe.each(all)('%s', (_name, op) => {
  it('is keyed, labelled and described with a full sentence', () => {
    expect(op.noun).toMatch(/\S/);
    expect(op.display.label).toMatch(/\S/);
    expect(op.display.description).toMatch(_name.startsWith('trigger') ? /^Triggers when .*\.$/ : /^[A-Z].*\.$/);
  });

  it('gives every input field a label and help text, and every choice list a choice', () => {
    for (const field of op.operation.inputFields ?? []) {
      expect([field.key, field.label]).toEqual([field.key, expect.stringMatching(/\S/)]);
      expect([field.key, field.helpText]).toEqual([field.key, expect.stringMatching(/\S{3}/)]);
      if (field.choices !== undefined)
        expect([field.key, Object.keys(field.choices as object).length > 0]).toEqual([field.key, true]);
    }
  });

  it('points drop-downs and search-powered fields at operations that exist', () => {
    for (const field of op.operation.inputFields ?? []) {
      if (field.dynamic) {
        const [trigger, id, label] = field.dynamic.split('.');
        expect([field.key, trigger && trigger in triggers]).toEqual([field.key, true]);
        const outputs = triggers[trigger!]!.operation.outputFields!.map((f) => f.key);
        expect(outputs).toEqual(expect.arrayContaining([id, label]));
      }
      if (field.search) expect([field.key, field.search.split('.')[0]! in searches]).toEqual([field.key, true]);
    }
  });

  it('has a sample whose every (flattened) key is a labelled output field, each listed once', () => {
    const fields = op.operation.outputFields ?? [];
    const keys = fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of fields) expect([field.key, field.label]).toEqual([field.key, expect.stringMatching(/\S/)]);
    expect(op.operation.sample).toBeDefined();
    for (const sampleKey of new Set(flatKeys(op.operation.sample!))) expect(keys).toContain(sampleKey);
  });
});

describe('example inputs (src/examples.ts)', () => {
  // The tour, the bench's request count and the contract check take each operation's input from its example.
  it('every create, search, scheduled trigger and drop-down has one, and nothing else does', () => {
    const { examples } = jest.requireActual<typeof import('../src/examples')>('../src/examples');
    expect(Object.keys(examples.creates).sort()).toEqual(Object.keys(App.creates).sort());
    expect(Object.keys(examples.searches).sort()).toEqual(Object.keys(App.searches).sort());
    const polling = Object.entries(App.triggers)
      .filter(([, t]) => (t as { operation: { type?: string } }).operation.type !== 'hook')
      .map(([key]) => key);
    expect(Object.keys(examples.triggers).sort()).toEqual(polling.sort());
  });
});
