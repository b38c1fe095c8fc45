/**
 * Create or Update External Contact: by its ID, else by name (exact match, every candidate read), else created;
 * two matches fail the step without a write, and bad input sends nothing.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

const perform = App.creates.create_or_update_contact!.operation.perform as (
  z: ZObject,
  b: Bundle,
) => Promise<Record<string, unknown>>;
const LIST = `${API_ROOT}/contacts/extcontact-list`;
const update = (id: string) => `${API_ROOT}/management/update_externalcontact/${id}`;

describe('create_or_update_contact', () => {
  it('with an External Contact ID: updates that contact with only the fields given, no search', async () => {
    const scope = nock(BASE_URL).put(update('c-7'), { jobTitle: 'CTO' }).reply(200, { code: 0, id: 'c-7' });
    const result = await appTester(perform, bundleWith({ contact_id: 'c-7', job_title: 'CTO' }));
    expect(result).toMatchObject({
      action: 'updated',
      id: 'c-7',
      contact_id: 'c-7',
      job_title: 'CTO',
      first_name: null,
    });
    scope.done();
  });

  it('an External Contact ID CINNOX does not know: says so in the words of the field, as Update does', async () => {
    nock(BASE_URL).put(update('c-404')).reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => appTester(perform, bundleWith({ contact_id: 'c-404', job_title: 'CTO' })));
    expect(error.code).toBe('CinnoxContactNotFound');
    expect(error.message).toMatch(
      /^CINNOX has no external contact with the External Contact ID "c-404"\. Check External Contact ID: map the ID from a Find External Contact step/,
    );
  });

  it('without one: the one contact with that exact name is updated', async () => {
    const scope = nock(BASE_URL)
      .get(LIST)
      .query((q) => q.fullName === 'Ann Lee')
      .reply(200, {
        code: 0,
        result: [
          { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
          { id: 'c-2', firstName: 'Ann', lastName: 'Leeds' },
        ],
      })
      .put(update('c-1'), { firstName: 'Ann', lastName: 'Lee', jobTitle: 'CTO' })
      .reply(200, { code: 0, id: 'c-1' });
    const result = await appTester(perform, bundleWith({ first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }));
    expect(result).toMatchObject({ action: 'updated', id: 'c-1', contact_id: 'c-1' });
    scope.done();
  });

  it('without one and no contact of that name: the contact is created', async () => {
    const scope = nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(200, { code: 6451011, message: 'No records found' })
      .post(`${API_ROOT}/management/create_externalcontact`, { firstName: 'Eli', lastName: 'Tse' })
      .reply(200, { code: 0, id: 'c-new' });
    const result = await appTester(perform, bundleWith({ first_name: 'Eli', last_name: 'Tse' }));
    expect(result).toMatchObject({ action: 'created', id: 'c-new', contact_id: null, first_name: 'Eli' });
    scope.done();
  });

  it('two contacts with that name: fails naming them, and writes nothing', async () => {
    nock(BASE_URL)
      .get(LIST)
      .query(true)
      .reply(200, {
        code: 0,
        result: [
          { id: 'c-1', firstName: 'Ann', lastName: 'Lee' },
          { id: 'c-9', firstName: 'ann', lastName: 'LEE' },
        ],
      });
    const error = await failure(() => appTester(perform, bundleWith({ first_name: 'Ann', last_name: 'Lee' })));
    expect(error.message).toBe(
      '2 external contacts are named "Ann Lee" (IDs c-1, c-9), so nothing was changed: fill External Contact ID with the one to update.',
    );
  });

  it('neither an ID nor a name: refused before any request', async () => {
    const error = await failure(() => appTester(perform, bundleWith({ job_title: 'CTO' })));
    expect(error.message).toBe(
      'Nothing was sent to CINNOX. Fill a First Name or a Last Name: CINNOX needs at least one of them to create a contact.',
    );
  });
});
