/**
 * Every search's outcome table: each kind of answer CINNOX can give its read (one record, none, several, an empty
 * list, each documented error code of its endpoint, a bare HTTP status with an HTML body, 401, 429 with
 * Retry-After, 5xx, a reset connection) → what the Zap builder sees (the output records with the keys the Zap editor
 * offers to map, or the error's class, code, message and retry delay). Find External Contact's table is also the
 * search half of Find or Create External Contact: an empty result is where it creates the contact, an error stops
 * it, so no answer but "no such contact" may come out empty.
 */
import { App } from '../helpers/app';
import {
  failsWith,
  readAnswers,
  expectSeen,
  seenFor,
  withoutJitter,
  type OutcomeRow,
} from '../helpers/search-outcomes';
import { searchPerform } from '../helpers/ops';

withoutJitter();

const sampleOf = (key: string) =>
  (App.searches as unknown as Record<string, { operation: { sample: Record<string, unknown> } }>)[key]!.operation
    .sample;
const NO_RECORDS = { code: 6451011, message: 'No records found' };
const list = (result: unknown[]) => ({ code: 0, result });
/** `count` records `make(i)` for i from `from`: the filler of full pages. */
const many = <T>(from: number, count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(from + i));
/** `pages` full pages of 500 records, as replies. */
const fullPages = <T>(pages: number, make: (i: number) => T, wrap: (records: T[]) => unknown = list) =>
  many(0, pages, (p) => ({ body: wrap(many(p * 500, 500, make)) }));
/** The same full page twice: CINNOX ignoring offset. */
const repeatedPage = <T>(make: (i: number) => T, wrap: (records: T[]) => unknown = list) => {
  const page = { body: wrap(many(0, 500, make)) };
  return [page, page];
};

function table(key: string, inputData: Record<string, unknown>, path: string, rows: OutcomeRow[]): void {
  it.each(rows)('%s', async (_answer, replies, expected) => {
    const seen = await seenFor(searchPerform(key), inputData, path, replies);
    expectSeen(seen, expected, sampleOf(key));
  });
}

describe('find_contact (and the search half of Find or Create External Contact)', () => {
  const contact = (id: string | null, firstName: string, lastName: string) => ({ id, firstName, lastName });
  const other = (i: number) => contact(`x${i}`, 'Ann', `Leeson${i}`);
  const tooMany =
    'Find External Contact read 5,000 candidates for Full Name "Ann Lee" (10 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter (A7), so the app cannot tell whether "Ann Lee" exists and does not answer "no match" (Find or Create would then create a second copy). Report this to the app\'s developers.';
  const pagingIgnored =
    'Find External Contact could not read every candidate for Full Name "Ann Lee": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter (A7). The app does not answer "no match" without having looked at every candidate (Find or Create would then create a second copy). Report this to the app\'s developers.';
  table('find_contact', { full_name: 'Ann Lee' }, '/contacts/extcontact-list', [
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
    ...readAnswers('/contacts/extcontact-list', {
      reason: 'invalid fullName',
      fields: " In this step's fields: fullName is Full Name.",
    }),
  ]);
});

describe('find_enquiry', () => {
  const enquiry = (id: string, displayCaseNumber: string) => ({ _id: id, inquiry: `inq-${id}`, displayCaseNumber });
  const other = (i: number) => enquiry(`o${i}`, `9${i}`);
  const tooMany =
    'Find Enquiry read 2,000 candidates for Display Case Number "100245" (4 requests of 500) without reaching the end of CINNOX\'s answer, and none matched exactly: too many candidates. CINNOX may be ignoring the displayCaseNumber filter (A5), so the app cannot tell whether "100245" exists and does not answer "no match". Report this to the app\'s developers.';
  const pagingIgnored =
    'Find Enquiry could not read every candidate for Display Case Number "100245": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the displayCaseNumber filter (A5). The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.';
  table('find_enquiry', { display_case_number: '100245' }, '/data/enquiry-detail', [
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
    ...readAnswers('/data/enquiry-detail', {
      reason: 'invalid query: (displayCaseNumber)',
      fields: " In this step's fields: displayCaseNumber is Display Case Number.",
    }),
  ]);
});

