import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import annLee from '../fixtures/contact-list-ann-lee.json';
import {
  NO_RECORDS,
  coded,
  failsWith,
  fullPages,
  list,
  many,
  refusedParameters,
  repeatedPage,
  searchOutcomes,
} from '../helpers/outcomes';

const LIST = `${API_ROOT}/contacts/extcontact-list`;
const find = App.searches!.find_contact!;
const perform = find.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));
const byName = (fullName: string) => nock(BASE_URL).get(LIST).query({ fullName, offset: '0', limit: '500' });

/** Every output key, null, so a test states only what it expects to be set. */
const EMPTY = {
  firstName: null,
  lastName: null,
  fullName: '',
  mobilePhone: null,
  workPhone: null,
  homePhone: null,
  otherPhone: null,
  email: null,
  personalEmail: null,
  otherEmail: null,
  facebook: null,
  whatsApp: null,
  weChat: null,
  line: null,
  twitter: null,
  linkedin: null,
  woztellWhatsApp: null,
  woztellFacebook: null,
  woztellInstagram: null,
  companyName: null,
  department: null,
  jobTitle: null,
  birthday: null,
  language: null,
  addresses: { street: null, city: null, state: null, zipcode: null, country: null },
  customerType: null,
  group: null,
  level: null,
  ownerID: null,
  ownerName: null,
  ownerDepartment: null,
  sharedWith: null,
  slavecontacts: null,
};

