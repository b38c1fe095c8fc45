/**
 * The outcome tables of the polling triggers: the scheduled triggers (New Call in Call Log, New or Updated Enquiry,
 * New or Updated SMS) and the drop-downs (Staff List, Sender Number List, Alphanumeric Sender ID List, Label List).
 * Rows are each answer CINNOX can give the one read a poll or a drop-down page makes; what the Zap builder sees is the
 * items (their ids and keys), an empty list, or the error's class, code and message: a poll or a drop-down never
 * shows nothing where CINNOX could not be read.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { watchUnmatched } from '../helpers/ops';
import {
  coded,
  expectSeen,
  readFailures,
  reply,
  seenOf,
  withoutJitter,
  type Answer,
  type Seen,
} from '../helpers/outcomes';

withoutJitter();

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Query = Record<string, unknown>;
const performOf = (key: string): Perform =>
  (App.triggers as unknown as Record<string, { operation: { perform: Perform } }>)[key]!.operation.perform;
const unmatched = watchUnmatched();
const list = (result: unknown[], envelope = 'result'): Answer => ({
  status: 200,
  body: { code: 0, [envelope]: result },
});

/** A poll's read: the report window (7 days) from offset 0, 500 records. */
const windowRead = (q: Query) =>
  q.offset === '0' &&
  q.limit === '500' &&
  Boolean(Date.parse(String(q.startAt))) &&
  Boolean(Date.parse(String(q.endAt)));
/** A drop-down's first page: offset 0, 500 records. */
const firstPage = (q: Query) => q.offset === '0' && q.limit === '500';

interface Poll {
  key: string;
  inputData: Record<string, unknown>;
  path: string;
  query: (q: Query) => boolean;
  envelope?: string;
  /** A scheduled trigger: how its messages name its report. */
  scheduled?: string;
  records: unknown[];
  /** What the records give. */
  items: unknown[];
}

const POLLS: Poll[] = [
  {
    key: 'new_call',
    scheduled: 'the call log',
    inputData: { results: ['missed'] },
    path: '/data/call-log',
    query: windowRead,
    records: [
      { callID: 'call-2', callDirection: 'Inbound', status: 'Call Ended', callDate: '2026-01-02T03:06:00Z' },
      {
        callID: 'call-1',
        callDirection: 'Inbound',
        status: 'Busy',
        callDate: '2026-01-02T03:05:00Z',
        caller: 85298765432,
      },
    ],
    items: [
      expect.objectContaining({ id: 'call-1', callId: 'call-1', caller: '+85298765432', result: 'Busy', missed: true }),
    ],
  },
  {
    key: 'new_or_updated_enquiry',
    scheduled: 'Enquiry Details',
    inputData: { channels: ['FACEBOOK'] },
    path: '/data/enquiry-detail',
    query: windowRead,
    records: [
      { _id: 'rec-2', status: 'closed', channel: 'Messager', createdAt: '2026-01-02T03:06:00Z' },
      { _id: 'rec-1', status: 'open', channel: 'WHATSAPP', createdAt: '2026-01-02T03:05:00Z' },
    ],
    items: [expect.objectContaining({ id: 'rec-2:closed', enquiryID: 'rec-2', status: 'closed', channel: 'Messager' })],
  },
  {
    key: 'new_or_updated_sms',
    scheduled: 'SMS Details',
    inputData: { statuses: ['Undelivered'] },
    path: '/data/sms-detail',
    query: windowRead,
    records: [
      { smsID: 'sms-2', status: 'Submitted', carrierStatus: 'Undelivered', recipient: 85298765432, usage: 'direct' },
      { smsID: 'sms-1', status: 'Submitted', carrierStatus: 'Delivered', usage: 'direct' },
    ],
    items: [
      expect.objectContaining({ id: 'sms-2:Undelivered', status: 'Undelivered', recipientNumber: '+85298765432' }),
    ],
  },
  {
    key: 'staff_list',
    inputData: {},
    path: '/contacts/staffcontact-list',
    query: firstPage,
    records: [{ id: 'staff-1', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', status: 'Activated' }, {}],
    items: [
      {
        id: 'staff-1',
        name: 'Ann Lee (ann@example.com)',
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann@example.com',
        status: 'Activated',
      },
    ],
  },
  {
    key: 'sender_number_list',
    inputData: { number_type: 'access-numbers' },
    path: '/access-numbers',
    query: firstPage,
    // CINNOX lists numbers as digits: the option is the E.164 number Send SMS's Sender Number takes.
    records: [
      { number: 85230001234, type: 'DID', country: ['HK'], serviceID: 'svc-1' },
      { number: 85230009999, supportSMS: false },
    ],
    items: [
      {
        id: '+85230001234',
        label: '+85230001234 (HK, DID)',
        number: '+85230001234',
        number_type: 'Virtual Number',
        type: 'DID',
        country: 'HK',
        ServiceID: 'svc-1',
      },
    ],
  },
  {
    key: 'otp_sender_list',
    inputData: {},
    path: '/sms-numbers',
    query: firstPage,
    records: [{ number: 'CINNOX', type: 'ALPHANUMERIC', country: 'HK', ServiceID: 'svc-1' }],
    items: [
      {
        id: 'CINNOX',
        label: 'CINNOX (HK, ALPHANUMERIC)',
        number: 'CINNOX',
        number_type: 'Alphanumeric',
        type: 'ALPHANUMERIC',
        country: 'HK',
        ServiceID: 'svc-1',
      },
    ],
  },
  {
    key: 'label_list',
    inputData: {},
    path: '/labels',
    query: firstPage,
    envelope: 'labelList',
    records: [{ id: 'lbl-1', name: 'VIP', colorName: 'red' }, { name: 'no id' }],
    items: [expect.objectContaining({ id: 'lbl-1' })],
  },
];

const CASES = POLLS.flatMap((p) =>
  [
    ['its records', list(p.records, p.envelope), { output: p.items }] as [string, Answer, Seen],
    ['an empty list', list([], p.envelope), { output: [] }] as [string, Answer, Seen],
    ['6451011 no records found', coded(6451011, 'No records found'), { output: [] }] as [string, Answer, Seen],
    ...readFailures(p.path).map(([what, given, seen]): [string, Answer, Seen] =>
      // A poll sends none of the Zap's fields: its refusal says so, not "check the fields".
      what === '6451000 bad parameters' && p.scheduled
        ? [
            what,
            given,
            {
              ...seen,
              message: `CINNOX refused this trigger's read of ${p.scheduled} (CINNOX code 6451000: Bad query). The trigger sends CINNOX only the last 7 days and paging, none of this Zap's filters (A6, A30), so no field of the trigger can fix it: report this to the app's developers.`,
            },
          ]
        : [what, given, seen],
    ),
  ].map(([what, given, seen]) => [p.key, what, p, given, seen] as const),
);

it.each(CASES)('%s: %s', async (_key, _what, p, given, seen) => {
  reply(nock(BASE_URL).get(`${API_ROOT}${p.path}`).query(p.query), given, 'read');
  const bundle = bundleWith(p.inputData, { meta: { page: 0 } } as never);
  expectSeen(await seenOf(() => appTester(performOf(p.key), bundle)), seen);
  expect(unmatched.list).toEqual([]);
});
