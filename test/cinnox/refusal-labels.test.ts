/**
 * CINNOX's refusals in the words of the Zapier fields: each field declares the CINNOX key it is sent as, and a
 * refusal whose reason names that key names the field (`<key> is <Zapier label>`). Driven through the app's
 * operations: every create and search sends its example input (src/examples.ts), and each body key and query
 * parameter it sent is refused in turn.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { examples } from '../../src/examples';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, clearZapierCache, failure } from '../helpers/app';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const performOf = (kind: 'creates' | 'searches', key: string): Perform =>
  (App[kind] as Record<string, { operation: { perform: unknown } }>)[key]!.operation.perform as Perform;

const refused = (reason: string, named?: string): string =>
  `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${reason})${named ? ` In this step's fields: ${named}.` : ''}`;

describe("a reason's plain words name a field only where they read as one", () => {
  const OPS = {
    send_sms: {
      path: `${API_ROOT}/sms`,
      input: { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'] },
    },
    create_contact: { path: `${API_ROOT}/management/create_externalcontact`, input: { first_name: 'Ann' } },
  } as const;
  const sms = 'send_sms';
  const contact = 'create_contact';

  it.each([
    [sms, 'text is required', 'text is Text'],
    [sms, 'Invalid text', 'text is Text'],
    [sms, 'missing text', 'text is Text'],
    [sms, '"text" must be a string', 'text is Text'],
    [sms, 'text must not be empty', 'text is Text'],
    [sms, 'senderNumber invalid; text too long', 'senderNumber is Sender Number, text is Text'],
    [sms, 'the text of the message could not be delivered', undefined],
    [sms, 'this sender cannot send text messages', undefined],
    [contact, 'Unknown data type', undefined],
    [
      contact,
      'invalid birthDate; Unknown data type: firstName must be a string',
      'birthDate is Birth Date, firstName is First Name',
    ],
    [contact, 'type is invalid', 'type is Type'],
    [contact, 'Invalid level', 'level is Level'],
    [contact, 'level of detail not supported', undefined],
    [contact, 'Invalid city', 'city is City'],
    [contact, 'zipcode too long', 'zipcode is Zip Code'],
    [contact, 'addresses is required', 'addresses is Zip Code / Street / City / State / Country'],
    [contact, 'SOCIALCONTACTS: bad key', 'socialContacts is Social Messaging Type and Social Messaging Name/ID'],
    [contact, 'try a different group of settings', undefined],
  ] as const)('%s, CINNOX reason "%s"', async (key, reason, named) => {
    const op = OPS[key];
    const scope = nock(BASE_URL).post(op.path).reply(400, { code: 6451000, message: reason });
    const error = await failure(() => appTester(performOf('creates', key), bundleWith({ text: 'hi', ...op.input })));
    scope.done();
    expect(error.message).toBe(refused(reason, named));
  });
});

/** What the app sends of its own, never from a field: no Zapier field to name. */
const APP_SET: Readonly<Record<string, string>> = {
  offset: 'paging: the offset of the page read',
  limit: 'paging: the page size (LIST_PAGE_MAX)',
  startAt: "a report's time window (A6): CINNOX refuses a report read without one",
  endAt: "a report's time window (A6)",
};

interface Sent {
  method: string;
  path: string;
  keys: string[];
}

interface OperationRow {
  /** A success answer for each request the example sends, so the operation reaches its next request. */
  answer: (sent: Sent) => unknown;
  /** Each CINNOX key the example sends from a field → the Zapier label its refusal names. */
  labels: Readonly<Record<string, string>>;
  /** How CINNOX refuses a key: 6451000 "Invalid <key>", unless the step words that code itself. */
  refusal?: (key: string) => { status: number; body: unknown };
}

