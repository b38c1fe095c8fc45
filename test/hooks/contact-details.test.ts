/**
 * Contact details without an API call per event: perform dehydrates, the hydrator fetches and maps.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { FOUND_CONTACT_SAMPLE, toFoundContact } from '../../src/records/contact';
import { detailsPointer, hookTrigger } from '../helpers/hooks';

const CONTACTS = `${API_ROOT}/contacts/extcontact-list`;
const hydrate = (App.hydrators as Record<string, (z: ZObject, bundle: Bundle) => Promise<unknown>>).contactDetails!;
const perform = (key: string, body: unknown) =>
  appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never)) as Promise<
    Record<string, unknown>[]
  >;

let unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
beforeEach(() => {
  unmatched = [];
  nock.emitter.on('no match', onNoMatch);
});
afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch);
});

it('the no-request probe sees a request nock has no interceptor for', async () => {
  await expect(appTester((z: ZObject) => z.request({ url: `${BASE_URL}/probe` }), bundleWith())).rejects.toThrow();
  expect(unmatched).toEqual(['GET /probe']);
});

describe.each(['contact_created', 'contact_edited', 'contact_merged', 'contact_ownership_transferred'])('%s', (key) => {
  const status = {
    contact_created: 'create',
    contact_edited: 'edit',
    contact_merged: 'merge',
    contact_ownership_transferred: 'transfer',
  }[key]!;

  it('points at the contact details without a request to CINNOX', async () => {
    const [item] = await perform(key, ev.contactOpenApi(status));
    expect(item!.details).toBe(detailsPointer('c-100'));
    expect(unmatched).toEqual([]);
  });

  it('has no details pointer when the event names no contact', async () => {
    const [item] = await perform(key, { status, name: 'Ann Lee' });
    expect(item!.details).toBe('');
    expect(item!.contactId).toBe('');
  });
});

it('contact_deleted carries only what the event carries: no details key', async () => {
  const [item] = await perform('contact_deleted', ev.contactOpenApi('delete'));
  expect(item).not.toHaveProperty('details');
  expect(unmatched).toEqual([]);
});

describe('contact trigger samples', () => {
  const STATUSES: Record<string, string> = {
    contact_created: 'create',
    contact_edited: 'edit',
    contact_merged: 'merge',
    contact_ownership_transferred: 'transfer',
    contact_deleted: 'delete',
  };

  it.each(Object.keys(STATUSES))(
    "%s: the sample's contact is the contact of its details (Find External Contact's sample)",
    (key) => {
      const sample = hookTrigger(key).operation.sample;
      const status = STATUSES[key]!;
      expect(sample).toMatchObject({
        id: `${FOUND_CONTACT_SAMPLE.id}:${status}:2024-05-31T08:15:00.000Z`,
        status,
        contactId: FOUND_CONTACT_SAMPLE.id,
        name: `${FOUND_CONTACT_SAMPLE.firstName} ${FOUND_CONTACT_SAMPLE.lastName}`,
      });
      if (key === 'contact_deleted') expect(sample).not.toHaveProperty('details');
      else expect(sample.details).toEqual(FOUND_CONTACT_SAMPLE);
    },
  );

  it("transfer: the new owner is the details' owner, the previous owner another staff member", () => {
    const sample = hookTrigger('contact_ownership_transferred').operation.sample;
    expect(sample.toOwnerID).toBe(FOUND_CONTACT_SAMPLE.ownerID);
    expect(sample.fromOwnerID).toEqual(expect.any(String));
    expect(sample.fromOwnerID).not.toBe(sample.toOwnerID);
  });
});

describe('the contactDetails hydrator', () => {
  it('reads the contact by id and maps it to the detail keys', async () => {
    const scope = nock(BASE_URL)
      .get(CONTACTS)
      .query({ id: 'c-1', offset: '0', limit: '1' })
      .reply(200, { code: 0, result: [ev.contactRecords[0]] });
    const details = await appTester(hydrate, bundleWith({ contactId: 'c-1' }));
    scope.done();
    // The same mapping as Find External Contact, so a Zap gets one shape of a contact wherever it comes from.
    expect(details).toEqual(toFoundContact(ev.contactRecords[0]!));
    expect(details).toMatchObject({
      id: 'c-1',
      firstName: 'Ann',
      lastName: 'Lee',
      mobilePhone: '+85294667788', // CINNOX's JSON number 85294667788, its "+" back
      email: 'ann@example.com',
      companyName: 'Example Ltd',
      addresses: { street: '1 Road', city: 'Hong Kong', state: null, zipcode: null, country: 'HK' },
      ownerID: 'staff-1',
      ownerName: 'Sam Wong',
      slavecontacts: ['c-9', 'c-8'],
    });
  });

  it('has exactly the keys the contact triggers declare under details__', async () => {
    const scope = nock(BASE_URL)
      .get(CONTACTS)
      .query(true)
      .reply(200, { code: 0, result: [ev.contactRecords[1]] });
    const details = (await appTester(hydrate, bundleWith({ contactId: 'c-2' }))) as Record<string, unknown>;
    scope.done();
    const declared = hookTrigger('contact_created')
      .operation.outputFields.map((f) => f.key)
      .filter((k) => k.startsWith('details__'))
      .map((k) => k.slice('details__'.length).split('__')[0])
      .filter((k, i, all) => all.indexOf(k) === i)
      .sort();
    expect(Object.keys(details).sort()).toEqual(declared);
    expect(declared).toHaveLength(34);
    expect(details.ownerID).toBe('staff-2');
  });

  it('says so when the contact is gone', async () => {
    const scope = nock(BASE_URL).get(CONTACTS).query(true).reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => appTester(hydrate, bundleWith({ contactId: 'c-404' })));
    expect(error).toMatchObject({
      code: 'CinnoxNotFound',
      message:
        'CINNOX has no external contact with ID "c-404" any more (it may have been deleted or merged after the event), so its details cannot be loaded.',
    });
    scope.done();
  });

  it('never hands over another contact when CINNOX ignores the id filter', async () => {
    const scope = nock(BASE_URL)
      .get(CONTACTS)
      .query(true)
      .reply(200, { code: 0, result: [ev.contactRecords[1]] });
    const error = await failure(() => appTester(hydrate, bundleWith({ contactId: 'c-1' })));
    // Another contact listed is not evidence that c-1 is gone: the id filter (A8) may not hold.
    expect(error.code).toBe('CinnoxUnexpectedResponse');
    expect(error.message).toContain('CINNOX may not filter the contact list by id (assumption A8)');
    scope.done();
  });
});
