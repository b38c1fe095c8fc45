/**
 * Item details the table-driven test does not pin: event ids, date conversion, label primary key,
 * several events in one delivery, raw bodies, and performList's fallbacks.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { hookTrigger, transcriptFilePointer, transcriptPointer } from '../helpers/hooks';

const perform = (key: string, body: unknown, extra: object = {}) =>
  appTester(hookTrigger(key).operation.perform, bundleWith({}, { cleanedRequest: body, ...extra } as never)) as Promise<
    Record<string, unknown>[]
  >;

/** Fakes only the clock (nock and the app tester still need real timers). */
function atTime(iso: string) {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  jest.setSystemTime(new Date(iso));
}
afterEach(() => jest.useRealTimers());

describe('event ids', () => {
  it('two edits of one contact are two items with different ids (contact events carry no time: the receipt time is used)', async () => {
    atTime('2024-05-31T08:15:00.000Z');
    const [first] = await perform('contact_edited', ev.contactOpenApi('edit'));
    atTime('2024-05-31T08:16:30.000Z');
    const [second] = await perform('contact_edited', ev.contactOpenApi('edit'));
    expect(first!.id).toBe('c-100:edit:2024-05-31T08:15:00.000Z');
    expect(second!.id).toBe('c-100:edit:2024-05-31T08:16:30.000Z');
  });

  it("uses the event's own time when it has one", async () => {
    atTime('2030-01-01T00:00:00.000Z');
    const [item] = await perform(
      'contact_edited',
      ev.contactOpenApi('edit', { updatedAt: '2024-05-31T16:15:00+08:00' }),
    );
    expect(item!.id).toBe('c-100:edit:2024-05-31T08:15:00.000Z');
  });

  it('fingerprints an event that names no record', async () => {
    atTime('2024-05-31T08:15:00.000Z');
    const [a] = await perform('contact_created', { status: 'create', name: 'Ann Lee' });
    const [b] = await perform('contact_created', { status: 'create', name: 'Bo Chan' });
    expect(a!.id).toMatch(/^[0-9a-f]{12}:create:2024-05-31T08:15:00.000Z$/);
    expect(a!.id).not.toBe(b!.id);
  });

  it('an enquiry event is enquiry + status + date; each status of one enquiry is a different id', async () => {
    const [opened] = await perform('enquiry_opened', ev.enquiryOpenApi('Opened'));
    const [closed] = await perform('enquiry_closed', ev.enquiryOpenApi('Closed'));
    expect(opened!.id).toBe('enq-1:Opened:2024-05-31T08:15:00.000Z');
    expect(closed!.id).toBe('enq-1:Closed:2024-05-31T08:15:00.000Z');
  });

  it('an SMS receipt is transaction + status: Submitted then Delivered are two items', async () => {
    const [submitted] = await perform('sms_delivery_receipt', ev.smsOpenApi('Submitted'));
    const [delivered] = await perform('sms_delivery_receipt', ev.smsOpenApi('Delivered'));
    expect(submitted!.id).toBe('sms-1:Submitted');
    expect(delivered!.id).toBe('sms-1:Delivered');
    expect(delivered!.status).toBe('Delivered');
  });

  it("labels keep the spec's `id` for the label and mark `eventId` as the primary key", async () => {
    const fields = hookTrigger('label_edited').operation.outputFields;
    expect(fields.filter((f) => f.primary).map((f) => f.key)).toEqual(['eventId']);
    const [item] = await perform('label_edited', ev.labelOpenApi('update'));
    expect(item).toMatchObject({ id: 'lbl-1', eventId: 'lbl-1:update:2024-05-31T08:15:00.000Z' });
  });

  it('non-label triggers use the default primary key `id`', () => {
    for (const key of ['contact_created', 'enquiry_missed', 'sms_delivery_receipt']) {
      expect(hookTrigger(key).operation.outputFields.some((f) => f.primary)).toBe(false);
    }
  });
});

