/**
 * Nine instant triggers: inbound SMS, call started / ended, recording ready, staff
 * created / edited / deleted, External Contact Event and Enquiry Status Changed. Per trigger: its label, the
 * subscribe / unsubscribe bodies, perform on each documented payload shape, the challenge and other statuses
 * yielding [], and performList (recent CINNOX records in perform's shape, else the sample). Keys, statuses and
 * subscriptions are written out here, independently of the app's lists.
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { OTHER_URL, TARGET_URL, detailsPointer, hookTrigger, keysOf, modelled } from '../helpers/hooks';

const callPointer = (callId: string): string =>
  `hydrate|||${JSON.stringify({ type: 'method', method: 'hydrators.callDetails', bundle: { callId } })}|||hydrate`;

/** perform's items as the trigger models them (the passed-through delivery keys: test/triggers/passed-through.test.ts). */
const perform = async (key: string, body: unknown, inputData: Record<string, unknown> = {}) =>
  (
    (await appTester(
      hookTrigger(key).operation.perform,
      bundleWith(inputData, { cleanedRequest: body } as never),
    )) as Record<string, unknown>[]
  ).map(modelled);
const performList = (key: string, inputData: Record<string, unknown> = {}) =>
  appTester(hookTrigger(key).operation.performList, bundleWith(inputData)) as Promise<Record<string, unknown>[]>;

// ---------------------------------------------------------------------------------------------
// Payloads, as docs/cinnox-api.md documents them
// ---------------------------------------------------------------------------------------------

/** §1.9: flat; numbers are JSON numbers. */
const inboundFlat = {
  id: 'sms-in-1',
  eventDescription: 'Inbound SMS',
  senderNumber: 85298765432,
  recipientNumber: 85230001234,
  receiveTime: '2024-05-31T16:15:00+08:00',
  contentType: 'Text',
  content: 'YES',
};
const inboundOpenApi = { type: 'message', challenge: '', message: { ...inboundFlat, serviceId: 'svc-1' } };

const envelope = (message: Record<string, unknown>) => ({ type: 'message', challenge: '', message });
/** §1.8 CallStart: callees one object (documented) or an array (A23). */
const callStart = (callees: unknown) =>
  envelope({
    status: 'CallStart',
    id: 'call-1',
    serviceId: 'svc-1',
    caller: { eid: 'staff-9', number: 85298765432 },
    callees,
  });
const callEnd = envelope({ status: 'CallEnd', id: 'call-1', serviceId: 'svc-1' });
/** §2.6. */
const recording = (status: string, type = 'call') => envelope({ type, status, serviceId: 'svc-1', id: 'call-1' });
/** §3.5. */
const staffEvent = (status: string) =>
  envelope({ type: 'staff', status, serviceId: 'svc-1', id: 'staff-7', fullName: 'Dee Ho' });

const SUBSCRIPTION: Record<string, string> = {
  inbound_sms_received: 'inbound-sms-event-sub',
  call_started: 'call-event-sub',
  call_ended: 'call-event-sub',
  recording_ready: 'recording-event-sub',
  staff_created: 'staff-contact-event-sub',
  staff_edited: 'staff-contact-event-sub',
  staff_deleted: 'staff-contact-event-sub',
  contact_event: 'contact-event-sub',
  enquiry_event: 'inquiry-event-sub',
};
const LABEL: Record<string, string> = {
  inbound_sms_received: 'New Inbound SMS',
  call_started: 'Call Started',
  call_ended: 'Call Ended',
  recording_ready: 'New Call Recording',
  staff_created: 'New Staff Member',
  staff_edited: 'Staff Member Edited',
  staff_deleted: 'Staff Member Deleted',
  contact_event: 'External Contact Event',
  enquiry_event: 'Enquiry Status Changed',
};
const KEYS: Record<string, string[]> = {
  inbound_sms_received: [
    'id',
    'smsId',
    'senderNumber',
    'recipientNumber',
    'receivedAt',
    'contentType',
    'content',
    'eventDescription',
    'serviceId',
  ],
  call_started: [
    'id',
    'status',
    'callId',
    'time',
    'serviceId',
    'callerStaffId',
    'callerNumber',
    'calleeStaffIds',
    'calleeNumbers',
    'callees',
  ],
  call_ended: ['id', 'status', 'callId', 'time', 'serviceId', 'details'],
  recording_ready: ['id', 'status', 'type', 'callId', 'time', 'serviceId'],
  staff_created: ['id', 'status', 'staffId', 'fullName', 'email', 'serviceId'],
  contact_event: ['id', 'status', 'name', 'contactId', 'serviceId', 'fromOwnerID', 'toOwnerID', 'details'],
  enquiry_event: [
    'id',
    'status',
    'enquiryID',
    'displayCaseNumber',
    'type',
    'channel',
    'date',
    'destination',
    'destinationTypes',
    'serviceId',
    'transcript',
    'transcriptFile',
  ],
};
KEYS.staff_edited = KEYS.staff_created!;
KEYS.staff_deleted = KEYS.staff_created!;

