/**
 * A Zap builder's steps fit together: each ID a trigger or search outputs goes, as it is, into the action or
 * search field that asks for that kind of record, and reaches CINNOX where CINNOX needs it; each phone number goes
 * into Send SMS's Recipient Number (and each of your CINNOX numbers into its Sender Number) without a formatter
 * step. Each chain runs the first step's perform, maps its output into the second step's input, and checks the
 * request CINNOX receives. Every search and polling trigger with an example also runs on the sandbox, each phone
 * number it gives sent there with Send SMS: a phone number output is covered by its `NUMBERS` row, or by that run.
 */
import { isDeepStrictEqual } from 'node:util';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { examples, type Example } from '../src/examples';
import * as ev from './fixtures/hook-events';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from './helpers/app';
import { hookTrigger, resolvePointer } from './helpers/hooks';
import { searchPerform, triggerPerform } from './helpers/ops';
import { passing, readingsOnSandbox, valueAt, type Into, type Reading } from './helpers/phone-readings';
import { sharedSandbox } from './sandbox/harness';

type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const create = (key: keyof typeof App.creates) => App.creates[key].operation.perform as Perform;
const search = (key: keyof typeof App.searches) => App.searches[key].operation.perform as Perform;
const delivered = async (key: string, body: unknown): Promise<Item> =>
  (
    (await appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body } as never))) as Item[]
  )[0]!;

const RECORD_ID = '66b000000000000000000001';