describe('find_contact', () => {
  /** The fixture's candidates for "Ann Lee": c1, c3 and c5 match exactly (spacing and case aside), the rest do not. */
  const candidates = (...ids: string[]) => ({ ...annLee, result: annLee.result.filter((c) => ids.includes(c.id)) });

  it('asks CINNOX by full name and keeps only the exact match, mapped to the spec keys', async () => {
    const scope = byName('Ann Lee').reply(200, candidates('c1', 'c2', 'c4', 'c6'));
    const result = await run({ full_name: '  Ann   Lee ' });
    scope.done();
    expect(result).toEqual([
      {
        ...EMPTY,
        id: 'c1',
        firstName: 'Ann',
        lastName: 'Lee',
        fullName: 'Ann Lee',
        mobilePhone: '+85294667788',
        workPhone: '+85223456789',
        email: 'ann.lee@example.com',
        personalEmail: 'ann@example.net',
        facebook: 'ann.lee.fb',
        whatsApp: '+85294667788',
        woztellInstagram: 'ann_insta',
        companyName: 'Example Ltd',
        department: 'Procurement',
        jobTitle: 'Buyer',
        birthday: '31/05/1990',
        language: 'en',
        addresses: {
          street: "1 Queen's Road Central",
          city: 'Hong Kong',
          state: null,
          zipcode: '999077',
          country: 'HK',
        },
        customerType: 'Customer',
        group: 'VIP',
        level: 'Primary',
        ownerID: 's1',
        ownerName: 'Ben Chan',
        ownerDepartment: 'Sales',
        sharedWith: 's2',
        slavecontacts: ['c7', 'c8'],
      },
    ]);
  });

  it.each([
    // Stored with stray spaces: output trimmed, as every CINNOX value is (src/cinnox/values.ts).
    ['c3', { id: 'c3', firstName: 'ANN', lastName: 'lee', fullName: 'ANN lee' }],
    ['c5', { id: 'c5', firstName: 'Ann Lee', fullName: 'Ann Lee' }],
  ])('matches %s, spacing and case aside', async (id, output) => {
    const scope = byName('ann lee').reply(200, candidates(id, 'c2', 'c4', 'c6'));
    await expect(run({ full_name: 'ann lee' })).resolves.toEqual([{ ...EMPTY, ...output }]);
    scope.done();
  });

  it('refuses two or more exact matches, naming how many and their IDs (at most 5), rather than pick one', async () => {
    const scope = byName('Ann Lee').reply(200, annLee);
    const error = await failure(() => run({ full_name: 'Ann Lee' }));
    scope.done();
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'CinnoxContactAmbiguous',
      message:
        '3 external contacts are named "Ann Lee" (IDs c1, c3, c5), so Find External Contact cannot tell which one you mean, and stops rather than pick one (with Find or Create, nothing was updated or created). Give them distinct names in CINNOX, or map the External Contact ID from an earlier step instead of searching by name.',
    });
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `m${i}`, firstName: 'Ann', lastName: 'Lee' }));
    byName('Ann Lee').reply(200, { code: 0, result: many });
    expect((await failure(() => run({ full_name: 'Ann Lee' }))).message).toMatch(
      /^7 external contacts are named "Ann Lee" \(IDs m0, m1, m2, m3, m4, …\), so/,
    );
  });

  it('reads the documented address, ownerId and slaveContacts spellings and the addresses / ownerID ones', async () => {
    const scope = byName('bo wu').reply(200, [
      { id: 'c1', firstName: 'Bo', lastName: 'Wu', addresses: { city: 'Taipei' }, ownerID: 's9', slavecontacts: 'c2' },
    ]);
    const result = await run({ full_name: 'bo wu' });
    scope.done();
    expect(result).toEqual([
      {
        ...EMPTY,
        id: 'c1',
        firstName: 'Bo',
        lastName: 'Wu',
        fullName: 'Bo Wu',
        addresses: { ...EMPTY.addresses, city: 'Taipei' },
        ownerID: 's9',
        slavecontacts: 'c2',
      },
    ]);
  });

  it.each([
    // 7 and 16 digits are no E.164 number: kept.
    [
      {
        mobilePhone: 14155552671,
        workPhone: '85223456789',
        homePhone: '+85223456780',
        otherPhone: 1234567,
        whatsApp: '1234567890123456',
      },
      {
        mobilePhone: '+14155552671',
        workPhone: '+85223456789',
        homePhone: '+85223456780',
        otherPhone: '1234567',
        whatsApp: '1234567890123456',
      },
    ],
    // Digits spaced as people write them are the same E.164 number.
    [
      {
        mobilePhone: '852 9466 7788',
        workPhone: 'ext. 12',
        homePhone: '',
        otherPhone: 12345678,
        whatsApp: 123456789012345,
      },
      {
        mobilePhone: '+85294667788',
        workPhone: 'ext. 12',
        homePhone: null,
        otherPhone: '+12345678',
        whatsApp: '+123456789012345',
      },
    ],
  ])(
    'gives phone numbers CINNOX returns as bare or spaced digits their "+" back, and leaves other values as they are (%p)',
    async (stored, output) => {
      const scope = byName('Cy Ho').reply(200, [{ id: 'c1', firstName: 'Cy', lastName: 'Ho', ...stored }]);
      const [result] = await run({ full_name: 'Cy Ho' });
      scope.done();
      expect(result).toMatchObject(output);
    },
  );

  it('returns [] when CINNOX only has looser matches', async () => {
    const scope = byName('Ann Le').reply(200, annLee);
    await expect(run({ full_name: 'Ann Le' })).resolves.toEqual([]);
    scope.done();
  });

  it('returns [] when CINNOX returns no records', async () => {
    const scope = byName('Nobody Here').reply(200, { code: 0, result: [] });
    await expect(run({ full_name: 'Nobody Here' })).resolves.toEqual([]);
    scope.done();
  });

  it.each([
    ['HTTP 400', 400],
    ['HTTP 200', 200],
  ])('returns [] on CINNOX 6451011 "No records found" (%s)', async (_case, status) => {
    const scope = byName('Nobody Here').reply(status, { code: 6451011, message: 'No records found' });
    await expect(run({ full_name: 'Nobody Here' })).resolves.toEqual([]);
    scope.done();
  });

  it('names Full Name when CINNOX refuses its fullName (6451000)', async () => {
    const scope = byName('Ann Lee').reply(400, { code: 6451000, message: 'invalid fullName' });
    const error = await failure(() => run({ full_name: 'Ann Lee' }));
    scope.done();
    expect(error).toMatchObject({
      code: 'CinnoxInvalidParameters',
      message:
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid fullName) In this step's fields: fullName is Full Name.",
    });
  });

  it('passes other CINNOX errors on', async () => {
    const scope = byName('Ann Lee').reply(400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => run({ full_name: 'Ann Lee' }));
    scope.done();
    expect(error.name).toBe('ExpiredAuthError');
  });

  it.each([[{}], [{ full_name: '   ' }]])('refuses a missing Full Name before any request (%p)', async (input) => {
    const error = await failure(() => run(input));
    expect(error).toMatchObject({
      code: 'InvalidInput',
      message: 'Nothing was sent to CINNOX. Full Name is required.',
    });
  });

  it('declares one required Full Name field that explains the exact match', () => {
    expect(find.operation.inputFields).toEqual([
      {
        key: 'full_name',
        label: 'Full Name',
        required: true,
        type: 'string',
        helpText:
          'First name, a space, and last name, e.g. "Ann Lee". Exact match only: spaces at either end and repeated spaces are ignored, and upper / lower case does not matter.',
      },
    ]);
  });

  it('labels every sample key in outputFields, nested address keys with __', () => {
    const sample = find.operation.sample as Record<string, unknown>;
    const flat = Object.entries(sample).flatMap(([key, value]) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value).map((sub) => `${key}__${sub}`)
        : [key],
    );
    const outputFields = find.operation.outputFields as { key: string; label?: string }[];
    expect(outputFields.map((f) => f.key).sort()).toEqual(flat.sort());
    for (const f of outputFields) expect(f.label).toBeTruthy();
    // The CINNOX Zapier guide's keys are all there.
    for (const key of [
      'id',
      'firstName',
      'lastName',
      'mobilePhone',
      'workPhone',
      'homePhone',
      'otherPhone',
      'email',
      'personalEmail',
      'otherEmail',
      'facebook',
      'whatsApp',
      'weChat',
      'line',
      'twitter',
      'linkedin',
      'companyName',
      'department',
      'jobTitle',
      'birthday',
      'language',
      'addresses__street',
      'addresses__city',
      'addresses__state',
      'addresses__zipcode',
      'addresses__country',
      'customerType',
      'group',
      'level',
      'ownerID',
      'ownerName',
      'ownerDepartment',
      'sharedWith',
      'slavecontacts',
    ]) {
      expect(flat).toContain(key);
    }
  });
});