describe.each(Object.keys(SUBSCRIPTION))('%s', (key) => {
  const trigger = hookTrigger(key);
  const op = trigger.operation;
  const subscription = SUBSCRIPTION[key]!;

  it('is a visible REST-hook trigger with its label, a "Triggers when" description and the one-Zap note', () => {
    expect(op.type).toBe('hook');
    expect(trigger.display.label).toBe(LABEL[key]);
    expect(trigger.display.hidden).toBeUndefined();
    expect(trigger.display.description).toMatch(/^Triggers when .+\.$/);
    expect(trigger.display.description).toContain('one Zap per CINNOX Zapier account');
  });

  it('has exactly its keys in the sample and the top-level output fields, each labelled', () => {
    expect(keysOf(op.sample)).toEqual([...KEYS[key]!].sort());
    const top = op.outputFields.map((f) => f.key).filter((k) => !k.includes('__') && !k.includes('[]'));
    expect(top.sort()).toEqual([...KEYS[key]!].sort());
    for (const f of op.outputFields) expect([f.key, f.label]).toEqual([f.key, expect.stringMatching(/\S/)]);
  });

  it(`subscribes this Zap's URL to ${subscription}`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [] })
      .patch(`${API_ROOT}/${subscription}`, { enabled: true, url: TARGET_URL })
      .reply(200, { enabled: true, url: TARGET_URL, updatedAt: '2024-05-31T08:15:00.000Z' });
    await expect(appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }))).resolves.toEqual({
      id: subscription,
      subscription,
      url: TARGET_URL,
    });
    scope.done();
  });

  it(`unsubscribes this Zap's URL from ${subscription}, and refuses to subscribe over another Zap`, async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: subscription, enabled: true, url: TARGET_URL }] })
      .patch(`${API_ROOT}/${subscription}`, { enabled: false, url: TARGET_URL })
      .reply(200, { enabled: false, url: TARGET_URL })
      .get(`${API_ROOT}/event-hooks`)
      .reply(200, { code: 0, result: [{ name: subscription, enabled: true, url: OTHER_URL }] });
    await expect(
      appTester(
        op.performUnsubscribe,
        bundleWith({}, {
          targetUrl: TARGET_URL,
          subscribeData: { id: subscription, subscription, url: TARGET_URL },
        } as never),
      ),
    ).resolves.toEqual({ subscription, url: TARGET_URL, unsubscribed: true });
    await expect(appTester(op.performSubscribe, bundleWith({}, { targetUrl: TARGET_URL }))).rejects.toThrow(
      /another Zap already receives CINNOX/,
    );
    scope.done();
  });

  it('yields [] for the URL-verification challenge (bare and in the envelope)', async () => {
    await expect(perform(key, ev.challenge)).resolves.toEqual([]);
    await expect(perform(key, { type: 'message', challenge: 'abc' })).resolves.toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// perform, per trigger and payload shape
// ---------------------------------------------------------------------------------------------

describe('inbound_sms_received', () => {
  const expected = {
    id: 'sms-in-1',
    smsId: 'sms-in-1',
    senderNumber: '+85298765432',
    recipientNumber: '+85230001234',
    receivedAt: '2024-05-31T08:15:00.000Z',
    contentType: 'Text',
    content: 'YES',
    eventDescription: 'Inbound SMS',
  };

  it('reads the flat notification (§1.9): E.164 numbers with "+", the time in ISO 8601 UTC', async () => {
    await expect(perform('inbound_sms_received', inboundFlat)).resolves.toEqual([{ ...expected, serviceId: '' }]);
  });

  it('reads the Open API envelope too', async () => {
    await expect(perform('inbound_sms_received', inboundOpenApi)).resolves.toEqual([
      { ...expected, serviceId: 'svc-1' },
    ]);
  });

  it('gives each message its own id, even without a record id', async () => {
    const { id: _id, ...noId } = inboundFlat;
    const items = await perform('inbound_sms_received', [noId, { ...noId, content: 'NO' }]);
    expect(items).toHaveLength(2);
    expect(items[0]!.id).not.toBe(items[1]!.id);
  });

  it('its sample and description show the two-way SMS use', () => {
    const trigger = hookTrigger('inbound_sms_received');
    expect(trigger.display.description).toContain('reply with Send SMS');
    expect(trigger.operation.sample).toMatchObject({ senderNumber: '+85298765432', content: expect.any(String) });
  });

  it('performList lists recent SMS Details records with usage "inbound" (A22), in perform\'s shape', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/sms-detail`)
      .query((q) => q.offset === '0' && q.limit === '50' && Boolean(q.startAt) && Boolean(q.endAt))
      .reply(200, {
        code: 0,
        result: [
          { smsID: 'out-1', usage: 'openAPI-sms', sender: 85230001234, recipient: 85298765432, text: 'Hello' },
          {
            smsID: 'in-1',
            usage: 'inbound',
            sender: 85298765432,
            recipient: 85230001234,
            text: 'Hi back',
            createdAt: '2024-05-31T08:15:00.000Z',
          },
        ],
      });
    const items = await performList('inbound_sms_received');
    scope.done();
    expect(items).toEqual([
      {
        id: 'in-1',
        smsId: 'in-1',
        senderNumber: '+85298765432',
        recipientNumber: '+85230001234',
        receivedAt: '2024-05-31T08:15:00.000Z',
        contentType: 'Text',
        content: 'Hi back',
        eventDescription: 'Inbound SMS',
        serviceId: '',
      },
    ]);
  });

  it('performList shows the sample when no inbound SMS is listed', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/sms-detail`)
      .query(true)
      .reply(200, { code: 0, result: [{ smsID: 'out-1', usage: 'openAPI-sms' }] });
    await expect(performList('inbound_sms_received')).resolves.toEqual([
      hookTrigger('inbound_sms_received').operation.sample,
    ]);
    scope.done();
  });
});

