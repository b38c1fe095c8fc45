/**
 * Keys CINNOX adds to a delivery reach the Zap: perform passes every key the trigger does not output under the
 * same name through, flattened under `delivery__` (src/hooks/factory.ts), beside the modelled keys, which stay
 * as they are. performList (Test Trigger) keeps the modelled keys only.
 */
import * as ev from '../fixtures/hook-events';
import { appTester, bundleWith } from '../helpers/app';
import { hookTrigger } from '../helpers/hooks';

const perform = async (key: string, body: unknown) =>
  (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Record<
    string,
    unknown
  >[];

describe('keys the app does not model', () => {
  it('reach the item flattened under delivery__, nested objects included, the modelled keys unchanged', async () => {
    const body = ev.contactOpenApi('create', { loyaltyTier: 'Gold', crm: { id: 'sf-9', owner: { name: 'Ben' } } });
    const [item] = await perform('contact_created', body);
    expect(item).toMatchObject({
      contactId: 'c-100',
      name: 'Ann Lee',
      status: 'create',
      delivery__loyaltyTier: 'Gold',
      delivery__crm__id: 'sf-9',
      delivery__crm__owner__name: 'Ben',
    });
    // A modelled key (status, serviceId) is not repeated under delivery__.
    expect(Object.keys(item!).filter((k) => /^delivery__(status|serviceId)$/.test(k))).toEqual([]);
  });

  it('come from the event itself (the Open API envelope lifted), for every trigger group', async () => {
    const [enquiry] = await perform('enquiry_closed', { ...ev.enquiryOpenApi('Closed'), surveyScore: 5 });
    expect(enquiry).toMatchObject({ status: 'Closed', delivery__surveyScore: 5, delivery__socialId: '85298765432' });
    const [label] = await perform('label_created', {
      ...ev.labelOpenApi('create'),
      message: { ...(ev.labelOpenApi('create') as { message: object }).message, usage: 'enquiry' },
    });
    expect(label).toMatchObject({ delivery__usage: 'enquiry' });
  });
});

describe('keys are read exactly as CINNOX spells them', () => {
  it("reads each documented spelling (the guide's camelCase, §1.10's PascalCase, the guide's 'destination Types')", async () => {
    const [receipt] = await perform('sms_delivery_receipt', ev.smsOpenApi('Delivered'));
    expect(receipt).toMatchObject({ transactionId: 'sms-1', recipientNumber: '+85298765432', status: 'Delivered' });
    const [enquiry] = await perform('enquiry_closed', ev.enquiryFlat('Closed'));
    expect(enquiry).toMatchObject({ destinationTypes: 'STAFF' });
  });

  it('a spelling no reader names is not taken for a modelled key: it reaches the Zap under delivery__', async () => {
    const { destinationTypes: _documented, ...rest } = ev.enquiryOpenApi('Closed');
    const [enquiry] = await perform('enquiry_closed', { ...rest, DestinationTypes: 'PHONE' });
    expect(enquiry).toMatchObject({ destinationTypes: '', delivery__DestinationTypes: 'PHONE' });
  });
});

describe("a delivery's output is bounded: it grows with the delivery, never faster", () => {
  const size = (output: unknown) => JSON.stringify(output).length;
  /** `count` keys `${prefix}0`, `${prefix}1` … each with the value `value`. */
  const keys = (count: number, prefix = 'k', value: unknown = 1) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]));
  /** Three levels of 60-character keys over `leaves` one-character leaves: each leaf's name repeats 180 characters. */
  const amplifying = (leaves: number) => ({
    ['a'.repeat(60)]: { ['b'.repeat(60)]: { ['c'.repeat(60)]: keys(leaves) } },
  });
  /** The same with keys of 5,000 characters. */
  const longKeys = (leaves: number) => ({ ['a'.repeat(5000)]: { ['b'.repeat(5000)]: keys(leaves) } });

  it.each([
    ['nested 60-character keys over 10,100 leaves (100 KB)', ev.contactOpenApi('create', amplifying(10_100))],
    ['nested 5,000-character keys over 8,000 leaves', ev.contactOpenApi('create', longKeys(8_000))],
    [
      '100 events of nested keys over 100 leaves each',
      Array.from({ length: 100 }, (_, i) => ev.contactOpenApi('create', { id: `c-${i}`, ...amplifying(100) })),
    ],
    ['10,000 keys', ev.contactOpenApi('create', keys(10_000))],
  ])('%s: under 1 MB of output, what the limits left out carried as JSON text', async (_what, body) => {
    const items = await perform('contact_created', body);
    expect(size(items)).toBeLessThan(1_000_000);
    expect(items[0]).toMatchObject({ name: 'Ann Lee', status: 'create' });
    expect(items.at(-1)!.delivery_rest).toMatch(/^\{".*…$/);
  });

  it('a delivery of 100 KB that nests 60-character keys is at least 100 KB (the case above is one)', () => {
    expect(JSON.stringify(ev.contactOpenApi('create', amplifying(10_100))).length).toBeGreaterThan(100_000);
  });

  it('flattens up to 100 fields an event; the rest, each long key and each long value go into delivery_rest', async () => {
    const body = ev.contactOpenApi('create', {
      ...keys(97, 'k'),
      ['l'.repeat(65)]: { inner: 1 },
      crm: { note: 'n'.repeat(10_001), id: 'sf-9', extra: 'x' },
    });
    const [item] = await perform('contact_created', body);
    // The message's type and fullName, k0 … k96, crm__id: 100 fields; crm's long note and its extra (the 101st) are left out.
    expect(Object.keys(item!).filter((k) => k.startsWith('delivery__'))).toHaveLength(100);
    expect(item).toMatchObject({ delivery__type: 'contact', delivery__k96: 1, delivery__crm__id: 'sf-9' });
    expect(item).not.toHaveProperty('delivery__crm__note');
    expect(item).not.toHaveProperty('delivery__crm__extra');
    const leftOut = JSON.stringify({ ['l'.repeat(65)]: { inner: 1 }, crm: { note: 'n'.repeat(10_001), extra: 'x' } });
    expect(item!.delivery_rest).toBe(`${leftOut.slice(0, 10_000)}…`);
  });

  it('one bad event (a 13 KB id, a missing id) degrades that event only: the others are exactly as delivered alone', async () => {
    const at = { updatedAt: '2024-06-01T10:00:00Z' };
    const good = (id: string) => ({
      id: `${id}:create:2024-06-01T10:00:00.000Z`,
      status: 'create',
      name: 'Ann Lee',
      contactId: id,
      serviceId: 'svc-1',
      details: `hydrate|||{"type":"method","method":"hydrators.contactDetails","bundle":{"contactId":"${id}"}}|||hydrate`,
      delivery__type: 'contact',
      delivery__fullName: 'Ann Lee',
      delivery__updatedAt: '2024-06-01T10:00:00Z',
    });
    const longId = 'x'.repeat(13_000);
    const items = await perform('contact_created', [
      ev.contactOpenApi('create', { ...at, id: 'c-1' }),
      ev.contactOpenApi('create', { ...at, id: longId }),
      ev.contactOpenApi('create', { ...at, id: undefined }),
      ev.contactOpenApi('create', { ...at, id: 'c-3' }),
    ]);
    expect(items).toEqual([
      good('c-1'),
      // No details pointer for a value no CINNOX id is; its event id is a fingerprint.
      { ...good(longId), id: expect.stringMatching(/^[0-9a-f]{12}:create:2024-06-01T10:00:00.000Z$/), details: '' },
      { ...good(''), id: expect.stringMatching(/^[0-9a-f]{12}:create:2024-06-01T10:00:00.000Z$/), details: '' },
      good('c-3'),
    ]);
  });

  it('a delivery of more than 100 events gives its first 100', async () => {
    const body = Array.from({ length: 150 }, (_, i) => ev.contactOpenApi('create', { id: `c-${i}` }));
    const items = await perform('contact_created', body);
    expect(items.map((item) => item.contactId)).toEqual(Array.from({ length: 100 }, (_, i) => `c-${i}`));
  });

  it('__proto__ and constructor keys, flattened or left out, pollute nothing', async () => {
    const text = `{"status":"create","id":"c-1","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${Array.from({ length: 120 }, (_, i) => `"k${i}":1`).join(',')},"late":{"__proto__":{"polluted":"yes"}}}`;
    const [item] = (await appTester(
      hookTrigger('contact_created').operation.perform,
      bundleWith({}, { cleanedRequest: text } as never),
    )) as Record<string, unknown>[];
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(item).toMatchObject({
      delivery____proto____polluted: 'yes',
      delivery__constructor__prototype__polluted: 'yes',
    });
    expect(item!.delivery_rest).toBe(
      `{${Array.from({ length: 22 }, (_, i) => `"k${i + 98}":1`).join(',')},"late":{"__proto__":{"polluted":"yes"}}}`,
    );
  });
});
