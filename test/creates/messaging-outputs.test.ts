/** Every issue-4 operation: a sample, a labelled output field for every sample key, and the right wording. */
import { App } from '../helpers/app';

type Op = { operation: { sample?: Record<string, unknown>; outputFields?: { key: string; label?: string }[] }; display: { label: string; description: string; hidden?: boolean } };

/** Zapier's flattened keys of a sample: objects as parent__child, arrays of objects as parent[]child. */
function flatKeys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object')) {
      return v.flatMap((x) => flatKeys(x as Record<string, unknown>, `${prefix}${key}[]`));
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) return flatKeys(v as Record<string, unknown>, `${prefix}${key}__`);
    return [`${prefix}${key}`];
  });
}

const operations: [string, Op][] = [
  ['send_sms', App.creates!.send_sms as Op],
  ['send_im_to_staff', App.creates!.send_im_to_staff as Op],
  ['send_im_to_room', App.creates!.send_im_to_room as Op],
  ['find_numbers', App.searches!.find_numbers as Op],
  ['find_enquiry', App.searches!.find_enquiry as Op],
  ['staff_list', App.triggers!.staff_list as Op],
  ['sender_number_list', App.triggers!.sender_number_list as Op],
];

describe.each(operations)('%s', (_key, op) => {
  it('has a sample whose every (flattened) key is a labelled output field, each listed once', () => {
    const fields = op.operation.outputFields!;
    const keys = fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of fields) expect([field.key, field.label]).toEqual([field.key, expect.stringMatching(/\S/)]);
    expect(op.operation.sample).toBeDefined();
    for (const sampleKey of new Set(flatKeys(op.operation.sample!))) expect(keys).toContain(sampleKey);
  });

  it('describes itself with a full sentence', () => {
    expect(op.display.description).toMatch(op.display.hidden ? /^Triggers when .*\.$/ : /^[A-Z].*\.$/);
  });
});
