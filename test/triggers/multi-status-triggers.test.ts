/**
 * The triggers on several statuses of their group, External Contact Event and Enquiry Status Changed: the
 * multi-select of statuses (none chosen = all), perform for each status chosen or not, performList.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { INSTANT_KEYS, detailsPointer, hookTrigger, keysOf, modelled } from '../helpers/hooks';

/** perform's items as the trigger models them (the passed-through delivery keys: test/triggers/passed-through.test.ts). */
const perform = async (key: string, body: unknown, inputData: Record<string, unknown> = {}) =>
  (
    (await appTester(
      hookTrigger(key).operation.perform,
      bundleWith(inputData, { cleanedRequest: body } as never),
    )) as Record<string, unknown>[]
  ).map(modelled);
const performList = (key: string, inputData: Record<string, unknown> = {}) =>
  appTester(hookTrigger(key).operation.performList, bundleWith(inputData)) as Promise<Record<string, unknown>[]>;

describe('contact_event', () => {
  const op = hookTrigger('contact_event').operation as ReturnType<typeof hookTrigger>['operation'] & {
    inputFields: {
      key: string;
      label: string;
      helpText: string;
      list?: boolean;
      required?: boolean;
      choices: object;
    }[];
  };
  const STATUSES = ['create', 'edit', 'merge', 'transfer', 'delete'];

  it('offers the five contact statuses in a multi-select, none chosen meaning all', () => {
    expect(op.inputFields).toEqual([
      expect.objectContaining({
        key: 'statuses',
        label: 'Events',
        list: true,
        required: false,
        choices: {
          create: 'Created',
          edit: 'Edited',
          merge: 'Merged',
          transfer: 'Ownership Transferred',
          delete: 'Deleted',
        },
      }),
      expect.objectContaining({ key: 'take_over_subscription', type: 'boolean', default: 'false' }),
    ]);
    expect(op.inputFields[0]!.helpText).toMatch(/Leave empty for all five/);
  });

  it('says why it exists: one URL per subscription, one Zap with a Filter or Paths step', () => {
    const { description } = hookTrigger('contact_event').display;
    expect(description).toContain('CINNOX keeps one URL per subscription');
    expect(description).toContain('Filter or Paths step');
  });

  it('with nothing chosen, turns every contact status into an item (Open API and flat)', async () => {
    for (const status of STATUSES) {
      for (const body of [ev.contactOpenApi(status), ev.contactFlat(status)]) {
        const items = await perform('contact_event', body);
        expect(items).toHaveLength(1);
        expect(keysOf(items[0])).toEqual([...INSTANT_KEYS.contact_event!].sort());
        expect(items[0]).toMatchObject({ status, contactId: 'c-100', name: 'Ann Lee' });
        // A deleted contact has no details left to load.
        expect(items[0]!.details).toBe(status === 'delete' ? '' : detailsPointer('c-100'));
      }
    }
  });

  it('keeps only the chosen statuses', async () => {
    const all = STATUSES.map((s) => ev.contactOpenApi(s));
    const chosen = await perform('contact_event', all, { statuses: ['create', 'delete'] });
    expect(chosen.map((i) => i.status)).toEqual(['create', 'delete']);
    const one = await perform('contact_event', all, { statuses: 'transfer' });
    expect(one.map((i) => i.status)).toEqual(['transfer']);
    await expect(perform('contact_event', ev.contactOpenApi('edit'), { statuses: ['create'] })).resolves.toEqual([]);
  });

  it('performList lists recent contacts for a chosen created / edited, else the sample', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/extcontact-list`)
      .query({ offset: '0', limit: '3' })
      .reply(200, { code: 0, result: ev.contactRecords });
    const listed = await performList('contact_event', { statuses: ['edit'] });
    scope.done();
    expect(listed.length).toBeGreaterThan(0);
    for (const item of listed) {
      expect(item.status).toBe('edit');
      expect(keysOf(item)).toEqual([...INSTANT_KEYS.contact_event!].sort());
    }
    // Merges are not listed: the sample, without a request.
    await expect(performList('contact_event', { statuses: ['merge'] })).resolves.toEqual([op.sample]);
  });
});

describe('enquiry_event', () => {
  const op = hookTrigger('enquiry_event').operation as ReturnType<typeof hookTrigger>['operation'] & {
    inputFields: { key: string; list?: boolean; choices: object; helpText: string }[];
  };
  const STATUSES = ['Opened', 'Handling', 'Closed', 'Missed'];

  it('offers the four enquiry statuses in a multi-select, and says why it exists', () => {
    expect(op.inputFields).toEqual([
      expect.objectContaining({ key: 'statuses', list: true, required: false }),
      expect.objectContaining({ key: 'take_over_subscription', type: 'boolean', default: 'false' }),
    ]);
    expect(Object.keys(op.inputFields[0]!.choices)).toEqual(STATUSES);
    expect(op.inputFields[0]!.helpText).toMatch(/Leave empty for all four/);
    expect(hookTrigger('enquiry_event').display.description).toContain('CINNOX keeps one URL per subscription');
  });

  it('with nothing chosen, turns every enquiry status into an item (Open API and flat)', async () => {
    for (const status of STATUSES) {
      for (const body of [ev.enquiryOpenApi(status), ev.enquiryFlat(status)]) {
        const items = await perform('enquiry_event', body);
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ status, enquiryID: 'enq-1', date: '2024-05-31T08:15:00.000Z' });
        expect(keysOf(items[0])).toEqual([...INSTANT_KEYS.enquiry_event!].sort());
      }
    }
  });

  it('keeps only the chosen statuses (case ignored)', async () => {
    const all = STATUSES.map((s) => ev.enquiryFlat(s));
    const items = await perform('enquiry_event', all, { statuses: ['missed', 'Closed'] });
    expect(items.map((i) => i.status)).toEqual(['Closed', 'Missed']);
  });

  it('performList lists recent enquiries of the chosen statuses, one Enquiry Details read per status', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .times(2)
      .query((q) => q.offset === '0' && q.limit === '20')
      .reply(200, { code: 0, result: ev.enquiryRecords });
    const listed = await performList('enquiry_event', { statuses: ['Missed', 'Opened'] });
    scope.done();
    expect(listed.map((i) => i.status).sort()).toEqual(['Missed', 'Opened']);
  });
});
