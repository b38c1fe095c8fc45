/**
 * The outcome table of every hydrator (contact details, call details, enquiry transcript): each answer CINNOX can
 * give the one read a later step's use of the details makes, and what the Zap builder sees in that step: the
 * details, a reason where CINNOX's refusal is final, a retry (ThrottledError) where CINNOX has not produced the data
 * yet, or the error's class, code and message.
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

type Hydrator = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Query = Record<string, unknown>;
const hydrator = (name: string): Hydrator => (App.hydrators as Record<string, Hydrator>)[name]!;
const unmatched = watchUnmatched();
const list = (result: unknown[]): Answer => ({ status: 200, body: { code: 0, result } });
const retried = (message: string): Seen => ({
  error: 'ThrottledError',
  message: new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} Zapier will retry in \\d+ seconds\\.`),
  delay: 60,
});

interface Hydration {
  name: string;
  inputData: Record<string, string>;
  path: string;
  /** The read's query, by the parameters that name the record (a report window may come with them). */
  query: (q: Query) => boolean;
  /** The hydrator's own rows; readFailures(path) follow, except the codes it reads itself. */
  rows: [string, Answer, Seen][];
  readsItself?: string[];
}

const CONTACT = { id: 'c-1', firstName: 'Ann', lastName: 'Lee', mobilePhone: 85294667788 };
const CALL_RECORD = {
  callID: 'call-1',
  caller: 85298765432,
  callee: 85230001234,
  callDirection: 'Inbound',
  status: 'Not Answered',
  duration: 0,
  callDate: '2026-01-02T03:04:05Z',
};
const CHAT = [
  { createdAt: '2026-01-02T03:04:05Z', fromEID: 'v1', fromName: 'Dana Lam', msgText: 'Hi' },
  { createdAt: '2026-01-02T03:05:05Z', fromEID: 's1', fromName: 'Ann Lee', msgText: 'Hello Dana' },
];
const nulls = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, null]));

