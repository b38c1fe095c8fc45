// Counts the CINNOX requests each operation makes in its common case, on the built app, with nock
// answering every request to a fake Base URL (and refusing any other host).
import { createRequire } from 'node:module';
import nock from 'nock';
import type * as ZapierCore from 'zapier-platform-core';
import type { Operation } from './built-app.ts';

type Kind = 'triggers' | 'creates' | 'searches';
type BuiltApp = Record<Kind, Record<string, { operation: Operation }>>;
export interface RequestCount {
  operation: string;
  requests: number;
  target: number;
}

const require = createRequire(import.meta.url);
export const BASE_URL = 'https://bench.cinnox.test';
export const authData = { appId: 'bench-app', appToken: 'bench-token', baseUrl: BASE_URL };

/** Common-case inputs: what a Zap builder fills in most often. */
const CASES: [kind: Kind, key: string, inputData: Record<string, unknown>, meta?: { page: number }][] = [
  [
    'creates',
    'create_contact',
    { first_name: 'Ann', last_name: 'Lee', phone_number: '+85294667788', email_address: 'ann@example.com' },
  ],
  ['creates', 'update_contact', { contact_id: 'c-1', job_title: 'CTO' }],
  [
    'creates',
    'send_sms',
    {
      number_type: 'access-numbers',
      sender_number: '+85230001234',
      recipient_numbers: ['+85294667788'],
      text: 'Your order has shipped.',
    },
  ],
  ['creates', 'send_im_to_staff', { staff_id: 's-1', text: 'New lead from the web form.' }],
  ['creates', 'send_im_to_room', { room_id: 'r-1', text: 'Daily report is ready.' }],
  ['searches', 'find_contact', { full_name: 'Ann Lee' }],
  ['searches', 'find_numbers', { number_type: 'cli' }],
  ['searches', 'find_enquiry', { display_case_number: '100245' }],
  ['triggers', 'staff_list', {}, { page: 0 }],
  ['triggers', 'sender_number_list', { number_type: 'access-numbers' }, { page: 0 }],
  // Beyond the product guide: Send OTP SMS, enquiry labels, staff and label look-ups, transcripts.
  ['creates', 'send_otp_sms', { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.' }],
  ['creates', 'add_enquiry_labels', { enquiry_id: 'e-1', label_ids: ['l-1', 'l-2'] }],
  ['creates', 'remove_enquiry_labels', { enquiry_id: 'e-1', label_ids: ['l-1'] }],
  ['searches', 'find_staff', { full_name: 'Ann Lee' }],
  ['searches', 'find_label', { name: 'VIP' }],
  ['searches', 'get_enquiry_transcript', { enquiry_id: '100245' }],
  ['triggers', 'otp_sender_list', {}, { page: 0 }],
  ['triggers', 'label_list', {}, { page: 0 }],
];
/** The common-case inputData of each operation, by `kind.key`. */
export const CASE_INPUTS: Record<string, Record<string, unknown>> = Object.fromEntries(
  CASES.map(([kind, key, inputData]) => [`${kind}.${key}`, inputData]),
);

/** CINNOX's answer to every request: a POST result list, or a GET list with one record fitting every list. */
export function reply(method: string, path: string, body?: unknown) {
  // Add Labels to Enquiry succeeds only when the answer lists the labels it added (A27's counterpart).
  if (method === 'POST' && /\/inquiries\/[^/]+\/labels$/.test(path)) {
    const { labelIds } = (body ?? {}) as { labelIds?: unknown };
    return { code: 0, notExistLabelIds: null, labelIds: Array.isArray(labelIds) ? labelIds : [] };
  }
  if (method !== 'GET')
    return {
      code: 0,
      id: 'new-1',
      // Send OTP SMS counts as sent only on a clear `status: true` (A26).
      status: true,
      result: [{ recipientNumber: '+85294667788', transactionID: 't-1', status: 'Submitted' }],
    };
  return {
    code: 0,
    result: [
      {
        id: 'c-1',
        firstName: 'Ann',
        lastName: 'Lee',
        displayCaseNumber: '100245',
        number: '+85230001234',
        type: 'DID',
        serviceID: 'svc',
        path,
      },
    ],
  };
}

export async function countRequests(appPath: string): Promise<RequestCount[]> {
  process.env.NODE_ENV = 'test'; // core's per-run memory log is for production only
  const zapier = require(require.resolve('zapier-platform-core', { paths: [appPath] })) as typeof ZapierCore;
  const app = require(appPath) as BuiltApp;
  const appTester = zapier.createAppTester(app);
  nock.disableNetConnect();
  const results: RequestCount[] = [];
  let count = 0;
  const scope = nock(BASE_URL).persist();
  for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    scope[method](/.*/).reply(function (uri, body) {
      count += 1;
      return [200, reply(method.toUpperCase(), uri, body)];
    });
  }
  for (const [kind, key, inputData, meta] of CASES) {
    count = 0;
    const op = app[kind][key]!;
    let error = '';
    try {
      await appTester(op.operation.perform, { authData, inputData, meta: meta ?? {} });
    } catch (e) {
      error = ` (failed: ${String((e as Error).message).slice(0, 80)})`;
      count = -1; // a failed operation never passes
    }
    results.push({ operation: `${kind}.${key}${meta ? ' (one page)' : ''}${error}`, requests: count, target: 1 });
  }
  // Hook triggers: perform turns the delivery into items without calling CINNOX.
  for (const [key, op] of Object.entries(app.triggers)) {
    if (op.operation.type !== 'hook') continue;
    count = 0;
    const sample = op.operation.sample ?? {};
    await appTester(op.operation.perform, {
      authData,
      inputData: {},
      cleanedRequest: sample,
      rawRequest: { content: JSON.stringify(sample) },
    });
    results.push({ operation: `triggers.${key} (hook perform)`, requests: count, target: 0 });
  }
  scope.persist(false);
  nock.cleanAll();
  nock.restore();
  return results;
}