describe('call_started and call_ended', () => {
  const started = {
    id: 'call-1:CallStart',
    status: 'CallStart',
    callId: 'call-1',
    time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    serviceId: 'svc-1',
    callerStaffId: 'staff-9',
    callerNumber: '+85298765432',
  };

  it('call_started reads callees as one object (§1.8)', async () => {
    await expect(perform('call_started', callStart({ eid: 'staff-2', number: 85230001234 }))).resolves.toEqual([
      {
        ...started,
        calleeStaffIds: 'staff-2',
        calleeNumbers: '+85230001234',
        callees: [{ staffId: 'staff-2', number: '+85230001234' }],
      },
    ]);
  });

  it('call_started reads callees as an array (A23)', async () => {
    const items = await perform(
      'call_started',
      callStart([
        { eid: 'staff-2', number: 85230001002 },
        { eid: 'staff-3', number: 85230001003 },
      ]),
    );
    expect(items).toEqual([
      {
        ...started,
        calleeStaffIds: 'staff-2, staff-3',
        calleeNumbers: '+85230001002, +85230001003',
        callees: [
          { staffId: 'staff-2', number: '+85230001002' },
          { staffId: 'staff-3', number: '+85230001003' },
        ],
      },
    ]);
  });

  it('call_ended carries the call id and the call details pointer (no request)', async () => {
    await expect(perform('call_ended', callEnd)).resolves.toEqual([
      {
        id: 'call-1:CallEnd',
        status: 'CallEnd',
        callId: 'call-1',
        time: expect.any(String),
        serviceId: 'svc-1',
        details: callPointer('call-1'),
      },
    ]);
  });

  it('each yields [] for the other status, and keeps its own out of a mixed delivery', async () => {
    const start = callStart({ eid: 'staff-2', number: 85230001234 });
    await expect(perform('call_started', callEnd)).resolves.toEqual([]);
    await expect(perform('call_ended', start)).resolves.toEqual([]);
    await expect(perform('call_ended', [start, callEnd])).resolves.toHaveLength(1);
  });

  it("performList reads the call log (A24) and shows recent calls in each trigger's shape", async () => {
    const record = {
      callID: 'call-8',
      caller: 85298765432,
      callee: 85230001234,
      fromEID: '',
      toEID: 'staff-2',
      callDate: '2024-05-31T08:12:00.000Z',
      callEndTime: '2024-05-31T08:15:00.000Z',
      svcID: 'svc-1',
    };
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/call-log`)
      .twice()
      .query((q) => q.offset === '0' && q.limit === '3' && Boolean(q.startAt) && Boolean(q.endAt))
      .reply(200, { code: 0, result: [record] });
    await expect(performList('call_started')).resolves.toEqual([
      {
        id: 'call-8:CallStart',
        status: 'CallStart',
        callId: 'call-8',
        time: '2024-05-31T08:12:00.000Z',
        serviceId: 'svc-1',
        callerStaffId: '',
        callerNumber: '+85298765432',
        calleeStaffIds: 'staff-2',
        calleeNumbers: '+85230001234',
        callees: [{ staffId: 'staff-2', number: '+85230001234' }],
      },
    ]);
    await expect(performList('call_ended')).resolves.toEqual([
      {
        id: 'call-8:CallEnd',
        status: 'CallEnd',
        callId: 'call-8',
        time: '2024-05-31T08:15:00.000Z',
        serviceId: 'svc-1',
        details: callPointer('call-8'),
      },
    ]);
    scope.done();
  });

  it('performList shows the sample when the call log is empty (6451011)', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/call-log`)
      .query(true)
      .reply(200, { code: 6451011, message: 'No records found' });
    await expect(performList('call_ended')).resolves.toEqual([hookTrigger('call_ended').operation.sample]);
    scope.done();
  });
});

