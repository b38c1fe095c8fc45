/**
 * The scheduled triggers on CINNOX's reports (src/reports/scheduled.ts, A30): New Call in Call Log, New or Updated
 * Enquiry, New or Updated SMS. Each reads its report's window without a subscription, applies the Zap's filters in
 * the app, and returns the newest first, each id once, at most 100 items.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<Item[]>;
type Trigger = {
  display: { label: string; description: string; hidden?: boolean };
  operation: { type: string; outputFields: { key: string }[] };
};
const trigger = (key: string): Trigger => (App.triggers as unknown as Record<string, Trigger>)[key]!;
const performOf = (key: string): Perform => (trigger(key).operation as unknown as { perform: Perform }).perform;
const poll = (key: string, inputData: Item = {}) => appTester(performOf(key), bundleWith(inputData)) as Promise<Item[]>;

const CALL_LOG = `${API_ROOT}/data/call-log`;
const ENQUIRIES = `${API_ROOT}/data/enquiry-detail`;
const SMS_DETAILS = `${API_ROOT}/data/sms-detail`;

/** The query of a poll's page: the 7-day window, the offset and 500 records; no filter parameter. */
const windowQuery = (offset: number) => (query: Record<string, unknown>) => {
  const start = Date.parse(String(query.startAt));
  const end = Date.parse(String(query.endAt));
  return (
    Object.keys(query).sort().join() === 'endAt,limit,offset,startAt' &&
    Math.abs(Date.now() - end) < 60_000 &&
    Math.abs(end - start - 7 * 24 * 3600 * 1000) < 1000 &&
    query.offset === String(offset) &&
    query.limit === '500'
  );
};
const answer = (path: string, records: Item[], offset = 0) =>
  nock(BASE_URL).get(path).query(windowQuery(offset)).reply(200, { code: 0, result: records });

const minutesAgo = (n: number) => new Date(Date.parse('2026-12-01T12:00:00Z') - n * 60_000).toISOString();

const call = (n: number, extra: Item = {}): Item => ({
  callID: `call-${n}`,
  caller: 85298765432,
  callee: 85230001234,
  virtualNumber: 85230001234,
  callDirection: 'Inbound',
  status: 'Call Ended',
  callDate: minutesAgo(n),
  callEndTime: minutesAgo(n - 1),
  ...extra,
});

describe('every scheduled trigger', () => {
  it.each([
    ['new_call', 'New Call in Call Log', 'Call Ended'],
    ['new_or_updated_enquiry', 'New or Updated Enquiry', 'Enquiry Status Changed'],
    ['new_or_updated_sms', 'New or Updated SMS', 'New Inbound SMS or SMS Delivery Receipt'],
  ])(
    '%s is a visible polling trigger that says it is checked every few minutes and names the instant one',
    (key, label, instant) => {
      const { display, operation } = trigger(key);
      expect(display.label).toBe(label);
      expect(display.hidden).toBeUndefined();
      expect(display.description).toMatch(/^Triggers when /);
      expect(display.description).toContain(
        'Checked every few minutes, not instantly, and needs no CINNOX subscription',
      );
      expect(display.description).toContain(`For an instant trigger, use ${instant}`);
      expect(operation.type).toBe('polling');
      expect(operation).not.toHaveProperty('performSubscribe');
    },
  );

  it('two Zaps on one connection poll the same trigger with different filters: report reads only, no subscription', async () => {
    answer(CALL_LOG, [call(1), call(2, { status: 'Not Answered' })]);
    answer(CALL_LOG, [call(1), call(2, { status: 'Not Answered' })]);
    const [all, missed] = [await poll('new_call'), await poll('new_call', { results: ['missed'] })];
    expect(all.map((i) => i.id)).toEqual(['call-1', 'call-2']);
    expect(missed.map((i) => i.id)).toEqual(['call-2']);
    // Any other request (a subscription's PATCH, the Event Hook List) would have no interceptor and fail the poll.
  });
});

