import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure, windowed } from '../helpers/app';
import fixture from '../fixtures/enquiry-detail-100245.json';
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

const DETAIL = `${API_ROOT}/data/enquiry-detail`;
const search = App.searches!.find_enquiry!;
const perform = search.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>[]>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));
/** Find Enquiry's query: the case number, the first page of 500, and the report window of the last 7 days. */
const byCase = (displayCaseNumber: string, offset = 0) =>
  windowed({ displayCaseNumber, offset: String(offset), limit: '500' }, 7);

/** Every key the CINNOX Zapier guide lists for Get Enquiry detail. */
const SPEC_KEYS = [
  '_id',
  'uniqueKey',
  'createdAt',
  'svcID',
  'inquiry',
  'tag',
  'visitor',
  'roomID',
  'initChannel',
  'omniType',
  'ip',
  'language',
  'location',
  'locationDetail',
  'platform',
  'status',
  'closedByType',
  'displayCaseNumber',
  'channel',
  'destinationID',
  'destinationName',
  'destinationType',
  'destinationEndPoint',
  'handledType',
  'handledTarget',
  'handledPartyName',
  'huntedStaffTargetHistory',
  'channelDetail',
  'inquiryType',
  'updatedAt',
  'closedAt',
  'inquiryGroup',
  'transferredParty',
  'pickedUpAt',
  'missedAt',
  'reopenedAt',
  'handledPartyDepartment',
  'visitorName',
  'closeDuration',
  'historyJoined',
  'attachment',
  'staffFirstName',
  'staffLastName',
  'visitorFirstName',
  'visitorLastName',
  'inquiryDeepLink',
  'cid',
];

describe('find_enquiry', () => {
  it('requires the Display Case Number; nothing is sent without it', async () => {
    expect(
      (search.operation.inputFields as { key: string; label: string; required: boolean }[]).map((f) => [
        f.key,
        f.label,
        f.required,
      ]),
    ).toEqual([['display_case_number', 'Display Case Number', true]]);
    const error = await failure(() => run({ display_case_number: '  ' }));
    expect([error.code, error.message]).toEqual([
      'InvalidInput',
      'Nothing was sent to CINNOX. Display Case Number is required.',
    ]);
  });

  it('says which enquiries it searches, the report window of the last 7 days, so a miss is not read as no such enquiry', () => {
    expect(search.display.description).toBe(
      'Finds an enquiry of the last 7 days by the Display Case Number shown in the CINNOX Dashboard and returns its details.',
    );
    expect((search.operation.inputFields as { helpText: string }[])[0]!.helpText).toBe(
      "The enquiry number shown in the CINNOX Dashboard (displayCaseNumber). CINNOX's Enquiry Details report is read for the last 7 days: an enquiry created before that is not found, even if it exists.",
    );
  });

  it('asks CINNOX by displayCaseNumber in the last 7 days and returns the spec keys, dates ISO 8601 with a zone, only the exact match', async () => {
    const scope = nock(BASE_URL).get(DETAIL).query(byCase('100245')).reply(200, fixture);
    const results = await run({ display_case_number: ' 100245 ' });
    scope.done();
    expect(results).toHaveLength(1);
    const enquiry = results[0]!;
    for (const key of SPEC_KEYS) expect(enquiry).toHaveProperty([key]);
    expect(enquiry).toMatchObject({
      id: '6650a1b2c3d4e5f607182930',
      _id: '6650a1b2c3d4e5f607182930',
      displayCaseNumber: '100245',
      inquiry: 'inq-7d3f9a',
      createdAt: '2024-05-24T08:15:30.000Z',
      updatedAt: '2024-05-24T08:40:02.000Z',
      closedAt: '2024-05-24T08:40:02.000Z',
      pickedUpAt: '2024-05-24T08:16:05.000Z',
      missedAt: null,
      reopenedAt: null,
      locationDetail: { regionCode: 'HK', subdivision: 'HK-KLN', city: 'Kowloon', province: 'Kowloon' },
      channelDetail: { type: 'Tag', id: 'tag-sales', maaiiDisplayName: 'Sales' },
      huntedStaffTargetHistory: ['staff-5f0c3a'],
      attachment: true,
      closeDuration: 1472000,
      labelIds: ['lbl-1'],
    });
    expect(enquiry).not.toHaveProperty('locationDetailprovince');
  });

  it("reads the spec's `createdAT` as createdAt (one key), YYYY/MM/DD dates as UTC, and gives null for a date it cannot read", async () => {
    const record = {
      _id: 'rec-1',
      inquiry: 'inq-1',
      displayCaseNumber: '100246',
      createdAT: '2024/05/24 08:15:30',
      updatedAt: '2024/05/24',
      closedAt: 'soon',
      pickedUpAt: '2024-13-01T00:00:00Z',
    };
    const scope = nock(BASE_URL)
      .get(DETAIL)
      .query(byCase('100246'))
      .reply(200, { code: 0, result: [record] });
    const [enquiry] = await run({ display_case_number: '100246' });
    scope.done();
    expect(enquiry).toMatchObject({
      createdAt: '2024-05-24T08:15:30.000Z',
      updatedAt: '2024-05-24T00:00:00.000Z',
      closedAt: null,
      pickedUpAt: null,
      missedAt: null,
    });
    expect(enquiry).not.toHaveProperty('createdAT');
  });

  it("labels the two enquiry ids so each can be told apart: the record id (the triggers' Enquiry Record ID) and the inquiry ID", () => {
    const labels = Object.fromEntries(
      (search.operation.outputFields as { key: string; label: string }[]).map((f) => [f.key, f.label]),
    );
    expect([labels._id, labels.inquiry]).toEqual(['Record ID (_id)', 'Enquiry ID (inquiry)']);
  });

  it('returns an empty result when CINNOX has no such enquiry ("No records found" or an empty list)', async () => {
    nock(BASE_URL).get(DETAIL).query(byCase('999')).reply(400, { code: 6451011, message: 'No records found' });
    expect(await run({ display_case_number: '999' })).toEqual([]);
    nock(BASE_URL).get(DETAIL).query(byCase('998')).reply(200, { code: 0, result: [] });
    expect(await run({ display_case_number: '998' })).toEqual([]);
  });

  it('returns an empty result when CINNOX answers only other enquiries', async () => {
    nock(BASE_URL).get(DETAIL).query(byCase('10024')).reply(200, fixture);
    expect(await run({ display_case_number: '10024' })).toEqual([]);
  });

  it('has a sample and a labelled output field for every spec key', () => {
    const sample = search.operation.sample as Record<string, unknown>;
    for (const key of SPEC_KEYS) expect(sample).toHaveProperty([key]);
    const fields = search.operation.outputFields as { key: string; label: string }[];
    const keys = fields.map((f) => f.key);
    for (const key of SPEC_KEYS.filter((k) => !k.endsWith('Detail'))) expect(keys).toContain(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'locationDetail__regionCode',
        'locationDetail__province',
        'channelDetail__maaiiDisplayName',
      ]),
    );
    for (const field of fields) expect(field.label).toMatch(/\S/);
  });
});