describe('recording_ready', () => {
  it('turns a successful call or conference recording into an item naming the call (§2.6)', async () => {
    const [item] = await perform('recording_ready', recording('success'));
    expect(modelled(item)).toEqual({
      id: expect.stringMatching(/^call-1:call:success:/),
      status: 'success',
      type: 'call',
      callId: 'call-1',
      time: expect.any(String),
      serviceId: 'svc-1',
    });
    const [conference] = await perform('recording_ready', recording('success', 'conference'));
    expect(conference).toMatchObject({ type: 'conference', callId: 'call-1' });
  });

  it('yields [] for a failed recording', async () => {
    await expect(perform('recording_ready', recording('fail'))).resolves.toEqual([]);
  });

  it('performList shows the sample without a request (no public list of recordings)', async () => {
    await expect(performList('recording_ready')).resolves.toEqual([hookTrigger('recording_ready').operation.sample]);
  });
});

describe.each([
  ['staff_created', 'staffCreate'],
  ['staff_edited', 'staffEdit'],
  ['staff_deleted', 'staffDelete'],
])('%s', (key, status) => {
  it(`reads the ${status} envelope (§3.5)`, async () => {
    await expect(perform(key, staffEvent(status))).resolves.toEqual([
      {
        id: expect.stringMatching(new RegExp(`^staff-7:${status}:`)),
        status,
        staffId: 'staff-7',
        fullName: 'Dee Ho',
        email: '',
        serviceId: 'svc-1',
      },
    ]);
  });

  it('yields [] for the other staff statuses and for external contact events', async () => {
    for (const other of ['staffCreate', 'staffEdit', 'staffDelete'].filter((s) => s !== status))
      await expect(perform(key, staffEvent(other))).resolves.toEqual([]);
    await expect(perform(key, ev.contactOpenApi('create'))).resolves.toEqual([]);
  });

  it('performList: the staff list (§3.4), or the sample for a deletion', async () => {
    if (status === 'staffDelete') {
      await expect(performList(key)).resolves.toEqual([hookTrigger(key).operation.sample]);
      return;
    }
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/staffcontact-list`)
      .query({ offset: '0', limit: '3' })
      .reply(200, { code: 0, result: [{ id: 'staff-1', displayName: 'Ada Wong', email: 'ada@example.com' }] });
    await expect(performList(key)).resolves.toEqual([
      {
        id: expect.stringMatching(new RegExp(`^staff-1:${status}:`)),
        status,
        staffId: 'staff-1',
        fullName: 'Ada Wong',
        email: 'ada@example.com',
        serviceId: '',
      },
    ]);
    scope.done();
  });
});

it('the contact triggers still ignore staff events, which also travel on contact-event-sub (§3.5)', async () => {
  for (const key of ['contact_created', 'contact_event'])
    await expect(perform(key, staffEvent('staffCreate'))).resolves.toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// The multi-status triggers
// ---------------------------------------------------------------------------------------------

describe('contact_event', () => {
  const op = hookTrigger('contact_event').operation as ReturnType<typeof hookTrigger>['operation'] & {
    inputFields: {
      key: string;
      label: string;
      helpText: string;
      list?: boolean;
      required?: boolean;
      choices: object;
    }[];
  };
  const STATUSES = ['create', 'edit', 'merge', 'transfer', 'delete'];

  it('offers the five contact statuses in a multi-select, none chosen meaning all', () => {
    expect(op.inputFields).toEqual([
      expect.objectContaining({
        key: 'statuses',
        label: 'Events',
        list: true,
        required: false,
        choices: {
          create: 'Created',
          edit: 'Edited',
          merge: 'Merged',
          transfer: 'Ownership Transferred',
          delete: 'Deleted',
        },
      }),
      expect.objectContaining({ key: 'take_over_subscription', type: 'boolean', default: 'false' }),
    ]);
    expect(op.inputFields[0]!.helpText).toMatch(/Leave empty for all five/);
  });

  it('says why it exists: one URL per subscription, one Zap with a Filter or Paths step', () => {
    const { description } = hookTrigger('contact_event').display;
    expect(description).toContain('CINNOX keeps one URL per subscription');
    expect(description).toContain('Filter or Paths step');
  });

  it('with nothing chosen, turns every contact status into an item (Open API and flat)', async () => {
    for (const status of STATUSES) {
      for (const body of [ev.contactOpenApi(status), ev.contactFlat(status)]) {
        const items = await perform('contact_event', body);
        expect(items).toHaveLength(1);
        expect(keysOf(items[0])).toEqual([...KEYS.contact_event!].sort());
        expect(items[0]).toMatchObject({ status, contactId: 'c-100', name: 'Ann Lee' });
        // A deleted contact has no details left to load.
        expect(items[0]!.details).toBe(status === 'delete' ? '' : detailsPointer('c-100'));
      }
    }
  });

  it('keeps only the chosen statuses', async () => {
    const all = STATUSES.map((s) => ev.contactOpenApi(s));
    const chosen = await perform('contact_event', all, { statuses: ['create', 'delete'] });
    expect(chosen.map((i) => i.status)).toEqual(['create', 'delete']);
    const one = await perform('contact_event', all, { statuses: 'transfer' });
    expect(one.map((i) => i.status)).toEqual(['transfer']);
    await expect(perform('contact_event', ev.contactOpenApi('edit'), { statuses: ['create'] })).resolves.toEqual([]);
  });

  it('performList lists recent contacts for a chosen created / edited, else the sample', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/contacts/extcontact-list`)
      .query({ offset: '0', limit: '3' })
      .reply(200, { code: 0, result: ev.contactRecords });
    const listed = await performList('contact_event', { statuses: ['edit'] });
    scope.done();
    expect(listed.length).toBeGreaterThan(0);
    for (const item of listed) {
      expect(item.status).toBe('edit');
      expect(keysOf(item)).toEqual([...KEYS.contact_event!].sort());
    }
    // Merges are not listed: the sample, without a request.
    await expect(performList('contact_event', { statuses: ['merge'] })).resolves.toEqual([op.sample]);
  });
});