const ROWS: Readonly<Record<string, OperationRow>> = {
  'creates.create_contact': {
    answer: () => ({ code: 0, id: 'c-1' }),
    labels: { firstName: 'First Name', lastName: 'Last Name', phones: 'Phone Number', emails: 'Email Address' },
  },
  'creates.update_contact': { answer: () => ({ code: 0 }), labels: { jobTitle: 'Job Title' } },
  'creates.send_sms': {
    answer: () => [{ recipientNumber: '+85294667788', status: 'Submitted', transactionID: 't-1' }],
    labels: { senderNumber: 'Sender Number', recipientNumbers: 'Recipient Number', text: 'Text' },
  },
  'creates.send_im_to_staff': { answer: () => ({ code: 0 }), labels: { receiverEID: 'Staff ID', messages: 'Text' } },
  'creates.send_im_to_room': { answer: () => ({ code: 0 }), labels: { roomID: 'Room ID', messages: 'Text' } },
  'creates.send_otp_sms': {
    answer: () => ({ status: true, transactionID: 't-1' }),
    // The PIN is generated when the example leaves it empty: the field's key all the same.
    labels: { senderNumber: 'Sender ID', recipientNumber: 'Recipient Number', text: 'Text', pin: 'PIN' },
  },
  'creates.add_enquiry_labels': {
    answer: () => ({
      code: 0,
      notExistLabelIds: null,
      labelIds: ['65a000000000000000000001', '65a000000000000000000002'],
    }),
    labels: { labelIds: 'Labels' },
  },
  'creates.remove_enquiry_labels': {
    answer: () => ({ code: 0, notExistLabelIds: null, labelIds: [] }),
    labels: { labelIds: 'Labels' },
  },
  'creates.create_or_update_contact': {
    // The example's name finds one contact, which is updated.
    answer: (sent) =>
      sent.method === 'GET' ? { result: [{ id: 'c-1', firstName: 'Ben', lastName: 'Ho' }] } : { code: 0 },
    labels: {
      fullName: 'First Name and Last Name',
      firstName: 'First Name',
      lastName: 'Last Name',
      jobTitle: 'Job Title',
    },
  },
  'searches.find_contact': { answer: () => ({ result: [] }), labels: { fullName: 'Full Name' } },
  'searches.find_numbers': { answer: () => ({ result: [] }), labels: {} },
  'searches.find_enquiry': { answer: () => ({ result: [] }), labels: { displayCaseNumber: 'Display Case Number' } },
  'searches.find_staff': { answer: () => ({ result: [] }), labels: { fullName: 'Full Name' } },
  'searches.find_label': { answer: () => ({ result: [] }), labels: { name: 'Label Name' } },
  'searches.get_enquiry_transcript': {
    answer: () => ({ result: [{ createdAt: '2026-01-05T09:00:00Z', fromEID: 'e-1', msgText: 'Hello' }] }),
    labels: { enquiryID: 'Enquiry ID or Display Case Number' },
    // The step words 6451000 about the enquiry itself (src/searches/get-enquiry-transcript.ts); a refusal without a
    // CINNOX code is CINNOX's own, naming the field.
    refusal: (key) => ({ status: 400, body: { message: `Invalid ${key}` } }),
  },
};

const OPERATIONS = (['creates', 'searches'] as const).flatMap((kind) =>
  Object.keys(App[kind] ?? {}).map((key) => ({ kind, key, id: `${kind}.${key}` })),
);

/**
 * Runs the operation on its example, every CINNOX request answered by `reply` (its index in the order sent): the
 * requests, each with its body keys and query parameters, and the step's result or error.
 */
async function run(
  op: (typeof OPERATIONS)[number],
  reply: (sent: Sent, index: number) => { status: number; body: unknown },
): Promise<{ sent: Sent[]; outcome: () => Promise<unknown> }> {
  const sent: Sent[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    nock(BASE_URL)
      .persist()
      .intercept(() => true, method)
      .reply((uri, body) => {
        const url = new URL(uri, BASE_URL);
        const parsed: unknown = typeof body === 'string' && body ? JSON.parse(body) : body;
        const bodyKeys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
        const request = { method, path: url.pathname, keys: [...url.searchParams.keys(), ...bodyKeys] };
        sent.push(request);
        const { status, body: answer } = reply(request, sent.length - 1);
        return [status, JSON.stringify(answer), { 'content-type': 'application/json' }];
      });
  clearZapierCache();
  const example = examples[op.kind][op.key as keyof (typeof examples)[typeof op.kind]] as { inputData: object };
  const done = appTester(performOf(op.kind, op.key), bundleWith({ ...example.inputData }));
  const settled = await done.then(
    () => undefined,
    (error: unknown) => error,
  );
  nock.cleanAll();
  return { sent, outcome: () => (settled === undefined ? done : Promise.reject(settled)) };
}

describe('every CINNOX key an operation sends from a field has its Zapier label for refusals', () => {
  it('has a row for every create and search', () => {
    expect(OPERATIONS.map((op) => op.id).sort()).toEqual(Object.keys(ROWS).sort());
  });

  it.each(OPERATIONS)('$id: each key its example sends, refused, names its field', async (op) => {
    const row = ROWS[op.id]!;
    const success = (sent: Sent) => ({ status: 200, body: row.answer(sent) });
    const captured = await run(op, success);
    await captured.outcome();
    const sentKeys = captured.sent.flatMap((request, index) => request.keys.map((key) => ({ index, key })));
    // The table is the whole truth: every key sent is a field's or the app's own, and every label is of a key sent.
    expect(sentKeys.map(({ key }) => key).filter((key) => !(key in APP_SET) && !(key in row.labels))).toEqual([]);
    expect(Object.keys(row.labels).filter((key) => !sentKeys.some((s) => s.key === key))).toEqual([]);

    for (const { index, key } of sentKeys.filter((s) => s.key in row.labels)) {
      const refusal = row.refusal?.(key) ?? { status: 400, body: { code: 6451000, message: `Invalid ${key}` } };
      const refusedRun = await run(op, (sent, i) => (i === index ? refusal : success(sent)));
      const error = await failure(refusedRun.outcome);
      expect({ key, named: error.message.includes(`${key} is ${row.labels[key]}`), message: error.message }).toEqual(
        expect.objectContaining({ key, named: true }),
      );
    }
  });
});