describe('New Call in Call Log', () => {
  it('gives each call with the keys of Call Ended’s Call Details, its id the call id', async () => {
    answer(CALL_LOG, [call(3, { fromEID: '', toEID: 'staff-2', svcID: 'svc-1', duration: 184, inquiryID: 'enq-9' })]);
    await expect(poll('new_call')).resolves.toEqual([
      {
        id: 'call-3',
        callId: 'call-3',
        caller: '+85298765432',
        callee: '+85230001234',
        callerStaffId: '',
        calleeStaffId: 'staff-2',
        direction: 'Inbound',
        result: 'Call Ended',
        missed: false,
        durationSeconds: 184,
        startedAt: '2026-12-01T11:57:00.000Z',
        endedAt: '2026-12-01T11:58:00.000Z',
        cinnoxNumber: '+85230001234',
        enquiryId: 'enq-9',
        displayCaseNumber: '',
        serviceId: 'svc-1',
      },
    ]);
  });

  it('filters by direction, result (Missed = not answered, abandoned, cancelled, declined, busy) and CINNOX number', async () => {
    const records = [
      call(1, { callDirection: 'Outbound', caller: 85230001234, callee: 85298765432, virtualNumber: undefined }),
      call(2, { status: 'NOT_ANSWERED' }),
      call(3, { status: 'Abandoned', virtualNumber: 14155550123 }),
      call(4, { status: 'Unreachable' }),
      call(5, { status: 'Busy', callDirection: 'inbound' }),
    ];
    const ids = async (inputData: Item) => {
      answer(CALL_LOG, records);
      return (await poll('new_call', inputData)).map((i) => i.id);
    };
    await expect(ids({ directions: ['Outbound'] })).resolves.toEqual(['call-1']);
    await expect(ids({ results: ['missed'] })).resolves.toEqual(['call-2', 'call-3', 'call-5']);
    await expect(ids({ results: 'Unreachable,Busy' })).resolves.toEqual(['call-4', 'call-5']);
    await expect(
      ids({ directions: ['Inbound'], results: ['missed'], cinnox_number: '+852 3000 1234' }),
    ).resolves.toEqual(['call-2', 'call-5']);
    // An outbound call without a virtualNumber is on its caller's number.
    await expect(ids({ cinnox_number: '+85230001234', directions: ['Outbound'] })).resolves.toEqual(['call-1']);
  });

  it('refuses a filter that is no phone number before any request', async () => {
    const error = await failure(() => poll('new_call', { cinnox_number: 'office line' }));
    expect(error).toMatchObject({ code: 'InvalidInput' });
    expect(error.message).toMatch(/^Nothing was sent to CINNOX\. CINNOX Number /);
  });

  it('returns the newest first, each call once, at most 100, from one request when the page holds enough', async () => {
    // 500 records, listed newest first, with a duplicate: one request is enough for 100 matches.
    const records = Array.from({ length: 500 }, (_, i) => call(i + 1));
    records[10] = call(10);
    answer(CALL_LOG, records);
    const items = await poll('new_call');
    expect(items).toHaveLength(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(100);
    expect(items.slice(0, 3).map((i) => i.id)).toEqual(['call-1', 'call-2', 'call-3']);
    expect(items.map((i) => String(i.startedAt))).toEqual(
      items
        .map((i) => String(i.startedAt))
        .sort()
        .reverse(),
    );
  });

  it('reads the next page when the first holds fewer than 100 calls that pass the filters', async () => {
    const first = Array.from({ length: 500 }, (_, i) => call(i + 1, { status: i < 40 ? 'Busy' : 'Call Ended' }));
    const second = Array.from({ length: 20 }, (_, i) => call(i + 501, { status: 'Busy' }));
    answer(CALL_LOG, first);
    answer(CALL_LOG, second, 500);
    const items = await poll('new_call', { results: ['Busy'] });
    expect(items).toHaveLength(60);
    expect(items[59]!.id).toBe('call-520');
  });

  it('sorts a whole report listed oldest first newest first', async () => {
    answer(CALL_LOG, [call(3), call(1), call(2)]);
    await expect(poll('new_call').then((items) => items.map((i) => i.id))).resolves.toEqual([
      'call-1',
      'call-2',
      'call-3',
    ]);
  });

  it('fails the poll, rather than miss the newest calls, when a report with more than one page is listed oldest first', async () => {
    answer(
      CALL_LOG,
      Array.from({ length: 500 }, (_, i) => call(2000 - i)),
    );
    const error = await failure(() => poll('new_call'));
    expect(error).toEqual({
      name: 'AppError',
      code: 'CinnoxUnexpectedResponse',
      message:
        "CINNOX listed the call log oldest first (from 2026-11-30T02:40:00.000Z to 2026-11-30T10:59:00.000Z) and holds more records than this poll read (500), so the newest may be among those not read. The trigger stops rather than miss them: CINNOX does not list its reports as the app assumes (A30). Report this to the app's developers.",
      status: 502,
    });
  });

  it('gives an empty list when CINNOX has no calls in the window ("No records found")', async () => {
    nock(BASE_URL).get(CALL_LOG).query(windowQuery(0)).reply(200, { code: 6451011, message: 'No records found' });
    await expect(poll('new_call')).resolves.toEqual([]);
  });
});

const enquiry = (n: number, extra: Item = {}): Item => ({
  _id: `66b0000000000000000000${String(n).padStart(2, '0')}`,
  inquiry: `inq-${n}`,
  displayCaseNumber: String(1000 + n),
  status: 'closed',
  channel: 'Weblink',
  createdAt: minutesAgo(10 * n),
  updatedAt: minutesAgo(10 * n - 5),
  ...extra,
});

describe('New or Updated Enquiry', () => {
  it('gives each enquiry in its status with Find Enquiry’s keys; its id is the record id and the status', async () => {
    answer(ENQUIRIES, [enquiry(1, { svcID: 'svc-1', locationDetail: { city: 'Kowloon' } })]);
    const [item] = await poll('new_or_updated_enquiry');
    expect(item).toMatchObject({
      id: '66b000000000000000000001:closed',
      enquiryID: '66b000000000000000000001',
      _id: '66b000000000000000000001',
      inquiry: 'inq-1',
      displayCaseNumber: '1001',
      status: 'closed',
      channel: 'Weblink',
      svcID: 'svc-1',
      createdAt: '2026-12-01T11:50:00.000Z',
      updatedAt: '2026-12-01T11:55:00.000Z',
      locationDetail: { city: 'Kowloon', regionCode: null },
    });
    // The Zap editor lists the item's id and record id first, as in the sample.
    expect(Object.keys(item!).slice(0, 2)).toEqual(['id', 'enquiryID']);
    // Every output field of the trigger is a key of the item (nested ones inside their object).
    for (const { key } of trigger('new_or_updated_enquiry').operation.outputFields) {
      const [top, inner] = key.split('__');
      expect(inner === undefined ? item : (item![top!] as Item)).toHaveProperty(inner ?? top!);
    }
  });

  it('filters by status and channel, whatever their case or spacing', async () => {
    const records = [
      enquiry(1, { status: 'ongoing', channel: 'Web Link' }),
      enquiry(2, { status: 'Followed-Up', channel: 'WHATSAPP' }),
      enquiry(3, { status: 'missed', channel: 'VirtualNumber' }),
      enquiry(4, { status: 'closed', channel: 'whatsapp' }),
    ];
    const ids = async (inputData: Item) => {
      answer(ENQUIRIES, records);
      return (await poll('new_or_updated_enquiry', inputData)).map((i) => i.displayCaseNumber);
    };
    await expect(ids({ statuses: ['ongoing', 'followed-up'] })).resolves.toEqual(['1001', '1002']);
    await expect(ids({ channels: ['WHATSAPP'] })).resolves.toEqual(['1002', '1004']);
    await expect(ids({ channels: ['Weblink'], statuses: ['ongoing'] })).resolves.toEqual(['1001']);
    const error = await failure(() => poll('new_or_updated_enquiry', { statuses: ['resolved'] }));
    expect(error.message).toContain('Status must be one of Open (waiting in the queue) (open),');
  });

  it('an enquiry reopened and closed again is a new item (its id has the reopening time)', async () => {
    const reopened = enquiry(1, { reopenedAt: minutesAgo(3) });
    answer(ENQUIRIES, [reopened, enquiry(2)]);
    await expect(poll('new_or_updated_enquiry').then((items) => items.map((i) => i.id))).resolves.toEqual([
      '66b000000000000000000001:closed:2026-12-01T11:57:00.000Z',
      '66b000000000000000000002:closed',
    ]);
  });

  it('reads the whole report, so an old enquiry closed a moment ago comes first', async () => {
    // Listed newest created first; the enquiry created long ago (page 2) changed last.
    const first = Array.from({ length: 500 }, (_, i) => enquiry(i + 1, { updatedAt: minutesAgo(600 + i) }));
    const second = [enquiry(600, { updatedAt: minutesAgo(1) })];
    answer(ENQUIRIES, first);
    answer(ENQUIRIES, second, 500);
    const items = await poll('new_or_updated_enquiry');
    expect(items).toHaveLength(100);
    expect(items[0]!.displayCaseNumber).toBe('1600');
  });
});

const sms = (n: number, extra: Item = {}): Item => ({
  id: `sms-${n}`,
  smsID: `sms-${n}`,
  sender: 85230001234,
  recipient: 85298765432,
  recipientCountryCode: 'HK',
  status: 'Submitted',
  carrierStatus: 'Delivered',
  usage: 'openAPI-sms',
  text: `Message ${n}`,
  segmentCount: 1,
  createdAt: minutesAgo(n),
  updatedAt: minutesAgo(n),
  ...extra,
});

describe('New or Updated SMS', () => {
  it('gives each SMS in its status, with the keys the SMS triggers share', async () => {
    answer(SMS_DETAILS, [sms(1, { fromEID: 'staff-1' })]);
    await expect(poll('new_or_updated_sms')).resolves.toEqual([
      {
        id: 'sms-1:Delivered',
        smsId: 'sms-1',
        kind: 'Outbound',
        usage: 'openAPI-sms',
        status: 'Delivered',
        sendStatus: 'Submitted',
        carrierStatus: 'Delivered',
        senderNumber: '+85230001234',
        recipientNumber: '+85298765432',
        recipientCountry: 'HK',
        content: 'Message 1',
        segmentCount: 1,
        senderStaffId: 'staff-1',
        recipientStaffId: '',
        createdAt: '2026-12-01T11:59:00.000Z',
        updatedAt: '2026-12-01T11:59:00.000Z',
      },
    ]);
  });

  it('filters by kind (its usage) and status (rejected, else the carrier’s, else submitted)', async () => {
    const records = [
      sms(1, { usage: 'inbound' }),
      sms(2, { usage: 'openAPI-otp', carrierStatus: 'Undelivered' }),
      sms(3, { usage: 'direct', status: 'Rejected', carrierStatus: '' }),
      sms(4, { usage: 'verification', carrierStatus: '' }),
    ];
    const ids = async (inputData: Item) => {
      answer(SMS_DETAILS, records);
      return (await poll('new_or_updated_sms', inputData)).map((i) => i.id);
    };
    await expect(ids({ kinds: ['Inbound'] })).resolves.toEqual(['sms-1:Delivered']);
    await expect(ids({ kinds: ['OTP'] })).resolves.toEqual(['sms-2:Undelivered', 'sms-4:Submitted']);
    await expect(ids({ statuses: ['Undelivered', 'Rejected'] })).resolves.toEqual([
      'sms-2:Undelivered',
      'sms-3:Rejected',
    ]);
    await expect(ids({ kinds: ['Outbound'], statuses: ['Rejected'] })).resolves.toEqual(['sms-3:Rejected']);
  });

  it('an SMS delivered after it was submitted is a second item, first in the list', async () => {
    answer(SMS_DETAILS, [sms(1, { carrierStatus: '' }), sms(2, { updatedAt: minutesAgo(0) })]);
    await expect(poll('new_or_updated_sms').then((items) => items.map((i) => i.id))).resolves.toEqual([
      'sms-2:Delivered',
      'sms-1:Submitted',
    ]);
  });
});

describe("New or Updated Enquiry's Channel: every spelling CINNOX documents", () => {
  const CHOICES = Object.keys(
    (trigger('new_or_updated_enquiry').operation as unknown as { inputFields: { key: string; choices: Item }[] })
      .inputFields[1]!.choices,
  );

  it('offers each channel the API reference and the CINNOX Zapier guide name', () => {
    expect(CHOICES).toEqual([
      'Directory',
      'Weblink',
      'Campaign',
      'VirtualNumber',
      'Email',
      'ThirdParty',
      'FACEBOOK',
      'WHATSAPP',
      'WECHAT',
      'LINE',
      'WOZTELL',
      'INSTAGRAM',
      'CHATBOT',
      'CINNOX',
    ]);
  });

  // The API reference's (§2.1, §2.5, the Reports overview) and the CINNOX Zapier guide's spellings.
  it.each([
    ['Weblink', ['Weblink']],
    ['Web Link', ['Weblink']],
    ['Directory - Web Link', ['Directory', 'Weblink']],
    ['Directory', ['Directory']],
    ['Tag/Directory', ['Directory']],
    ['Campaign', ['Campaign']],
    ['VirtualNumber', ['VirtualNumber']],
    ['Virtual Number', ['VirtualNumber']],
    ['EMAIL', ['Email']],
    ['ThirdParty', ['ThirdParty']],
    ['THIRDPARTY', ['ThirdParty']],
    ['Third Party Channel', ['ThirdParty']],
    ['FACEBOOK', ['FACEBOOK']],
    ['Facebook Messenger', ['FACEBOOK']],
    ['Messenger', ['FACEBOOK']],
    ['Messager', ['FACEBOOK']],
    ['WhatsApp', ['WHATSAPP']],
    ['WeChat', ['WECHAT']],
    ['LINE', ['LINE']],
    ['WOZTELL', ['WOZTELL']],
    ['INSTAGRAM', ['INSTAGRAM']],
    ['CHATBOT', ['CHATBOT']],
    ['CINNOX', ['CINNOX']],
  ])('an enquiry on %p passes Channel %p and no other choice', async (channel, matching) => {
    const items = async (channels: string[]) => {
      answer(ENQUIRIES, [enquiry(1, { channel })]);
      return (await poll('new_or_updated_enquiry', { channels })).map((i) => i.channel);
    };
    await expect(items(matching)).resolves.toEqual([channel]);
    await expect(items(CHOICES.filter((c) => !matching.includes(c)))).resolves.toEqual([]);
  });
});

describe('a value none of a filter’s choices knows fails the poll, naming it, rather than drop the record unseen (A30)', () => {
  const unknown = (report: string, label: string, value: string) =>
    `CINNOX listed ${report} records with ${label} "${value}", which none of this trigger's choices knows (A30), so the trigger cannot tell whether they match the ${label} chosen, and stops rather than drop them unseen. To receive every record meanwhile, leave ${label} empty (a Filter step can filter on it), and report the value to the app's developers.`;
  const cases: [string, string, string, Item[], Item, string | string[]][] = [
    [
      'an enquiry channel',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram' }), enquiry(2, { channel: 'WHATSAPP' })],
      { channels: ['WHATSAPP'] },
      unknown('Enquiry Details', 'Channel', 'Telegram'),
    ],
    [
      'an enquiry status',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { status: 'pending' })],
      { statuses: ['closed'] },
      unknown('Enquiry Details', 'Status', 'pending'),
    ],
    [
      'a call direction',
      'new_call',
      CALL_LOG,
      [call(1, { callDirection: 'Internal' })],
      { directions: ['Inbound'] },
      unknown('the call log', 'Direction', 'Internal'),
    ],
    [
      'a call result, for Missed',
      'new_call',
      CALL_LOG,
      [call(1, { status: 'Voicemail' })],
      { results: ['missed'] },
      unknown('the call log', 'Result', 'Voicemail'),
    ],
    [
      'an SMS usage',
      'new_or_updated_sms',
      SMS_DETAILS,
      [sms(1, { usage: 'campaign' })],
      { kinds: ['Outbound'] },
      unknown('SMS Details', 'Kind', 'campaign'),
    ],
    [
      'an SMS carrier status',
      'new_or_updated_sms',
      SMS_DETAILS,
      [sms(1, { carrierStatus: 'Expired' })],
      { statuses: ['Delivered'] },
      unknown('SMS Details', 'Status', 'Expired'),
    ],
    // Not reported: the filter is empty (nothing is dropped), or another filter drops the record anyway.
    [
      'an unknown channel, Channel empty',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram' })],
      { statuses: ['closed'] },
      ['1001'],
    ],
    [
      'an unknown channel of a status not chosen',
      'new_or_updated_enquiry',
      ENQUIRIES,
      [enquiry(1, { channel: 'Telegram', status: 'ongoing' })],
      { statuses: ['closed'], channels: ['WHATSAPP'] },
      [],
    ],
  ];
  it.each(cases)('%s', async (_what, key, path, records, inputData, outcome) => {
    answer(path, records);
    if (Array.isArray(outcome)) {
      const items = await poll(key, inputData);
      expect(items.map((i) => i.displayCaseNumber)).toEqual(outcome);
    } else {
      expect(await failure(() => poll(key, inputData))).toMatchObject({
        name: 'AppError',
        code: 'CinnoxUnknownValue',
        message: outcome,
      });
    }
  });
});