describe('enquiry_event', () => {
  const op = hookTrigger('enquiry_event').operation as ReturnType<typeof hookTrigger>['operation'] & {
    inputFields: { key: string; list?: boolean; choices: object; helpText: string }[];
  };
  const STATUSES = ['Opened', 'Handling', 'Closed', 'Missed'];

  it('offers the four enquiry statuses in a multi-select, and says why it exists', () => {
    expect(op.inputFields).toEqual([
      expect.objectContaining({ key: 'statuses', list: true, required: false }),
      expect.objectContaining({ key: 'take_over_subscription', type: 'boolean', default: 'false' }),
    ]);
    expect(Object.keys(op.inputFields[0]!.choices)).toEqual(STATUSES);
    expect(op.inputFields[0]!.helpText).toMatch(/Leave empty for all four/);
    expect(hookTrigger('enquiry_event').display.description).toContain('CINNOX keeps one URL per subscription');
  });

  it('with nothing chosen, turns every enquiry status into an item (Open API and flat)', async () => {
    for (const status of STATUSES) {
      for (const body of [ev.enquiryOpenApi(status), ev.enquiryFlat(status)]) {
        const items = await perform('enquiry_event', body);
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ status, enquiryID: 'enq-1', date: '2024-05-31T08:15:00.000Z' });
        expect(keysOf(items[0])).toEqual([...KEYS.enquiry_event!].sort());
      }
    }
  });

  it('keeps only the chosen statuses (case ignored)', async () => {
    const all = STATUSES.map((s) => ev.enquiryFlat(s));
    const items = await perform('enquiry_event', all, { statuses: ['missed', 'Closed'] });
    expect(items.map((i) => i.status)).toEqual(['Closed', 'Missed']);
  });

  it('performList lists recent enquiries of the chosen statuses, one Enquiry Details read per status', async () => {
    const scope = nock(BASE_URL)
      .get(`${API_ROOT}/data/enquiry-detail`)
      .times(2)
      .query((q) => q.offset === '0' && q.limit === '20')
      .reply(200, { code: 0, result: ev.enquiryRecords });
    const listed = await performList('enquiry_event', { statuses: ['Missed', 'Opened'] });
    scope.done();
    expect(listed.map((i) => i.status).sort()).toEqual(['Missed', 'Opened']);
  });
});