describe('enquiry triggers →', () => {
  const closed = async () => delivered('enquiry_closed', { ...ev.enquiryOpenApi('Closed'), eid: RECORD_ID });

  it('Get Enquiry Transcript: the Enquiry Record ID is looked up, and the chat read by its case number', async () => {
    const { enquiryID } = await closed();
    expect(enquiryID).toBe(RECORD_ID);
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query((q) => q.offset === '0' && q.limit === '500' && Boolean(q.startAt) && Boolean(q.endAt))
      .reply(200, {
        code: 0,
        result: [
          { _id: 'other', displayCaseNumber: '1' },
          { _id: RECORD_ID, displayCaseNumber: '100245', inquiry: 'enq-1' },
        ],
      })
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: '100245' })
      .reply(200, { code: 0, result: [{ fromName: 'Dana Lam', msgText: 'Hello', createdAt: '2026-11-22T08:15:02Z' }] });
    const [transcript] = (await appTester(
      search('get_enquiry_transcript'),
      bundleWith({ enquiry_id: enquiryID }),
    )) as Item[];
    expect(transcript).toMatchObject({
      enquiry_id: '100245',
      message_count: 1,
      transcript: '2026-11-22T08:15Z Dana Lam: Hello',
    });
    scope.done();
  });

  it('Get Enquiry Transcript: an Enquiry Record ID no recent enquiry has is tried as it is, and the refusal says so', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query(true)
      .reply(200, { code: 6451011, message: 'No records found' })
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: RECORD_ID })
      .reply(200, { code: 6451000, message: 'invalid enquiryID' });
    const error = await failure(() =>
      appTester(search('get_enquiry_transcript'), bundleWith({ enquiry_id: RECORD_ID })),
    );
    expect(error.message).toBe(
      `CINNOX does not accept "${RECORD_ID}" as an enquiry (CINNOX code 6451000: invalid enquiryID). It looks like an Enquiry Record ID, but no enquiry of the last 7 days has it. Map the Display Case Number from Enquiry Closed, or the Enquiry ID (inquiry) from Find Enquiry, into Enquiry ID or Display Case Number.`,
    );
    scope.done();
  });

  it('Get Enquiry Transcript: the Display Case Number goes to the chat as it is, with no look-up', async () => {
    const { displayCaseNumber } = await closed();
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-chat`)
      .query({ enquiryID: String(displayCaseNumber) })
      .reply(200, { code: 0, result: [{ createdAt: '2026-11-22T08:15:02Z', fromName: 'Dana Lam', msgText: 'Hello' }] });
    await appTester(search('get_enquiry_transcript'), bundleWith({ enquiry_id: displayCaseNumber }));
    scope.done();
  });

  it.each([
    ['Add Labels to Enquiry', 'add_enquiry_labels', 'post'],
    ['Remove Labels from Enquiry', 'remove_enquiry_labels', 'delete'],
  ] as const)('%s: the Enquiry Record ID is the path CINNOX labels', async (_label, key, method) => {
    const { enquiryID } = await closed();
    const scope = nock(BASE_URL)
      .intercept(`${API_ROOT}/inquiries/${RECORD_ID}/labels`, method.toUpperCase(), { labelIds: ['l-1'] })
      .reply(200, { code: 0, labelIds: method === 'post' ? ['l-1'] : [], notExistLabelIds: null });
    await appTester(create(key), bundleWith({ enquiry_id: enquiryID, label_ids: ['l-1'] }));
    scope.done();
  });
});

describe('contact triggers and Find External Contact → Update External Contact', () => {
  it("the trigger's External Contact ID is the contact CINNOX updates", async () => {
    const { contactId } = await delivered('contact_created', ev.contactOpenApi('create'));
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/${String(contactId)}`, { jobTitle: 'CTO' })
      .reply(200, { code: 0, id: contactId });
    await appTester(create('update_contact'), bundleWith({ contact_id: contactId, job_title: 'CTO' }));
    scope.done();
  });

  it("Find External Contact's ID is the contact CINNOX updates", async () => {
    const list = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/extcontact-list`)
      .query(true)
      .reply(200, { code: 0, result: [{ id: 'c-9', firstName: 'Ann', lastName: 'Lee' }] });
    const [found] = (await appTester(search('find_contact'), bundleWith({ full_name: 'Ann Lee' }))) as Item[];
    list.done();
    const scope = nock(BASE_URL)
      .put(`${API_ROOT}/management/update_externalcontact/c-9`, { jobTitle: 'CTO' })
      .reply(200, { code: 0, id: 'c-9' });
    await appTester(create('update_contact'), bundleWith({ contact_id: found!.id, job_title: 'CTO' }));
    scope.done();
  });
});

describe('Find Staff Member and the staff triggers → Send IM to Staff', () => {
  it("the staff member's ID is the IM's receiver", async () => {
    nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query(true)
      .reply(200, { code: 0, result: [{ id: 's-7', firstName: 'Ben', lastName: 'Chan' }] });
    const [staff] = (await appTester(search('find_staff'), bundleWith({ full_name: 'Ben Chan' }))) as Item[];
    const { staffId } = await delivered('staff_created', ev.staffOpenApi('staffCreate'));
    for (const id of [staff!.id, staffId]) {
      const scope = nock(BASE_URL)
        .post(`${API_ROOT}/message-push`, (body: { receiverEID?: string }) => body.receiverEID === id)
        .reply(200, { code: 0 });
      await appTester(create('send_im_to_staff'), bundleWith({ staff_id: id, text: 'Hi' }));
      scope.done();
    }
  });
});

describe('Find Label and the label triggers → Add Labels to Enquiry', () => {
  it("the label's ID is the label CINNOX applies", async () => {
    nock(BASE_URL)
      .get(`${API_ROOT}/labels`)
      .query(true)
      .reply(200, { code: 0, labelList: [{ id: 'l-7', name: 'VIP' }] });
    const [label] = (await appTester(search('find_label'), bundleWith({ name: 'VIP' }))) as Item[];
    const { id: fromTrigger } = await delivered('label_created', ev.labelOpenApi('create'));
    for (const id of [label!.id, fromTrigger]) {
      const scope = nock(BASE_URL)
        .post(`${API_ROOT}/inquiries/${RECORD_ID}/labels`, { labelIds: [String(id)] })
        .reply(200, { code: 0, labelIds: [id], notExistLabelIds: null });
      await appTester(create('add_enquiry_labels'), bundleWith({ enquiry_id: RECORD_ID, label_ids: [id] }));
      scope.done();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Phone numbers → Send SMS (and Send OTP SMS)
// ---------------------------------------------------------------------------------------------

/** Every number CINNOX sends below is a JSON number (docs/cinnox-api.md §1.8–§1.10, §3.1): digits without "+". */
const CONTACT_RECORD = {
  id: 'c-100',
  firstName: 'Ann',
  lastName: 'Lee',
  mobilePhone: 85291000001,
  workPhone: 85223000002,
  homePhone: 85223000003,
  otherPhone: 85291000004,
  whatsApp: 85291000005,
};
const CONTACT_PHONES: [string, string][] = [
  ['mobilePhone', '+85291000001'],
  ['workPhone', '+85223000002'],
  ['homePhone', '+85223000003'],
  ['otherPhone', '+85291000004'],
  ['whatsApp', '+85291000005'],
];
const CALL_RECORD = { callID: 'call-1', caller: 85298765432, callee: 85291000006, virtualNumber: 85230001234 };
const SMS_RECORD = {
  id: 'sms-1',
  sender: 85230001235,
  recipient: 85291000007,
  usage: 'openAPI-sms',
  status: 'Submitted',
  createdAt: new Date().toISOString(),
};
const envelope = (message: Item) => ({ type: 'message', challenge: '', message });
const contactDetails = async (key: string, status: string): Promise<Item> => {
  const item = await delivered(key, ev.contactOpenApi(status));
  nock(BASE_URL)
    .get(`${API_ROOT}/contacts/extcontact-list`)
    .query(true)
    .reply(200, { code: 0, result: [CONTACT_RECORD] });
  return { ...item, details: await resolvePointer(item.details) };
};
const firstOf = async (result: Promise<unknown>): Promise<Item> => ((await result) as Item[])[0]!;
const poll = (key: string) => firstOf(appTester(triggerPerform(key), bundleWith({})));
const listedBy = (path: string, records: Item[]) =>
  nock(BASE_URL).get(`${API_ROOT}${path}`).query(true).reply(200, { code: 0, result: records });

/** How a Zap gets each number-bearing output: the operation run on CINNOX's answer, its item. */
const SOURCES: Record<string, () => Promise<Item>> = {
  ...Object.fromEntries(
    (
      [
        ['contact_created', 'create'],
        ['contact_edited', 'edit'],
        ['contact_merged', 'merge'],
        ['contact_ownership_transferred', 'transfer'],
        ['contact_event', 'create'],
      ] as const
    ).map(([key, status]) => [`trigger ${key}`, () => contactDetails(key, status)]),
  ),
  'trigger inbound_sms_received': () =>
    delivered('inbound_sms_received', {
      id: 'sms-in-1',
      eventDescription: 'Inbound SMS',
      senderNumber: 85291000008,
      recipientNumber: 85230001236,
      content: 'YES',
    }),
  'trigger sms_delivery_receipt': () => delivered('sms_delivery_receipt', ev.smsOpenApi('Delivered')),
  'trigger call_started': () =>
    delivered(
      'call_started',
      envelope({
        status: 'CallStart',
        id: 'call-1',
        caller: { eid: '', number: 85298765432 },
        callees: [{ eid: 'staff-2', number: 85291000006 }],
      }),
    ),
  'trigger call_ended': async () => {
    const item = await delivered('call_ended', envelope({ status: 'CallEnd', id: 'call-1' }));
    listedBy('/data/call-log', [CALL_RECORD]);
    return { ...item, details: await resolvePointer(item.details) };
  },
  'trigger new_call': () => {
    listedBy('/data/call-log', [{ ...CALL_RECORD, callDate: new Date().toISOString() }]);
    return poll('new_call');
  },
  'trigger new_or_updated_sms': () => {
    listedBy('/data/sms-detail', [SMS_RECORD]);
    return poll('new_or_updated_sms');
  },
  'trigger sender_number_list': () => {
    listedBy('/access-numbers', [{ number: 85230001237, type: 'DID', supportSMS: true }]);
    return poll('sender_number_list');
  },
  'trigger otp_sender_list': () => {
    listedBy('/sms-numbers', [{ number: 'CINNOX', type: 'ALPHANUMERIC' }]);
    return poll('otp_sender_list');
  },
  'search find_contact': () => {
    listedBy('/contacts/extcontact-list', [CONTACT_RECORD]);
    return firstOf(appTester(search('find_contact'), bundleWith({ full_name: 'Ann Lee' })));
  },
  'search find_staff': () => {
    listedBy('/contacts/staffcontact-list', [{ id: 's-7', firstName: 'Ben', lastName: 'Chan', phone: 85291000009 }]);
    return firstOf(appTester(search('find_staff'), bundleWith({ full_name: 'Ben Chan' })));
  },
  'search find_numbers': () => {
    listedBy('/cli', [{ serviceID: 'svc-1', number: 85230001238, type: 'DID' }]);
    return firstOf(appTester(search('find_numbers'), bundleWith({ number_type: 'cli' })));
  },
};

/**
 * Each number-bearing output: its operation, its key, the E.164 number CINNOX's digits become, and what it maps
 * into. Every number is a Recipient Number; your CINNOX numbers are also a Sender Number (Send OTP SMS's Sender
 * ID for its Alphanumeric drop-down).
 */
const NUMBERS: [operation: string, key: string, e164: string, into: Into[]][] = [
  ...['contact_created', 'contact_edited', 'contact_merged', 'contact_ownership_transferred', 'contact_event'].flatMap(
    (key) =>
      CONTACT_PHONES.map(([phone, e164]): [string, string, string, Into[]] => [
        `trigger ${key}`,
        `details__${phone}`,
        e164,
        ['recipient'],
      ]),
  ),
  ['trigger inbound_sms_received', 'senderNumber', '+85291000008', ['recipient']],
  ['trigger inbound_sms_received', 'recipientNumber', '+85230001236', ['recipient', 'sender']],
  ['trigger sms_delivery_receipt', 'recipientNumber', '+85298765432', ['recipient']],
  ['trigger call_started', 'callerNumber', '+85298765432', ['recipient']],
  ['trigger call_started', 'calleeNumbers', '+85291000006', ['recipient']],
  ['trigger call_started', 'callees[]number', '+85291000006', ['recipient']],
  ['trigger call_ended', 'details__caller', '+85298765432', ['recipient']],
  ['trigger call_ended', 'details__callee', '+85291000006', ['recipient']],
  ['trigger call_ended', 'details__cinnoxNumber', '+85230001234', ['recipient', 'sender']],
  ['trigger new_call', 'caller', '+85298765432', ['recipient']],
  ['trigger new_call', 'callee', '+85291000006', ['recipient']],
  ['trigger new_call', 'cinnoxNumber', '+85230001234', ['recipient', 'sender']],
  ['trigger new_or_updated_sms', 'senderNumber', '+85230001235', ['recipient', 'sender']],
  ['trigger new_or_updated_sms', 'recipientNumber', '+85291000007', ['recipient']],
  ['trigger sender_number_list', 'id', '+85230001237', ['sender']],
  ['trigger sender_number_list', 'number', '+85230001237', ['sender']],
  ['trigger otp_sender_list', 'id', 'CINNOX', ['otp sender']],
  ['trigger otp_sender_list', 'number', 'CINNOX', ['otp sender']],
  ...CONTACT_PHONES.map(([phone, e164]): [string, string, string, Into[]] => [
    'search find_contact',
    phone,
    e164,
    ['recipient'],
  ]),
  ['search find_staff', 'phone', '+85291000009', ['recipient']],
  ['search find_numbers', 'id', '+85230001238', ['recipient', 'sender']],
  ['search find_numbers', 'Number', '+85230001238', ['recipient', 'sender']],
];

/** Output fields named as numbers that are no phone number, and why. */
const NOT_PHONE_NUMBERS: Record<string, string> = {
  'Display Case Number': "an enquiry's case number",
  'Call Details: Display Case Number': "an enquiry's case number",
  'Enquiry ID or Display Case Number': "an enquiry's case number",
  'Number of Messages': 'a count',
  'Transcript: Number of Messages': 'a count',
  'Number Type': 'a kind of number',
  'Number (Country, Type)': "a drop-down option's label",
  'Extension Number': "a staff member's internal extension, no number an SMS reaches",
};

const SENDER = '+85230009999';
const RECIPIENT = '+85294667788';
const SMS = `${API_ROOT}/sms`;

/** Send SMS (or Send OTP SMS) with `number` mapped into `into`: CINNOX must receive exactly `e164` there. */
async function sendWith(into: Into, number: unknown, e164: string): Promise<void> {
  if (into === 'otp sender') {
    const scope = nock(BASE_URL)
      .post(`${API_ROOT}/send_otp`, (body: Item) => body.senderNumber === e164 && body.recipientNumber === RECIPIENT)
      .reply(200, { code: 0, result: { serviceID: 'svc-1', status: true, transactionID: 'tx-1' } });
    await appTester(
      create('send_otp_sms'),
      bundleWith({ sender_number: number, recipient_number: RECIPIENT, text: 'Code %s', pin: '1234' }),
    );
    scope.done();
    return;
  }
  const [sender, recipient] = into === 'sender' ? [e164, RECIPIENT] : [SENDER, e164];
  const scope = nock(BASE_URL)
    .post(SMS, { senderNumber: sender, recipientNumbers: [recipient], text: 'Hi' })
    .reply(200, { code: 0, result: [{ recipientNumber: recipient, transactionID: 'tx-1', status: 'Submitted' }] });
  await appTester(
    create('send_sms'),
    bundleWith({
      number_type: 'access-numbers',
      sender_number: into === 'sender' ? number : SENDER,
      recipient_numbers: [into === 'sender' ? RECIPIENT : number],
      text: 'Hi',
    }),
  );
  scope.done();
}

describe('every phone number a trigger or search outputs → Send SMS', () => {
  it.each(
    NUMBERS.flatMap(([operation, key, e164, intos]) => intos.map((into) => [operation, key, into, e164] as const)),
  )("%s's %s → %s: CINNOX receives %s", async (operation, key, into, e164) => {
    const value = valueAt(await SOURCES[operation]!(), key);
    expect(value).toBe(e164);
    await sendWith(into, value, e164);
  });
});

// ---------------------------------------------------------------------------------------------
// The same against the sandbox: every search and polling trigger with an example, its numbers → Send SMS there
// ---------------------------------------------------------------------------------------------

type Operations = Record<string, { operation: { outputFields?: { key: string; label?: string }[] } }>;
const KINDS = { triggers: 'trigger', searches: 'search' } as const;

/** Each trigger's and search's output fields named as a phone number, by operation (`search find_contact`). */
const PHONE_FIELDS: Record<string, string[]> = Object.fromEntries(
  (['triggers', 'searches'] as const).flatMap((kind) =>
    Object.entries(App[kind] as Operations).map(([key, op]) => [
      `${KINDS[kind]} ${key}`,
      (op.operation.outputFields ?? [])
        .filter((f) => /\b(numbers?|phone)\b/i.test(f.label ?? '') && !(f.label! in NOT_PHONE_NUMBERS))
        .map((f) => f.key),
    ]),
  ),
);

/** The operations a Zap builder's example runs (src/examples.ts): each search and polling trigger with one. */
const EXAMPLES: Record<string, Example> = Object.fromEntries(
  (['triggers', 'searches'] as const).flatMap((kind) =>
    Object.entries(examples[kind]).map(([key, example]) => [`${KINDS[kind]} ${key}`, example]),
  ),
);

/** The drop-down feeding a create's sender field (`dynamic: 'sender_number_list.id.label'`). */
const senderListOf = (key: 'send_sms' | 'send_otp_sms'): string => {
  const fields = App.creates[key].operation.inputFields as { key: string; dynamic?: string }[];
  return `trigger ${fields.find((f) => f.key === 'sender_number')!.dynamic!.split('.')[0]!}`;
};
/** A number is a Recipient Number; a sender drop-down's numbers go into its sender field. */
const INTO: Record<string, Into> = {
  [senderListOf('send_sms')]: 'sender',
  [senderListOf('send_otp_sms')]: 'otp sender',
};

describe('every search and polling trigger with an example, run against the sandbox → Send SMS there', () => {
  const sandbox = sharedSandbox();
  const runs = new Map<string, Promise<Reading[]>>();
  /** The operation's readings with its example, made once per file (each run starts from a reset sandbox). */
  const readings = (operation: string): Promise<Reading[]> => {
    if (!runs.has(operation)) {
      const [kind, key] = operation.split(' ') as [string, string];
      const perform = kind === 'search' ? searchPerform(key) : triggerPerform(key);
      const { inputData } = EXAMPLES[operation]!;
      const into = INTO[operation] ?? 'recipient';
      runs.set(operation, readingsOnSandbox(sandbox(), perform, inputData, PHONE_FIELDS[operation]!, into));
    }
    return runs.get(operation)!;
  };

  it.each(Object.keys(EXAMPLES).filter((operation) => PHONE_FIELDS[operation]?.length))(
    '%s: each phone number its items give is well formed, one CINNOX answered, and the one Send SMS sends',
    async (operation) => {
      const found = await readings(operation);
      expect(found).toEqual(found.map(passing));
    },
  );

  it('covers every output field of the triggers and searches named as a phone number', async () => {
    const explicit = new Set(NUMBERS.map(([operation, key]) => `${operation} ${key}`));
    const uncovered: string[] = [];
    for (const [operation, fields] of Object.entries(PHONE_FIELDS)) {
      for (const field of fields.filter((f) => !explicit.has(`${operation} ${f}`))) {
        if (!EXAMPLES[operation]) {
          uncovered.push(
            `${operation} ${field}: it has no example to run on the sandbox: add a NUMBERS row and its SOURCES entry`,
          );
          continue;
        }
        const found = (await readings(operation)).filter((r) => r.field === field);
        if (found.length === 0)
          uncovered.push(
            `the sandbox's records give ${operation} ${field} no value: seed one in sandbox/state.ts, or add a NUMBERS row`,
          );
        else if (!found.every((r) => isDeepStrictEqual(r, passing(r))))
          uncovered.push(`${operation} ${field}: its sandbox value fails the check of its row above`);
      }
    }
    expect(uncovered).toEqual([]);
    const named = Object.entries(PHONE_FIELDS).flatMap(([operation, fields]) => fields.map((f) => `${operation} ${f}`));
    expect([...explicit].filter((row) => !named.includes(row))).toEqual([]);
  }, 60_000);
});