const HYDRATIONS: Hydration[] = [
  {
    name: 'contactDetails',
    inputData: { contactId: 'c-1' },
    path: '/contacts/extcontact-list',
    query: (q) => q.id === 'c-1',
    rows: [
      [
        'the contact',
        list([CONTACT]),
        {
          output: {
            id: 'c-1',
            firstName: 'Ann',
            lastName: 'Lee',
            fullName: 'Ann Lee',
            mobilePhone: '+85294667788',
            ...nulls('workPhone', 'homePhone', 'otherPhone', 'email', 'personalEmail', 'otherEmail', 'facebook'),
            ...nulls('whatsApp', 'weChat', 'line', 'twitter', 'linkedin', 'woztellWhatsApp', 'woztellFacebook'),
            ...nulls('woztellInstagram', 'companyName', 'department', 'jobTitle', 'birthday', 'language'),
            addresses: nulls('street', 'city', 'state', 'zipcode', 'country'),
            ...nulls('customerType', 'group', 'level', 'ownerID', 'ownerName', 'ownerDepartment', 'sharedWith'),
            slavecontacts: null,
          },
        },
      ],
      [
        'another contact only (A8 does not hold)',
        list([{ ...CONTACT, id: 'c-2' }]),
        {
          error: 'AppError',
          code: 'CinnoxUnexpectedResponse',
          message:
            'CINNOX\'s answer did not contain the external contact with ID "c-1" (it listed another contact), so its details cannot be loaded. CINNOX may not filter the contact list by id (assumption A8): report this to the app\'s developers.',
        },
      ],
      ...(['an empty list', '6451011 no records found'] as const).map((what): [string, Answer, Seen] => [
        what,
        what === 'an empty list' ? list([]) : coded(6451011, 'No records found'),
        {
          error: 'AppError',
          code: 'CinnoxNotFound',
          message:
            'CINNOX has no external contact with ID "c-1" any more (it may have been deleted or merged after the event), so its details cannot be loaded.',
        },
      ]),
    ],
  },
  {
    name: 'callDetails',
    inputData: { callId: 'call-1' },
    path: '/data/call-log',
    query: (q) => q.callID === 'call-1',
    rows: [
      [
        'the call',
        list([CALL_RECORD]),
        {
          output: {
            callId: 'call-1',
            caller: '+85298765432',
            callee: '+85230001234',
            callerStaffId: '',
            calleeStaffId: '',
            direction: 'Inbound',
            result: 'Not Answered',
            missed: true,
            durationSeconds: 0,
            startedAt: '2026-01-02T03:04:05.000Z',
            endedAt: '',
            cinnoxNumber: '',
            enquiryId: '',
            displayCaseNumber: '',
            serviceId: '',
          },
        },
      ],
      [
        'another call only (A20 does not hold)',
        list([{ ...CALL_RECORD, callID: 'call-2' }]),
        {
          error: 'AppError',
          code: 'CinnoxUnexpectedResponse',
          message:
            'CINNOX\'s answer did not contain the call with ID "call-1" (it listed another call), so its details (caller, callee, direction, result, duration) cannot be loaded. CINNOX may not filter the call log by call ID (assumption A20): report this to the app\'s developers.',
        },
      ],
      ...(['an empty list (not in the call log yet)', '6451011 no records found'] as const).map(
        (what): [string, Answer, Seen] => [
          what,
          what === '6451011 no records found' ? coded(6451011, 'No records found') : list([]),
          retried(
            'CINNOX\'s call log has no call with ID "call-1" yet, so its details (caller, callee, direction, result, duration) are not ready.',
          ),
        ],
      ),
    ],
  },
  {
    name: 'enquiryTranscript',
    inputData: { displayCaseNumber: 'EQ-000123', enquiryID: 'rec-1' },
    path: '/data/enquiry-chat',
    query: (q) => q.enquiryID === 'EQ-000123',
    readsItself: ['6451000 bad parameters'],
    rows: [
      [
        'the chat',
        list(CHAT),
        {
          output: {
            text: '2026-01-02T03:04Z Dana Lam: Hi\n2026-01-02T03:05Z Ann Lee: Hello Dana',
            messageCount: 2,
            reason: '',
          },
        },
      ],
      [
        'an empty chat',
        list([]),
        {
          output: {
            text: '',
            messageCount: 0,
            reason: 'No transcript: CINNOX lists no message in the chat of enquiry EQ-000123.',
          },
        },
      ],
      [
        '6451011 not closed (A28): not ready yet',
        coded(6451011, 'No records found'),
        retried(
          'The transcript of enquiry EQ-000123 is not ready yet: CINNOX gives the chat of closed enquiries only and answered that this one is not closed (CINNOX code 6451011: No records found), although its event says it was closed.',
        ),
      ],
      [
        '6451013 over the chat-log limit',
        coded(6451013, 'Requested chat logs over the limit'),
        {
          output: {
            text: '',
            messageCount: 0,
            reason:
              "No transcript: the chat of enquiry EQ-000123 is over CINNOX's chat-log limit, so CINNOX will not return it (CINNOX code 6451013: Requested chat logs over the limit). Read it in the CINNOX Dashboard.",
          },
        },
      ],
      [
        '6451000 not accepted',
        coded(6451000, 'invalid enquiryID'),
        {
          output: {
            text: '',
            messageCount: 0,
            reason:
              'No transcript: CINNOX does not accept "EQ-000123" as an enquiry (CINNOX code 6451000: invalid enquiryID).',
          },
        },
      ],
    ],
  },
];

const CASES = HYDRATIONS.flatMap((h) =>
  [...h.rows, ...readFailures(h.path).filter(([what]) => !h.readsItself?.includes(what))].map(
    ([what, given, seen]) => [h.name, what, h, given, seen] as const,
  ),
);

it.each(CASES)('%s: %s', async (_name, _what, h, given, seen) => {
  reply(nock(BASE_URL).get(`${API_ROOT}${h.path}`).query(h.query), given, 'read');
  expectSeen(await seenOf(() => appTester(hydrator(h.name), bundleWith(h.inputData))), seen);
  expect(unmatched.list).toEqual([]);
});
