/**
 * CINNOX's refusals in the words of the Zapier fields: each field declares the CINNOX key it is sent as, and a
 * refusal whose reason names that key names the field (`<key> is <Zapier label>`). Driven through the app's
 * operations: every create and search sends its example input (src/examples.ts), and each body key and query
 * parameter it sent is refused in turn.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { examples } from '../../src/examples';
import {
  API_ROOT,
  App,
  BASE_URL,
  appTester,
  bundleWith,
  clearZapierCache,
  errorDetails,
  failure,
} from '../helpers/app';

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

/**
 * One answer for every request the example sends, whatever the operation: a success with an id and an empty list.
 * The step may end in any way on it (nothing found, nothing confirmed): what counts is which keys it sent.
 */
const SUCCESS = { status: 200, body: { code: 0, id: 'rec-1', result: [] } };
/** CINNOX's refusal naming a key, without a CINNOX code (a step may word 6451000 itself, e.g. the transcript's). */
const refusalOf = (key: string) => ({ status: 400, body: { message: `Invalid ${key}` } });

const OPERATIONS = (['creates', 'searches'] as const).flatMap((kind) =>
  Object.keys(App[kind] ?? {}).map((key) => ({ kind, key, id: `${kind}.${key}` })),
);

/** The labels of an operation's input fields. */
const labelsOf = (op: (typeof OPERATIONS)[number]): string[] =>
  (App[op.kind] as Record<string, { operation: { inputFields: { label?: string }[] } }>)[
    op.key
  ]!.operation.inputFields.map((f) => f.label ?? '');

/**
 * Runs the operation on its example, every CINNOX request answered by `reply` (its index in the order sent): the
 * requests, each with its body keys and query parameters, and the step's error, if any.
 */
async function run(
  op: (typeof OPERATIONS)[number],
  reply: (index: number) => { status: number; body: unknown },
): Promise<{ sent: Sent[]; error: unknown }> {
  const sent: Sent[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    nock(BASE_URL)
      .persist()
      .intercept(() => true, method)
      .reply((uri, body) => {
        const url = new URL(uri, BASE_URL);
        const parsed: unknown = typeof body === 'string' && body ? JSON.parse(body) : body;
        const bodyKeys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
        sent.push({ method, path: url.pathname, keys: [...url.searchParams.keys(), ...bodyKeys] });
        const { status, body: answer } = reply(sent.length - 1);
        return [status, JSON.stringify(answer), { 'content-type': 'application/json' }];
      });
  clearZapierCache();
  const example = examples[op.kind][op.key as keyof (typeof examples)[typeof op.kind]] as { inputData: object };
  const error = await appTester(performOf(op.kind, op.key), bundleWith({ ...example.inputData })).then(
    () => undefined,
    (e: unknown) => e,
  );
  nock.cleanAll();
  return { sent, error };
}

describe('every CINNOX key an operation sends from a field has its Zapier label for refusals', () => {
  // Every create and search of the app's definition, from its registration and example alone.
  it.each(OPERATIONS)('$id: each key its example sends, refused, names a field of the step', async (op) => {
    const { sent } = await run(op, () => SUCCESS);
    const sentKeys = sent.flatMap((request, index) =>
      request.keys.filter((key) => !(key in APP_SET)).map((key) => ({ index, key })),
    );
    const labels = labelsOf(op);
    const named: Record<string, string> = {};
    for (const { index, key } of sentKeys) {
      const { error } = await run(op, (i) => (i === index ? refusalOf(key) : SUCCESS));
      const { message } = errorDetails(error);
      // "In this step's fields: senderNumber is Sender Number, text is Text." A key's label is one field's, or
      // several joined by " and " / " / " (the address's fields).
      const label = new RegExp(`In this step's fields: (?:.*, )?${key} is ([^,]*?)(?:, [A-Za-z]+ is |\\.$)`).exec(
        message,
      )?.[1];
      named[key] =
        label !== undefined && label.split(/ and | \/ /).every((l) => labels.includes(l)) ? 'a field' : message;
    }
    expect(named).toEqual(Object.fromEntries(sentKeys.map(({ key }) => [key, 'a field'])));
  });

  it("reaches Send SMS's keys and most operations' (the test above checks something)", async () => {
    // Guards the test above against passing on nothing, without a list of operations: an operation that sends no
    // key from a field (Get Number List: its number type is the path) simply has no key to check.
    const keysOf = async (op: (typeof OPERATIONS)[number]) =>
      (await run(op, () => SUCCESS)).sent.flatMap((request) => request.keys.filter((key) => !(key in APP_SET)));
    expect(await keysOf(OPERATIONS.find((op) => op.id === 'creates.send_sms')!)).toEqual([
      'senderNumber',
      'recipientNumbers',
      'text',
    ]);
    let withKeys = 0;
    for (const op of OPERATIONS) if ((await keysOf(op)).length > 0) withKeys += 1;
    expect(withKeys).toBeGreaterThanOrEqual(OPERATIONS.length - 2);
  });
});