describe('payload reading', () => {
  it.each([
    ['an offset', '2024-05-31T16:15:00+08:00', '2024-05-31T08:15:00.000Z'],
    ['no zone (read as UTC)', '2024-05-31 08:15:00', '2024-05-31T08:15:00.000Z'],
    ['epoch seconds', 1717143300, '2024-05-31T08:15:00.000Z'],
    ['epoch milliseconds as text', '1717143300000', '2024-05-31T08:15:00.000Z'],
    ['YYYY/MM/DD (read as UTC)', '2024/05/31', '2024-05-31T00:00:00.000Z'],
    ['YYYY/MM/DD HH:mm:ss (read as UTC)', '2024/05/31 08:15:00', '2024-05-31T08:15:00.000Z'],
    ['an unreadable value', 'yesterday-ish', ''],
    ['a date that does not exist', '2024-02-30T08:15:00Z', ''],
  ])('makes the enquiry date ISO 8601 in UTC from %s', async (_what, date, expected) => {
    const [item] = await perform('enquiry_missed', { ...ev.enquiryOpenApi('Missed'), date });
    expect(item!.date).toBe(expected);
  });

  it('takes the Enquiry Record ID from `eid` or `enquiryID`, never from an `inquiry` ID', async () => {
    const { eid: _eid, ...withoutEid } = ev.enquiryOpenApi('Opened');
    const [item] = await perform('enquiry_opened', { ...withoutEid, inquiry: 'inq-1', inquiryID: 'inq-1' });
    expect(item!.enquiryID).toBe('');
    expect(hookTrigger('enquiry_opened').operation.outputFields.find((f) => f.key === 'enquiryID')!.label).toBe(
      'Enquiry Record ID',
    );
  });

  it('compares statuses without regard to case', async () => {
    await expect(perform('enquiry_opened', ev.enquiryOpenApi('OPENED'))).resolves.toHaveLength(1);
    await expect(perform('contact_created', ev.contactFlat('Create'))).resolves.toHaveLength(1);
  });

  it('keeps an array destinationTypes readable', async () => {
    const [item] = await perform('enquiry_opened', {
      ...ev.enquiryOpenApi('Opened'),
      destinationTypes: ['STAFF', 'PSTN'],
    });
    expect(item!.destinationTypes).toBe('STAFF, PSTN');
  });

  it('turns a delivery of several events into one item each', async () => {
    const items = await perform('label_created', [
      ev.labelFlat('create'),
      { ...ev.labelFlat('create'), id: 'lbl-2', name: 'Gold' },
    ]);
    expect(items.map((i) => [i.id, i.name])).toEqual([
      ['lbl-1', 'VIP'],
      ['lbl-2', 'Gold'],
    ]);
  });

  it('reads the raw body when Zapier passes no parsed one', async () => {
    const items = await perform('sms_delivery_receipt', undefined, {
      rawRequest: { content: JSON.stringify(ev.smsOpenApi('Rejected')) },
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.status).toBe('Rejected');
  });

  it('ignores a challenge also inside an array, an empty body and a body that is not JSON', async () => {
    await expect(perform('sms_delivery_receipt', [ev.challenge])).resolves.toEqual([]);
    await expect(perform('sms_delivery_receipt', {})).resolves.toEqual([]);
    await expect(perform('sms_delivery_receipt', 'not json')).resolves.toEqual([]);
  });

  it('a real event that also carries the internal challenge field is still an event', async () => {
    const items = await perform('contact_created', { ...ev.contactOpenApi('create'), challenge: 'internal' });
    expect(items).toHaveLength(1);
  });

  it('uses the label colour name (the label list names the colour colorName) when there is no colorCode', async () => {
    const [hex] = await perform('label_created', { status: 'create', id: 'l1', name: 'A', colorName: '#abc' });
    const [word] = await perform('label_created', { status: 'create', id: 'l2', name: 'B', colorName: 'red' });
    expect([hex!.colorCode, word!.colorCode]).toEqual(['#abc', 'red']);
  });
});

describe('performList', () => {
  it('maps contact records to perform items', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/extcontact-list`)
      .query({ offset: '0', limit: '3' })
      .reply(200, { code: 0, result: ev.contactRecords });
    const items = (await appTester(hookTrigger('contact_edited').operation.performList, bundleWith())) as Record<
      string,
      unknown
    >[];
    scope.done();
    expect(items.map(({ id: _id, details: _d, ...rest }) => rest)).toEqual([
      { status: 'edit', name: 'Ann Lee', contactId: 'c-1', serviceId: '' },
      { status: 'edit', name: 'Bo Chan', contactId: 'c-2', serviceId: '' },
    ]);
  });

  it.each(['contact_merged', 'contact_ownership_transferred', 'contact_deleted', 'label_deleted'])(
    '%s shows its sample without reading CINNOX: a listed record is not a merge, transfer or deletion',
    async (key) => {
      const op = hookTrigger(key).operation;
      await expect(appTester(op.performList, bundleWith())).resolves.toEqual([op.sample]);
    },
  );

  /** performList of `key` on CINNOX answering `records` to the one request it must send: 20 recent enquiries. */
  async function listEnquiries(key: string, records: unknown[]) {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query(
        (q) => q.offset === '0' && q.limit === '20' && typeof q.startAt === 'string' && typeof q.endAt === 'string',
      )
      .reply(200, { code: 0, result: records });
    const items = (await appTester(hookTrigger(key).operation.performList, bundleWith())) as Record<string, unknown>[];
    scope.done();
    return items;
  }

  it("lists only closed enquiry records for Enquiry Closed: record id (as the event's eid, never the inquiry ID), type, date, destination, the transcript's pointers", async () => {
    const items = await listEnquiries('enquiry_closed', ev.enquiryRecords);
    expect(items).toEqual([
      {
        id: 'rec-1:Closed:2024-05-31T08:15:00.000Z',
        status: 'Closed',
        enquiryID: 'rec-1',
        displayCaseNumber: 'EQ-000123',
        type: 'Broadcast Chat',
        channel: 'Weblink',
        date: '2024-05-31T08:15:00.000Z',
        destination: 'dest-1',
        destinationTypes: 'STAFF',
        serviceId: 'svc-1',
        transcript: transcriptPointer('EQ-000123', 'rec-1'),
        transcriptFile: transcriptFilePointer({
          displayCaseNumber: 'EQ-000123',
          enquiryID: 'rec-1',
          channel: 'Weblink',
          date: '2024-05-31T08:15:00.000Z',
        }),
      },
      {
        // No record id: no Enquiry Record ID (not the inquiry ID "enq-5"); the event id is a fingerprint.
        id: expect.stringMatching(/^[0-9a-f]{12}:Closed:2024-05-27T08:15:00.000Z$/),
        status: 'Closed',
        enquiryID: '',
        displayCaseNumber: 'EQ-000127',
        type: 'Direct Chat',
        channel: '',
        date: '2024-05-27T08:15:00.000Z',
        destination: '',
        destinationTypes: '',
        serviceId: '',
        transcript: transcriptPointer('EQ-000127', ''),
        transcriptFile: transcriptFilePointer({
          displayCaseNumber: 'EQ-000127',
          enquiryID: '',
          channel: '',
          date: '2024-05-27T08:15:00.000Z',
        }),
      },
    ]);
  });

  it("lists only missed records for Missed Enquiry: the docs' `id` as record id, the spec's `createdAT` as date", async () => {
    const items = await listEnquiries('enquiry_missed', ev.enquiryRecords);
    expect(items.map((i) => [i.id, i.status, i.enquiryID, i.displayCaseNumber, i.type, i.date])).toEqual([
      [
        'rec-2:Missed:2024-05-30T08:15:00.000Z',
        'Missed',
        'rec-2',
        'EQ-000124',
        'Direct Call',
        '2024-05-30T08:15:00.000Z',
      ],
    ]);
  });

  it('lists open records (waiting to be picked up) for New Incoming Enquiry, ongoing and followed-up ones for Enquiry Handled by Staff (A19)', async () => {
    const opened = await listEnquiries('enquiry_opened', ev.enquiryRecords);
    // Not rec-3: an ongoing enquiry has been picked up, it is no longer a new incoming one.
    expect(opened.map((i) => [i.status, i.enquiryID, i.date])).toEqual([
      ['Opened', 'rec-6', '2024-05-26T08:15:00.000Z'],
    ]);
    const handling = await listEnquiries('enquiry_handling', ev.enquiryRecords);
    expect(handling.map((i) => [i.status, i.enquiryID, i.date])).toEqual([
      ['Handling', 'rec-3', '2024-05-29T08:15:00.000Z'],
      ['Handling', 'rec-4', '2024-05-28T08:15:00.000Z'],
    ]);
  });

  it("reads 20 recent enquiries and keeps the first 3 in the trigger's status", async () => {
    const records = Array.from({ length: 20 }, (_, i) => ev.enquiryRecord(i + 1, i % 3 === 0 ? 'missed' : 'closed'));
    const items = await listEnquiries('enquiry_missed', records);
    expect(items.map((i) => i.enquiryID)).toEqual(['rec-1', 'rec-4', 'rec-7']);
  });

  it("falls back to the sample when no recent enquiry is in the trigger's status", async () => {
    const op = hookTrigger('enquiry_missed').operation;
    const records = [
      ev.enquiryRecord(1, 'closed'),
      ev.enquiryRecord(2, 'ongoing'),
      ev.enquiryRecord(3, 'followed-up'),
      ev.enquiryRecord(5, 'open'),
      ev.enquiryRecord(4, ''),
    ];
    await expect(listEnquiries('enquiry_missed', records)).resolves.toEqual([op.sample]);
  });

  it('maps SMS details: the carrier status when there is one, E.164 recipients', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/sms-detail`)
      .query(true)
      .reply(200, { code: 0, result: ev.smsRecords });
    const items = (await appTester(hookTrigger('sms_delivery_receipt').operation.performList, bundleWith())) as Record<
      string,
      unknown
    >[];
    scope.done();
    expect(items.map((i) => [i.id, i.recipientNumber, i.status])).toEqual([
      ['sms-1:Delivered', '+85298765432', 'Delivered'],
      ['sms-2:Rejected', '+85291234567', 'Rejected'],
    ]);
  });

  it('falls back to the sample when CINNOX refuses the list query', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .query(true)
      .reply(400, { code: 6451000, message: 'Bad query' });
    const op = hookTrigger('enquiry_opened').operation;
    await expect(appTester(op.performList, bundleWith())).resolves.toEqual([op.sample]);
    scope.done();
  });

  it('still surfaces an auth error', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/labels`)
      .query(true)
      .reply(400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => appTester(hookTrigger('label_created').operation.performList, bundleWith()));
    expect(error.name).toBe('ExpiredAuthError');
    scope.done();
  });
});
