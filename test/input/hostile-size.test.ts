/**
 * Inputs of hostile size, through the operations: every text field has a ceiling that follows from what it can be,
 * checked on the text's length before anything reads it, so a mapped document is refused before any request with
 * the field's usual message, and what it costs does not grow with its size. The counters are watched: the SMS
 * counter (sms-segments-calculator) and the character splitter (Intl.Segmenter) are never given more than the
 * field's ceiling. A generous time-out per test only guards against a hang; time is not what these tests measure.
 */
import nock from 'nock';
import type { PlainInputField } from 'zapier-platform-core';
import { SegmentedMessage } from 'sms-segments-calculator';
import { examples, type Example } from '../../src/examples';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import { createPerform, searchPerform, triggerPerform, watchUnmatched, type Perform } from '../helpers/ops';

// The counter, watched: each text it is given.
jest.mock('sms-segments-calculator', () => {
  const actual = jest.requireActual<typeof import('sms-segments-calculator')>('sms-segments-calculator');
  return {
    ...actual,
    SegmentedMessage: jest.fn((...args: ConstructorParameters<typeof actual.SegmentedMessage>) => {
      return new actual.SegmentedMessage(...args);
    }),
  };
});
const counted = jest.mocked(SegmentedMessage);
const segmented = jest.spyOn(Intl.Segmenter.prototype, 'segment');
/** The longest text each counter was given in the test. */
const longest = (calls: unknown[][]): number => Math.max(0, ...calls.map(([text]) => String(text).length));

const unmatched = watchUnmatched();
beforeEach(() => {
  counted.mockClear();
  segmented.mockClear();
});

/** Generous: a refusal on the length takes milliseconds; this only stops a hang from stalling the suite. */
const HANG = 5_000;

async function refused(perform: Perform, inputData: Record<string, unknown>): Promise<string> {
  const error = await failure(() => appTester(perform, bundleWith(inputData)));
  expect(error.code).toBe('InvalidInput');
  expect(unmatched.list).toEqual([]);
  return error.message;
}

