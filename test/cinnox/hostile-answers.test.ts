/**
 * Hostile answers end in a clean error: reading CINNOX's answers never recurses or spreads without a bound
 * (src/cinnox/client.ts `unreadable`, src/cinnox/quote.ts). A deeply nested answer (where a message would stringify
 * its `code`, the list reader recurse into `result`, a de-duplication key stringify a record), a page of 250,000
 * records, or a 1 MB `code` ends the step with CINNOX's answer quoted in 300 characters, the whole message under
 * 2,000, through the operations that read each.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { createPerform, searchPerform, triggerPerform, type Perform } from '../helpers/ops';

/** A generous bound against a hang; the test measures what the step answers, not how fast. */
const HANG_GUARD_MS = 60_000;

const nested = (depth: number, open: string, close: string, inner: string) =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
/** Answers written as text: nock (JSON.stringify) could not write a 10,000-deep body itself. */
const DEEP_CODE = `{"code":${nested(5000, '{"a":', '}', '1')}}`;
const DEEP_RESULT = `{"code":0,"result":${nested(8000, '{"result":', '}', '[]')}}`;
const DEEP_RECORD = `{"code":0,"result":[${nested(10_000, '[', ']', '')}]}`;
const HUGE_PAGE = `{"code":0,"result":[${Array.from({ length: 250_000 }, (_, i) => `{"id":${i}}`).join(',')}]}`;
const HUGE_CODE = { code: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, 'v'.repeat(20)])) };

const SMS = {
  number_type: 'access-numbers',
  sender_number: '+85230001234',
  recipient_numbers: ['+85294667788'],
  text: 'Your order has shipped.',
};
const cannotRead = (what: string, content: string) =>
  `CINNOX answered HTTP 200 with ${what}, which the app cannot read, so this step stopped: "${content.slice(0, 300)}…". If it keeps happening, report this to the app's developers.`;
const NESTED = 'JSON nested more than 32 levels deep (no CINNOX answer is)';

const CASES: [string, string, Perform, Record<string, unknown>, string, nock.Body, string, string][] = [
  [
    'a 5,000-deep code',
    'Create External Contact',
    createPerform('create_contact'),
    { first_name: 'Ann', last_name: 'Lee' },
    'POST',
    DEEP_CODE,
    'CinnoxUnexpectedResponse',
    cannotRead(NESTED, DEEP_CODE),
  ],
  [
    'an 8,000-deep result',
    'Get Number List',
    searchPerform('find_numbers'),
    { number_type: 'access-numbers' },
    'GET',
    DEEP_RESULT,
    'CinnoxUnexpectedResponse',
    cannotRead(NESTED, DEEP_RESULT),
  ],
  [
    'a record that is a 10,000-deep array',
    'the staff drop-down',
    triggerPerform('staff_list'),
    {},
    'GET',
    DEEP_RECORD,
    'CinnoxUnexpectedResponse',
    cannotRead(NESTED, DEEP_RECORD),
  ],
  [
    'a page of 250,000 records',
    'Find Label',
    searchPerform('find_label'),
    { name: 'VIP' },
    'GET',
    HUGE_PAGE,
    'CinnoxUnexpectedResponse',
    cannotRead('a list of 250,000 records (the app reads at most 10,000 of any list)', HUGE_PAGE),
  ],
  [
    'a 1 MB code object',
    'Send SMS',
    createPerform('send_sms'),
    SMS,
    'POST',
    HUGE_CODE,
    'CinnoxNotConfirmed',
    `CINNOX answered HTTP 200 but with code ${JSON.stringify(HUGE_CODE.code).slice(0, 300)}…, which is not a success code (0), so this step failed: CINNOX did not confirm the change. Check CINNOX (was the SMS sent, the contact created or updated, the message posted, the Zap subscribed?) before replaying this step.`,
  ],
];

describe('an answer no CINNOX sends ends the step with a clean error, its quote cut', () => {
  it.each(CASES)(
    '%s: %s',
    async (_shape, _op, perform, input, method, body, code, message) => {
      const scope = nock(BASE_URL)
        .intercept(new RegExp(`^${API_ROOT}/`), method)
        .query(true)
        .reply(200, body, { 'Content-Type': 'application/json' });
      const error = await failure(() => appTester(perform, bundleWith(input)));
      scope.done();
      expect(error).toMatchObject({ name: 'AppError', code });
      expect(error.message).toBe(message);
      expect(error.message.length).toBeLessThan(2000);
    },
    HANG_GUARD_MS,
  );
});
