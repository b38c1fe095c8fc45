/**
 * The outcome table of Test Trigger (performList) for every instant trigger group: each answer CINNOX can give the
 * list performList reads, and what the Zap builder sees: recent records as items with exactly the trigger's output
 * keys, the sample (no records, or a list CINNOX refuses), or the error's class, code and message (no answer, a
 * gateway's page, an expired connection, the rate limit, CINNOX failing).
 */
import nock from 'nock';
import * as ev from '../fixtures/hook-events';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { hookTrigger, keysOf } from '../helpers/hooks';
import { watchUnmatched } from '../helpers/ops';
import {
  reply,
  coded,
  expectSeen,
  readFailures,
  seenOf,
  withoutJitter,
  type Answer,
  type Seen,
} from '../helpers/outcomes';

withoutJitter();

/** The rows of readFailures that are CINNOX's refusals of a list (Test Trigger shows the sample for these). */
const LIST_REFUSALS = [
  '6451000 bad parameters',
  '6450001 method not found',
  'HTTP 404 page',
  'HTTP 200 with a code that is not a success code',
];

type Query = Record<string, string | string[] | undefined>;
const window = (limit: string) => (q: Query) =>
  q.offset === '0' &&
  q.limit === limit &&
  !Number.isNaN(Date.parse(String(q.startAt))) &&
  !Number.isNaN(Date.parse(String(q.endAt)));
const first = (limit: string) => (q: Query) => q.offset === '0' && q.limit === limit;

/** One trigger of each group that lists records: the list it reads, how it asks, and records of that list. */
const LISTING: [key: string, path: string, query: (q: Query) => boolean, records: unknown[], listed: number][] = [
  ['contact_created', '/contacts/extcontact-list', first('3'), ev.contactRecords, 2],
  // 20 read, to find 3 in the trigger's status: the fixture holds two closed enquiries.
  ['enquiry_closed', '/data/enquiry-detail', window('20'), ev.enquiryRecords, 2],
  ['sms_delivery_receipt', '/data/sms-detail', window('3'), ev.smsRecords, 2],
  ['label_created', '/labels', first('3'), ev.labelRecords, 2],
  [
    'inbound_sms_received',
    '/data/sms-detail',
    window('50'),
    [
      { id: 'r-1', smsID: 'sms-1', usage: 'inbound', sender: 85298765432, recipient: 85230001234, text: 'Hi' },
      { id: 'r-2', smsID: 'sms-2', usage: 'direct', sender: 85230001234, recipient: 85298765432, text: 'Yo' },
    ],
    1,
  ],
  [
    'call_ended',
    '/data/call-log',
    window('3'),
    [{ callID: 'call-1', caller: 85298765432, callee: 85230001234, callEndTime: '2026-01-02T03:04:05Z' }],
    1,
  ],
  [
    'staff_created',
    '/contacts/staffcontact-list',
    first('3'),
    [{ id: 'staff-1', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' }],
    1,
  ],
];

/** The triggers CINNOX cannot list events of (merges, transfers, deletions, recordings): the sample, no request. */
const NOT_LISTED = [
  'contact_merged',
  'contact_ownership_transferred',
  'contact_deleted',
  'label_deleted',
  'staff_deleted',
  'recording_ready',
];

const unmatched = watchUnmatched();
const sampleOf = (key: string): Seen => ({ output: [hookTrigger(key).operation.sample] });
const topKeys = (key: string) =>
  hookTrigger(key)
    .operation.outputFields.map((f) => f.key)
    .filter((k) => !k.includes('__') && !k.includes('[]'))
    .sort();

type Row = [
  key: string,
  what: string,
  path: string,
  query: (q: Query) => boolean,
  given: Answer | undefined,
  seen: Seen | 'items',
];

const ROWS: Row[] = [
  ...LISTING.flatMap(([key, path, query, records]): Row[] => [
    [key, 'recent records', path, query, { status: 200, body: { code: 0, result: records } }, 'items'],
    [key, 'an empty list', path, query, { status: 200, body: { code: 0, result: [] } }, sampleOf(key)],
    [key, '6451011 no records found', path, query, coded(6451011, 'No records found'), sampleOf(key)],
    ...readFailures(path).map(([what, given, seen]): Row => [
      key,
      what,
      path,
      query,
      given,
      LIST_REFUSALS.includes(what) ? sampleOf(key) : seen,
    ]),
  ]),
  ...NOT_LISTED.map((key): Row => [key, 'no list to read', '', () => false, undefined, sampleOf(key)]),
];

it.each(ROWS)('%s: %s', async (key, _what, path, query, given, seen) => {
  if (given) reply(nock(BASE_URL).get(`${API_ROOT}${path}`).query(query), given, 'read');
  const actual = await seenOf(() => appTester(hookTrigger(key).operation.performList, bundleWith({})));
  if (seen === 'items') {
    const listed = LISTING.find(([k]) => k === key)![4];
    const items = (actual as { output: unknown[] }).output;
    expect(items).toHaveLength(listed);
    for (const item of items) expect(keysOf(item)).toEqual(topKeys(key));
    // Real records, not the sample.
    expect(items).not.toContainEqual(hookTrigger(key).operation.sample);
  } else expectSeen(actual, seen);
  expect(unmatched.list).toEqual([]);
});
