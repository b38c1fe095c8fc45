/**
 * Find Staff Member: the request it sends, the staff members it outputs (exact match on the full name, in CINNOX
 * order), CINNOX's refusals in the words of its fields, and its outcome table.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  NO_RECORDS,
  coded,
  failsWith,
  fullPages,
  list,
  refusedParameters,
  repeatedPage,
  searchOutcomes,
} from '../helpers/outcomes';

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const runSearch = (key: keyof typeof App.searches, inputData: Record<string, unknown>) =>
  appTester(App.searches![key]!.operation.perform as Perform, bundleWith(inputData));

const STAFF = `${API_ROOT}/contacts/staffcontact-list`;

const staff = (id: string, firstName: string, lastName: string) => ({
  id,
  firstName,
  lastName,
  displayName: `${firstName} ${lastName}`,
  email: `${firstName.toLowerCase()}@example.com`,
  phone: 85230001001,
  status: 'Activated',
  role: 'Agent',
  jobTitle: 'Agent',
  extensionNumber: 1001,
  timezone: 'Asia/Hong_Kong',
});

describe('find_staff', () => {
  it('asks CINNOX by fullName (one page, with the token) and keeps exact matches, case and spacing aside', async () => {
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .reply(200, {
        code: 0,
        result: [staff('s1', 'Ann', 'Lee'), staff('s2', 'Ann', 'Leeson'), staff('s3', 'ann', 'LEE')],
      });
    const result = await runSearch('find_staff', { full_name: '  Ann   Lee ' });
    scope.done();
    expect(result.map((s) => s.id)).toEqual(['s1', 's3']);
    expect(result[0]).toEqual({
      id: 's1',
      firstName: 'Ann',
      lastName: 'Lee',
      displayName: 'Ann Lee',
      email: 'ann@example.com',
      phone: '+85230001001',
      status: 'Activated',
      role: 'Agent',
      jobTitle: 'Agent',
      extensionNumber: '1001',
      timezone: 'Asia/Hong_Kong',
    });
  });

  it('reads every page until a short one', async () => {
    const others = Array.from({ length: 500 }, (_, i) => staff(`x${i}`, 'Ann', `Leeson${i}`));
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .reply(200, { code: 0, result: others })
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, { code: 0, result: [staff('s1', 'Ann', 'Lee')] });
    const result = await runSearch('find_staff', { full_name: 'Ann Lee' });
    scope.done();
    expect(result.map((s) => s.id)).toEqual(['s1']);
  });

  it('past 4 full pages (2,000 candidates) without an exact match: "too many candidates", never "none"', async () => {
    const scope = nock(BASE_URL);
    for (let offset = 0; offset < 2000; offset += 500)
      scope
        .get(STAFF)
        .query({ fullName: 'Ann', offset: String(offset), limit: '500' })
        .reply(200, {
          code: 0,
          result: Array.from({ length: 500 }, (_, i) => staff(`x${offset + i}`, 'Ann', `L${i}`)),
        });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann' }));
    scope.done();
    expect(error.code).toBe('CinnoxTooManyCandidates');
    expect(error.message).toBe(
      'Find Staff Member read 2,000 candidates for Full Name "Ann" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "Ann" exists and does not answer "no match". Report this to the app\'s developers.',
    );
  });

  it('a page cap of 50 reaches the bound with the count actually read (200), not 2,000', async () => {
    const scope = nock(BASE_URL);
    for (let offset = 0; offset < 200; offset += 50)
      scope
        .get(STAFF)
        .query({ fullName: 'Ann Lee', offset: String(offset), limit: '500' })
        .reply(200, {
          code: 0,
          result: Array.from({ length: 50 }, (_, i) => staff(`s${offset + i}`, 'Ann', `Lee${offset + i}`)),
        });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.code).toBe('CinnoxTooManyCandidates');
    expect(error.message).toBe(
      'Find Staff Member read 200 candidates for Full Name "Ann Lee" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "Ann Lee" exists and does not answer "no match". Report this to the app\'s developers.',
    );
  });

  it('CINNOX ignoring offset (the same full page again) without an exact match: paging ignored, never "none"', async () => {
    const page = Array.from({ length: 500 }, (_, i) => staff(`s${i}`, 'Ann', `Lee${i}`));
    const scope = nock(BASE_URL)
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '0', limit: '500' })
      .reply(200, { code: 0, result: page })
      .get(STAFF)
      .query({ fullName: 'Ann Lee', offset: '500', limit: '500' })
      .reply(200, { code: 0, result: page });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.code).toBe('CinnoxPagingIgnored');
    expect(error.message).toBe(
      'Find Staff Member could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
    );
  });

  it('finds nothing on "No records found" (6451011)', async () => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6451011, message: 'No records found' });
    expect(await runSearch('find_staff', { full_name: 'Nobody Here' })).toEqual([]);
    scope.done();
  });

  it('refuses an empty Full Name before any request', async () => {
    const error = await failure(() => runSearch('find_staff', { full_name: ' ' }));
    expect(error.message).toBe('Nothing was sent to CINNOX. Full Name is required.');
  });

  it('is the search of the Staff ID field of Send IM to Staff', () => {
    const fields = App.creates!.send_im_to_staff!.operation.inputFields as { key: string; search?: string }[];
    expect(fields.find((f) => f.key === 'staff_id')?.search).toBe('find_staff.id');
  });
});

describe('Zapier field names in refused parameters (6451000)', () => {
  it('find_staff: fullName is Full Name', async () => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6451000, message: 'invalid fullName' });
    const error = await failure(() => runSearch('find_staff', { full_name: 'Ann Lee' }));
    scope.done();
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid fullName) In this step's fields: fullName is Full Name.`,
    );
  });
});

describe('outcomes of find_staff', () => {
  const staff = (id: string | null, firstName: string, lastName: string) => ({ id, firstName, lastName });
  const other = (i: number) => staff(`x${i}`, 'Ann', `Leeson${i}`);
  searchOutcomes('find_staff', { full_name: 'Ann Lee' }, '/contacts/staffcontact-list', [
    [
      'one staff member with that name: found, with the Staff ID Send IM to Staff takes',
      [{ body: list([{ ...staff('s1', 'Ann', 'Lee'), phone: 85230001001, extensionNumber: 1001 }]) }],
      { output: [{ id: 's1', firstName: 'Ann', lastName: 'Lee', phone: '+85230001001', extensionNumber: '1001' }] },
    ],
    [
      'two with that name: both, in CINNOX order',
      [{ body: list([staff('s1', 'Ann', 'Lee'), staff('s2', 'ANN', 'lee')]) }],
      { output: [{ id: 's1' }, { id: 's2' }] },
    ],
    ['only looser matches: none', [{ body: list([staff('s1', 'Ann', 'Leeson')]) }], { output: [] }],
    ['6451011 No records found: none', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['an empty list: none', [{ body: list([]) }], { output: [] }],
    [
      'a staff member with that name but no ID: an error, never a blank Staff ID',
      [{ body: list([staff(null, 'Ann', 'Lee')]) }],
      failsWith(
        'AppError',
        'Find Staff Member found a match for Full Name "Ann Lee", but CINNOX listed it without an ID, so no later step could use it. Report this to the app\'s developers.',
        { code: 'CinnoxUnexpectedResponse' },
      ),
    ],
    [
      'the name filter ignored: 4 full pages of others: an error, never "none"',
      fullPages(4, other),
      failsWith(
        'AppError',
        'Find Staff Member read 2,000 candidates for Full Name "Ann Lee" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter, so the app cannot tell whether "Ann Lee" exists and does not answer "no match". Report this to the app\'s developers.',
        { code: 'CinnoxTooManyCandidates' },
      ),
    ],
    [
      'offset ignored: the same full page again: an error, never "none"',
      repeatedPage(other),
      failsWith(
        'AppError',
        'Find Staff Member could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
        { code: 'CinnoxPagingIgnored' },
      ),
    ],
    [
      '6451000 bad parameters (invalid fullName)',
      [coded(6451000, 'invalid fullName')],
      refusedParameters('invalid fullName', 'fullName is Full Name'),
    ],
  ]);
});