describe('outcomes of find_enquiry', () => {
  const enquiry = (id: string, displayCaseNumber: string) => ({ _id: id, inquiry: `inq-${id}`, displayCaseNumber });
  const other = (i: number) => enquiry(`o${i}`, `9${i}`);
  const tooMany =
    'Find Enquiry read 2,000 candidates for Display Case Number "100245" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the displayCaseNumber filter (A5), so the app cannot tell whether "100245" exists and does not answer "no match". Report this to the app\'s developers.';
  const pagingIgnored =
    'Find Enquiry could not read every candidate for Display Case Number "100245": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the displayCaseNumber filter (A5). The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.';
  searchOutcomes('find_enquiry', { display_case_number: '100245' }, '/data/enquiry-detail', [
    [
      'the enquiry with that number: found',
      [{ body: list([enquiry('r1', '100245')]) }],
      { output: [{ id: 'r1', _id: 'r1', inquiry: 'inq-r1', displayCaseNumber: '100245' }] },
    ],
    [
      'that enquiry among looser matches: only it',
      [{ body: list([enquiry('r2', '1002450'), enquiry('r1', '100245')]) }],
      { output: [{ id: 'r1' }] },
    ],
    [
      'two records with that number: both, in CINNOX order (a later step uses the first)',
      [{ body: list([enquiry('r1', '100245'), enquiry('r9', '100245')]) }],
      { output: [{ id: 'r1' }, { id: 'r9' }] },
    ],
    ['only other enquiries: none', [{ body: list([enquiry('r2', '1002450')]) }], { output: [] }],
    ['6451011 No records found at HTTP 400: none', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['6451011 No records found at HTTP 200: none', [{ status: 200, body: NO_RECORDS }], { output: [] }],
    ['an empty list: none', [{ body: list([]) }], { output: [] }],
    [
      'a full page of others, then the enquiry: found on the second page',
      [{ body: list(many(0, 500, other)) }, { body: list([enquiry('r1', '100245')]) }],
      { output: [{ id: 'r1' }] },
    ],
    [
      'the displayCaseNumber filter ignored: 4 full pages of others: an error, never "none"',
      fullPages(4, other),
      failsWith('AppError', tooMany, { code: 'CinnoxTooManyCandidates' }),
    ],
    [
      'offset ignored: the same full page again: an error, never "none"',
      repeatedPage(other),
      failsWith('AppError', pagingIgnored, { code: 'CinnoxPagingIgnored' }),
    ],
    [
      '6451000 bad parameters (invalid query: (displayCaseNumber))',
      [coded(6451000, 'invalid query: (displayCaseNumber)')],
      refusedParameters('invalid query: (displayCaseNumber)', 'displayCaseNumber is Display Case Number'),
    ],
  ]);
});