describe('find_contact → create_contact', () => {
  it('is a search-or-create pair', () => {
    expect(App.searchOrCreates).toMatchObject({
      find_contact: {
        key: 'find_contact',
        display: { label: 'Find or Create External Contact' },
        search: 'find_contact',
        create: 'create_contact',
      },
    });
    expect(App.searches!.find_contact!.key).toBe('find_contact');
    expect(App.creates!.create_contact!.key).toBe('create_contact');
  });
});

describe('outcomes of find_contact (and the search half of Find or Create External Contact)', () => {
  const contact = (id: string | null, firstName: string, lastName: string) => ({ id, firstName, lastName });
  const other = (i: number) => contact(`x${i}`, 'Ann', `Leeson${i}`);
  const tooMany =
    'Find External Contact read 5,000 candidates for Full Name "Ann Lee" (10 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter (A7), so the app cannot tell whether "Ann Lee" exists and does not answer "no match" (Find or Create would then create a second copy). Report this to the app\'s developers.';
  const pagingIgnored =
    'Find External Contact could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter (A7). The app does not answer "no match" without having looked at every candidate (Find or Create would then create a second copy). Report this to the app\'s developers.';
  searchOutcomes('find_contact', { full_name: 'Ann Lee' }, '/contacts/extcontact-list', [
    [
      'one contact with that name: found, no contact created',
      [{ body: list([contact('c1', 'Ann', 'Lee')]) }],
      { output: [{ id: 'c1', firstName: 'Ann', lastName: 'Lee' }] },
    ],
    [
      'two contacts with that name: an error naming both, never one picked (Find or Create neither updates nor creates)',
      [{ body: list([contact('c1', 'Ann', 'Lee'), contact('c2', 'ann', 'LEE')]) }],
      failsWith(
        'AppError',
        '2 external contacts are named "Ann Lee" (IDs c1, c2), so Find External Contact cannot tell which one you mean, and stops rather than pick one (with Find or Create, nothing was updated or created). Give them distinct names in CINNOX, or map the External Contact ID from an earlier step instead of searching by name.',
        { code: 'CinnoxContactAmbiguous' },
      ),
    ],
    [
      'only looser matches: none (Find or Create creates)',
      [{ body: list([contact('c1', 'Ann', 'Leeson'), contact('c2', 'Anne', 'Lee')]) }],
      { output: [] },
    ],
    ['6451011 No records found at HTTP 400: none', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['6451011 No records found at HTTP 200: none', [{ status: 200, body: NO_RECORDS }], { output: [] }],
    ['an empty list: none', [{ body: list([]) }], { output: [] }],
    [
      'a contact with that name but no ID: an error, neither a blank ID nor "none" (no second copy)',
      [{ body: list([contact(null, 'Ann', 'Lee'), contact('', 'Ann', 'Lee')]) }],
      failsWith(
        'AppError',
        'Find External Contact found 2 matches for Full Name "Ann Lee", but CINNOX listed them without an ID, so no later step could use them. Report this to the app\'s developers.',
        { code: 'CinnoxUnexpectedResponse' },
      ),
    ],
    [
      'one match with an ID and one without: the one with',
      [{ body: list([{ firstName: 'Ann', lastName: 'Lee' }, contact('c2', 'Ann', 'Lee')]) }],
      { output: [{ id: 'c2' }] },
    ],
    [
      'a full page of others, then the match: found on the second page',
      [{ body: list(many(0, 500, other)) }, { body: list([contact('c1', 'Ann', 'Lee')]) }],
      { output: [{ id: 'c1' }] },
    ],
    [
      'the name filter ignored: 10 full pages of others, no match: an error, never "none"',
      fullPages(10, other),
      failsWith('AppError', tooMany, { code: 'CinnoxTooManyCandidates' }),
    ],
    [
      'offset ignored: the same full page again, no match: an error, never "none"',
      repeatedPage(other),
      failsWith('AppError', pagingIgnored, { code: 'CinnoxPagingIgnored' }),
    ],
    [
      '6451000 bad parameters (invalid fullName)',
      [coded(6451000, 'invalid fullName')],
      refusedParameters('invalid fullName', 'fullName is Full Name'),
    ],
  ]);
});
