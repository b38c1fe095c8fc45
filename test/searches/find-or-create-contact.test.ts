/**
 * Find or Create External Contact as Zapier runs it: Find External Contact by Full Name; no match → Create External
 * Contact; one match → Update External Contact (where Zapier offers the update) with the found contact's ID mapped
 * by the pairing's `updateInputFromSearchOutput`; two matches → the search refuses, and nothing is written. Each
 * path ends in an output of the same shape, so a later step maps First Name or Company Name whichever path ran.
 */
import nock from 'nock';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { FOUND_KEYS } from '../helpers/contact-cases';
import { flatKeys } from '../helpers/hooks';
import { createPerform, searchPerform, watchUnmatched } from '../helpers/ops';

type Item = Record<string, unknown>;
type Field = { key: string; label?: string; type?: string };
type Pairing = {
  search: string;
  create: string;
  update: string;
  updateInputFromSearchOutput: Record<string, string>;
  searchUniqueInputToOutputConstraint: Record<string, string>;
};

const PAIRING = (App.searchOrCreates as unknown as Record<string, Pairing>).find_contact!;
const LIST = `${API_ROOT}/contacts/extcontact-list`;
const unmatched = watchUnmatched();

/** The Zap's values: the search's Full Name, and the create / update fields a Zap builder fills. */
const ZAP = { first_name: 'Ann', last_name: 'Lee', company: 'Example Ltd', phone_number: '+85294667788' };
const FULL_NAME = 'Ann Lee';
const listed = (...records: Item[]) =>
  nock(BASE_URL)
    .get(LIST)
    .query({ fullName: FULL_NAME, offset: '0', limit: '500' })
    .reply(200, { code: 0, result: records });

/** The pairing as Zapier runs it, from the definition: the search, then the create or the update. */
async function findOrCreate(): Promise<{ path: 'created' | 'updated'; output: Item }> {
  const found = (await appTester(searchPerform(PAIRING.search), bundleWith({ full_name: FULL_NAME }))) as Item[];
  if (found.length === 0)
    return { path: 'created', output: (await appTester(createPerform(PAIRING.create), bundleWith(ZAP))) as Item };
  const [first] = found;
  // Zapier's unique-match check: the search's input against the found contact's output key.
  for (const [input, output] of Object.entries(PAIRING.searchUniqueInputToOutputConstraint))
    expect({ [input]: first![output] }).toEqual({ [input]: FULL_NAME });
  const mapped = Object.fromEntries(
    Object.entries(PAIRING.updateInputFromSearchOutput).map(([input, output]) => [input, first![output]]),
  );
  return {
    path: 'updated',
    output: (await appTester(createPerform(PAIRING.update), bundleWith({ ...ZAP, ...mapped }))) as Item,
  };
}

describe('Find or Create External Contact', () => {
  it('pairs Find External Contact with Create and, where Zapier offers it, Update External Contact', () => {
    expect(App.searchOrCreates).toEqual({
      find_contact: {
        key: 'find_contact',
        display: {
          label: 'Find or Create External Contact',
          description:
            'Finds an external contact by full name and updates it with your values where Zapier offers that, or creates it when none matches.',
        },
        search: 'find_contact',
        create: 'create_contact',
        update: 'update_contact',
        updateInputFromSearchOutput: { contact_id: 'id' },
        searchUniqueInputToOutputConstraint: { full_name: 'fullName' },
      },
    });
  });

  it('none found: creates the contact, once', async () => {
    listed({ id: 'c-2', firstName: 'Ann', lastName: 'Leeson' });
    const create = nock(BASE_URL)
      .post(`${API_ROOT}/management/create_externalcontact`, {
        firstName: 'Ann',
        lastName: 'Lee',
        company: 'Example Ltd',
        phones: [{ type: 'Mobile', phone: '+85294667788' }],
      })
      .reply(200, { code: 0, id: 'c-new' });
    const { path, output } = await findOrCreate();
    create.done();
    expect(path).toBe('created');
    expect(output).toMatchObject({
      id: 'c-new',
      firstName: 'Ann',
      lastName: 'Lee',
      fullName: 'Ann Lee',
      companyName: 'Example Ltd',
      mobilePhone: '+85294667788',
    });
    expect(unmatched.list).toEqual([]);
  });

  it('one found: updates that contact, its ID mapped from the search, with the Zap values', async () => {
    listed(
      { id: 'c-1', firstName: 'Ann', lastName: 'Lee', companyName: 'Old Ltd' },
      { id: 'c-2', firstName: 'Ann', lastName: 'Leeson' },
    );
    const update = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/c-1`, {
        firstName: 'Ann',
        lastName: 'Lee',
        company: 'Example Ltd',
        phones: [{ type: 'Mobile', phone: '+85294667788' }],
      })
      .reply(200, { code: 0, id: 'c-1' });
    const { path, output } = await findOrCreate();
    update.done();
    expect(path).toBe('updated');
    expect(output).toMatchObject({
      id: 'c-1',
      contact_id: 'c-1',
      firstName: 'Ann',
      fullName: 'Ann Lee',
      companyName: 'Example Ltd',
      mobilePhone: '+85294667788',
    });
    expect(unmatched.list).toEqual([]);
  });

  it('two found: the search refuses, naming both, and nothing is created or updated', async () => {
    listed({ id: 'c-1', firstName: 'Ann', lastName: 'Lee' }, { id: 'c-3', firstName: 'ANN', lastName: 'LEE' });
    const error = await failure(() => findOrCreate());
    expect(error).toMatchObject({ name: 'AppError', code: 'CinnoxContactAmbiguous' });
    expect(error.message).toMatch(/^2 external contacts are named "Ann Lee" \(IDs c-1, c-3\), so Find External/);
    // No interceptor for a create or an update: either would be an unmatched request.
    expect(unmatched.list).toEqual([]);
  });

  it("the created and the updated output carry every key of the found one, in Find External Contact's shape", async () => {
    listed({ id: 'c-1', firstName: 'Ann', lastName: 'Lee' });
    const [found] = (await appTester(searchPerform('find_contact'), bundleWith({ full_name: FULL_NAME }))) as Item[];
    nock(BASE_URL).post(`${API_ROOT}/management/create_externalcontact`).reply(200, { code: 0, id: 'c-9' });
    const created = (await appTester(createPerform('create_contact'), bundleWith(ZAP))) as Item;
    nock(BASE_URL).put(`${API_ROOT}/management/update_externalcontact/c-1`).reply(200, { code: 0, id: 'c-1' });
    const updated = (await appTester(
      createPerform('update_contact'),
      bundleWith({ ...ZAP, contact_id: 'c-1' }),
    )) as Item;
    expect(flatKeys(found!).sort()).toEqual([...FOUND_KEYS].sort());
    for (const output of [created, updated]) expect(flatKeys(output)).toEqual(expect.arrayContaining(FOUND_KEYS));
  });

  it.each(['create_contact', 'update_contact'])(
    "%s declares each of Find External Contact's output fields with the same key, label and type",
    (key) => {
      const fields = (App.creates as unknown as Record<string, { operation: { outputFields: Field[] } }>)[key]!
        .operation.outputFields;
      const found = (App.searches as unknown as Record<string, { operation: { outputFields: Field[] } }>).find_contact!
        .operation.outputFields;
      const shape = ({ key, label, type }: Field) => ({ key, label, type });
      for (const field of found) expect(fields.map(shape)).toContainEqual(shape(field));
    },
  );
});