const sms = { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'] };
const otp = { sender_number: 'CINNOX', recipient_number: '+85294667788' };

describe('Send SMS: a Text longer than 10 parts hold is refused on its length, never counted', () => {
  it.each([
    ['off', {}, 'one SMS holds 160 GSM-7 characters'],
    ['on', { allow_multipart: 'true' }, 'Maximum SMS Parts is 10 (1530 GSM-7 characters)'],
    [
      'on, at most 3 parts',
      { allow_multipart: 'true', max_parts: '3' },
      'Maximum SMS Parts is 3 (459 GSM-7 characters)',
    ],
  ])(
    '200,000 characters, Allow Multi-part SMS %s',
    async (_what, multipart, allowed) => {
      const message = await refused(createPerform('send_sms'), { ...sms, ...multipart, text: 'a'.repeat(200_000) });
      expect(message).toBe(
        `Nothing was sent to CINNOX. Text is 200000 characters long, which needs more than 10 SMS parts; ${allowed}. Shorten the text: even multi-part SMS allows at most 10 parts.`,
      );
      expect(counted).not.toHaveBeenCalled();
    },
    HANG,
  );

  it(
    'a Text of Chinese characters is counted only up to the ceiling: 1,530 are, 200,000 are not',
    async () => {
      expect(await refused(createPerform('send_sms'), { ...sms, text: '中'.repeat(1_530) })).toMatch(
        /^Nothing was sent to CINNOX\. Text is 1530 UCS-2 characters, which needs 23 SMS parts; /,
      );
      expect(longest(counted.mock.calls)).toBe(1_530);
      counted.mockClear();
      segmented.mockClear();
      expect(await refused(createPerform('send_sms'), { ...sms, text: '中'.repeat(200_000) })).toMatch(
        /^Nothing was sent to CINNOX\. Text is 200000 characters long, which needs more than 10 SMS parts; /,
      );
      expect(counted).not.toHaveBeenCalled();
      expect(longest(segmented.mock.calls)).toBe(0);
    },
    HANG,
  );
});

describe('Send OTP SMS: a Text longer than one SMS is refused on its length, never counted', () => {
  it(
    '40,000 characters with %s',
    async () => {
      const message = await refused(createPerform('send_otp_sms'), { ...otp, text: `${'a'.repeat(40_000)} %s` });
      expect(message).toBe(
        'Nothing was sent to CINNOX. Text with the PIN in place is 40007 characters long; an OTP must fit one SMS (160 GSM-7 characters, or 70 when any character is outside GSM-7). Shorten it by at least 39847 characters.',
      );
      expect(counted).not.toHaveBeenCalled();
    },
    HANG,
  );

  it(
    '40,000 characters without %s: the refusal quotes the first 200',
    async () => {
      const text = 'b'.repeat(40_000);
      expect(await refused(createPerform('send_otp_sms'), { ...otp, text })).toBe(
        `Nothing was sent to CINNOX. Text must contain %s where CINNOX puts the PIN; got "${'b'.repeat(200)}…" (length 40,000). Add %s, e.g. "Your code is %s."`,
      );
      expect(counted).not.toHaveBeenCalled();
    },
    HANG,
  );
});

describe('Create External Contact: a 5 MB First Name', () => {
  it(
    'of Chinese characters is refused after counting at most 201 of them (the ceiling, 200 units, and one more)',
    async () => {
      const name = '王'.repeat(1_750_000); // 5.25 MB in UTF-8
      expect(await refused(createPerform('create_contact'), { first_name: name })).toBe(
        `Nothing was sent to CINNOX. First Name must be at most 50 characters; got more than 200 ("${'王'.repeat(200)}…" (length 1,750,000)).`,
      );
      expect(longest(segmented.mock.calls)).toBe(201);
    },
    HANG,
  );

  it(
    'of one letter and combining marks (one character) is refused on its length, counting 201 units',
    async () => {
      const name = `B${'\u0301'.repeat(5_000_000)}`;
      expect(await refused(createPerform('create_contact'), { first_name: name })).toBe(
        `Nothing was sent to CINNOX. First Name is too long for CINNOX: 5,000,001 UTF-16 code units, at most 200 ("B${'\u0301'.repeat(199)}…" (length 5,000,001)).`,
      );
      expect(longest(segmented.mock.calls)).toBe(201);
    },
    HANG,
  );
});

describe('lists: counted before any entry is read, and a message lists 10 problems at most', () => {
  it.each([
    ['one comma-separated text', '+1,'.repeat(100_000)],
    ['an array', Array.from({ length: 100_000 }, () => '+1')],
  ])(
    'Send SMS with 100,000 Recipient Numbers as %s',
    async (_what, recipient_numbers) => {
      expect(await refused(createPerform('send_sms'), { ...sms, recipient_numbers, text: 'Hi' })).toBe(
        'Nothing was sent to CINNOX. Recipient Number has 100,000 entries; one step takes at most 1,000: split them across several steps.',
      );
    },
    HANG,
  );

  it(
    'Add Labels to Enquiry with 1,000 Labels sends them',
    async () => {
      const labelIds = Array.from({ length: 1_000 }, (_, i) => `l${i}`);
      const scope = nock(BASE_URL)
        .post(`${API_ROOT}/inquiries/e1/labels`, { labelIds })
        .reply(200, { code: 0, notExistLabelIds: null, labelIds });
      await appTester(createPerform('add_enquiry_labels'), bundleWith({ enquiry_id: 'e1', label_ids: labelIds }));
      scope.done();
    },
    HANG,
  );

  it(
    'Add Labels to Enquiry with 1,001 Labels',
    async () => {
      const label_ids = Array.from({ length: 1_001 }, (_, i) => `l${i}`);
      expect(await refused(createPerform('add_enquiry_labels'), { enquiry_id: 'e1', label_ids })).toBe(
        'Nothing was sent to CINNOX. Labels has 1,001 entries; one step takes at most 1,000: split them across several steps.',
      );
    },
    HANG,
  );

  it(
    '12 Recipient Numbers without +: the first 10 are named, the other 2 counted',
    async () => {
      const numbers = Array.from({ length: 12 }, (_, i) => `8529466770${String(i).padStart(2, '0')}`);
      const named = numbers
        .slice(0, 10)
        .map((n) => `Recipient Number "${n}" must start with + and the country code, e.g. +85294667788.`);
      expect(await refused(createPerform('send_sms'), { ...sms, recipient_numbers: numbers, text: 'Hi' })).toBe(
        `Nothing was sent to CINNOX. ${named.join(' ')} And 2 more.`,
      );
    },
    HANG,
  );
});

// ---- Every text field of every operation ----------------------------------------------------------------------

type Kind = 'creates' | 'searches' | 'triggers';
const PERFORM: Record<Kind, (key: string) => Perform> = {
  creates: createPerform,
  searches: searchPerform,
  triggers: triggerPerform,
};
const EXAMPLES: Record<Kind, Partial<Record<string, Example>>> = examples;

/** A million Chinese characters (3 MB in UTF-8), with the OTP's %s so Send OTP SMS's own rule passes. */
const DOCUMENT = `${'王'.repeat(1_000_000)} %s`;

/** Every free-text input field (not a choice) of every operation: [operation, field key, label, kind, list]. */
const TEXT_FIELDS = (['creates', 'searches', 'triggers'] as const).flatMap((kind) =>
  Object.entries(App[kind] as Record<string, { operation: { inputFields?: unknown } }>).flatMap(([key, op]) =>
    (Array.isArray(op.operation.inputFields) ? (op.operation.inputFields as PlainInputField[]) : [])
      .filter((f) => (f.type === 'string' || f.type === 'text') && !f.choices)
      .map((f) => [key, f.key, f.label ?? f.key, kind, f.list === true] as const),
  ),
);

describe('every text field, given a million characters, is refused before any request', () => {
  it('covers the fields of every kind of operation', () => {
    expect(new Set(TEXT_FIELDS.map(([, , , kind]) => kind))).toEqual(new Set(['creates', 'searches', 'triggers']));
    expect(TEXT_FIELDS.length).toBeGreaterThan(30);
  });

  it.each(TEXT_FIELDS)(
    '%s: %s (%s)',
    async (key, field, label, kind, list) => {
      const inputData = { ...EXAMPLES[kind][key]?.inputData, [field]: list ? [DOCUMENT] : DOCUMENT };
      const message = await refused(PERFORM[kind](key), inputData);
      expect(message).toContain(`${label} `);
      expect(message.length).toBeLessThan(1_000);
      expect(longest(counted.mock.calls)).toBeLessThanOrEqual(1_530);
      expect(longest(segmented.mock.calls)).toBeLessThanOrEqual(5_001);
    },
    HANG,
  );
});