describe('find_numbers', () => {
  const number = (i: number) => ({ serviceID: 'svc1', number: `+8523000${String(i).padStart(4, '0')}`, type: 'DID' });
  table('find_numbers', { number_type: 'access-numbers' }, '/access-numbers', [
    [
      'one number: listed, in E.164 as Send SMS takes it',
      [{ body: list([{ ServiceID: 'svc1', Number: '+85230001234', type: 'DID', country: ['HK'] }]) }],
      {
        output: [
          { id: '+85230001234', ServiceID: 'svc1', Number: '+85230001234', type: 'DID', country: 'HK', expireDate: '' },
        ],
      },
    ],
    [
      'a record without a number among numbers: left out',
      [{ body: list([{ serviceID: 'svc1', type: 'DID' }, number(1)]) }],
      { output: [{ id: '+85230000001' }] },
    ],
    ['6451011 No records found: no numbers', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['an empty list: no numbers', [{ body: list([]) }], { output: [] }],
    [
      'offset ignored: the same full page again: the numbers of the first page, each once',
      repeatedPage(number),
      { output: many(0, 500, (i) => ({ id: number(i).number })) },
    ],
    [
      '20 full pages without the end: an error, never part of the list',
      fullPages(20, number),
      failsWith(
        'AppError',
        "Get Number List read 10,000 records (20 requests of 500) without reaching the end of CINNOX's list, and stops there rather than return part of it. If your account has more numbers of this type than that, report this to the app's developers.",
        { code: 'CinnoxTooManyRecords' },
      ),
    ],
    ...readAnswers('/access-numbers', { reason: 'exceed maximum limit 500', fields: '' }),
  ]);
});

describe('find_staff', () => {
  const staff = (id: string | null, firstName: string, lastName: string) => ({ id, firstName, lastName });
  const other = (i: number) => staff(`x${i}`, 'Ann', `Leeson${i}`);
  table('find_staff', { full_name: 'Ann Lee' }, '/contacts/staffcontact-list', [
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
    ...readAnswers('/contacts/staffcontact-list', {
      reason: 'invalid fullName',
      fields: " In this step's fields: fullName is Full Name.",
    }),
  ]);
});

describe('find_label', () => {
  const labels = (labelList: unknown[]) => ({ code: 0, labelList });
  const other = (i: number) => ({ id: `l${i}`, name: `Other ${i}` });
  table('find_label', { name: 'VIP' }, '/labels', [
    [
      'the label with that name: found, with the Label ID the Labels field takes',
      [{ body: labels([{ id: 'L1', name: 'VIP', colorName: 'red' }]) }],
      { output: [{ id: 'L1', name: 'VIP', colorName: 'red' }] },
    ],
    [
      'that label among looser matches: only it',
      [
        {
          body: labels([
            { id: 'L2', name: 'VIP Gold' },
            { id: 'L1', name: 'vip' },
          ]),
        },
      ],
      { output: [{ id: 'L1', name: 'vip' }] },
    ],
    ['only looser matches: none', [{ body: labels([{ id: 'L2', name: 'VIP Gold' }]) }], { output: [] }],
    ['6451011 No records found: none', [{ status: 400, body: NO_RECORDS }], { output: [] }],
    ['an empty list: none', [{ body: labels([]) }], { output: [] }],
    [
      'the label with that name but no ID: an error, never a blank Label ID',
      [{ body: labels([{ name: 'VIP' }]) }],
      failsWith(
        'AppError',
        'Find Label found a match for Label Name "VIP", but CINNOX listed it without an ID, so no later step could use it. Report this to the app\'s developers.',
        { code: 'CinnoxUnexpectedResponse' },
      ),
    ],
    [
      'offset ignored: the same full page again: an error, never "none"',
      repeatedPage(other, labels),
      failsWith(
        'AppError',
        'Find Label could not read every candidate for Label Name "VIP": CINNOX answered the request for candidates 501 onwards with candidates it had already sent, so it may be ignoring offset, and the name filter. The app does not answer "no match" without having looked at every candidate. Report this to the app\'s developers.',
        { code: 'CinnoxPagingIgnored' },
      ),
    ],
    ...readAnswers('/labels', { reason: 'invalid name', fields: " In this step's fields: name is Label Name." }),
  ]);
});

describe('get_enquiry_transcript', () => {
  const CHAT = '/data/enquiry-chat';
  const DETAIL = '/data/enquiry-detail';
  const RECORD_ID = '66b000000000000000000001';
  const message = { createdAt: '2026-11-22T08:15:02Z', fromName: 'Dana Lam', msgText: 'Hello' };
  const transcript = {
    id: '1001',
    enquiry_id: '1001',
    message_count: 1,
    transcript: '2026-11-22T08:15Z Dana Lam: Hello',
    messages: [{ time: '2026-11-22T08:15:02.000Z', from: 'Dana Lam', type: '', text: 'Hello' }],
  };
  const notClosed = (said: string, id = '1001') =>
    failsWith(
      'AppError',
      `CINNOX has no chat log for enquiry ${id}: it gives the chat of closed enquiries only, and this one is not closed (or has no chat) (${said}). Run this step once the enquiry is closed, e.g. in a Zap on Enquiry Closed, and check the Enquiry ID or Display Case Number.`,
      { code: 'EnquiryNotClosed' },
    );
  const otherEnquiry = (i: number) => ({ _id: `o${i}`, displayCaseNumber: `9${i}` });
  describe('by display case number', () => {
    table('get_enquiry_transcript', { enquiry_id: '1001' }, CHAT, [
      ['the chat of a closed enquiry: its transcript', [{ body: list([message]) }], { output: [transcript] }],
      [
        'a chat without a message: an error, never an empty transcript',
        [{ body: list([]) }],
        notClosed('CINNOX answered with no messages'),
      ],
      [
        '6451011 (A28: not closed) at HTTP 400',
        [{ status: 400, body: NO_RECORDS }],
        notClosed('CINNOX code 6451011: No records found'),
      ],
      [
        '6451011 (A28: not closed) at HTTP 200',
        [{ status: 200, body: NO_RECORDS }],
        notClosed('CINNOX code 6451011: No records found'),
      ],
      [
        '6451013 chat logs over the limit',
        [{ status: 400, body: { code: 6451013, message: 'Requested chat logs over the limit' } }],
        failsWith(
          'AppError',
          "CINNOX will not return the chat log of enquiry 1001: it is over CINNOX's chat-log limit (CINNOX code 6451013: Requested chat logs over the limit). Read this enquiry's chat in the CINNOX Dashboard.",
          { code: 'ChatLogOverLimit' },
        ),
      ],
      [
        '6451000 invalid enquiryID',
        [{ status: 400, body: { code: 6451000, message: 'invalid enquiryID' } }],
        failsWith(
          'AppError',
          'CINNOX does not accept "1001" as an enquiry (CINNOX code 6451000: invalid enquiryID). Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.',
          { code: 'CinnoxInvalidParameters' },
        ),
      ],
      ...readAnswers(CHAT, null),
    ]);
  });

  describe('by Enquiry Record ID (looked up in the report window first)', () => {
    table('get_enquiry_transcript', { enquiry_id: RECORD_ID }, CHAT, [
      [
        'the record in the window: the chat of its display case number',
        [
          { path: DETAIL, body: list([otherEnquiry(1), { _id: RECORD_ID, displayCaseNumber: '1001' }]) },
          { body: list([message]) },
        ],
        { output: [transcript] },
      ],
      [
        'the record on the second page of the window: found there',
        [
          { path: DETAIL, body: list(many(0, 500, otherEnquiry)) },
          { path: DETAIL, body: list([{ _id: RECORD_ID, displayCaseNumber: '1001' }]) },
          { body: list([message]) },
        ],
        { output: [transcript] },
      ],
      [
        'no enquiry of the window has it, and CINNOX refuses it as an enquiry ID: says so',
        [
          { path: DETAIL, body: list([otherEnquiry(1)]) },
          { status: 400, body: { code: 6451000, message: 'invalid enquiryID' } },
        ],
        failsWith(
          'AppError',
          `CINNOX does not accept "${RECORD_ID}" as an enquiry (CINNOX code 6451000: invalid enquiryID). It looks like an Enquiry Record ID, but no enquiry of the last 7 days has it. Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.`,
          { code: 'CinnoxInvalidParameters' },
        ),
      ],
      [
        '4 full pages of the window without it: an error, never "no such enquiry"',
        fullPages(4, otherEnquiry).map((reply) => ({ ...reply, path: DETAIL })),
        failsWith(
          'AppError',
          `The Enquiry Record ID "${RECORD_ID}" was looked up among CINNOX's enquiries of the last 7 days: 2,000 read (4 requests of 500) without finding it or reaching the end of the list, so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`,
          { code: 'CinnoxTooManyCandidates' },
        ),
      ],
      [
        'offset ignored in the window: an error, never "no such enquiry"',
        repeatedPage(otherEnquiry).map((reply) => ({ ...reply, path: DETAIL })),
        failsWith(
          'AppError',
          `The Enquiry Record ID "${RECORD_ID}" was looked up among CINNOX's enquiries of the last 7 days, but CINNOX answered the request for enquiries 501 onwards with enquiries it had already sent (it may be ignoring offset), so the app cannot tell whether it exists. Map the Display Case Number instead: it needs no look-up.`,
          { code: 'CinnoxPagingIgnored' },
        ),
      ],
    ]);
  });
});
