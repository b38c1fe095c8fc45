/**
 * The sandbox's event subscriptions against a real child process and a local receiver standing in for
 * Zapier's hook URLs: the URL-verification challenge, one URL per subscription name, the payload of each
 * event group, and delivery retries with back-off and a bound.
 *
 * On purpose, this file keeps its own rule for where each event kind goes (by the kind's prefix, in
 * "makes each of the 21 events happen"), independent of sandbox/event-kinds.ts: a wrong row there fails here.
 */
import {
  CONTACT_CREATE_PATH,
  EVENT_HOOK_LIST_PATH,
  SEND_SMS_PATH,
  SUBSCRIPTIONS,
  contactUpdatePath,
  subscriptionPath,
  type SubscriptionName,
} from '../../src/cinnox/contract';
import { allowLocalNetwork, startReceiver, startSandbox, type Receiver, type Sandbox } from './harness';

allowLocalNetwork();

const ATTEMPTS = 3;
const BACKOFF_MS = 40;
let sandbox: Sandbox;
let receiver: Receiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([
    startSandbox([
      '--delivery-attempts',
      String(ATTEMPTS),
      '--delivery-backoff-ms',
      String(BACKOFF_MS),
      '--delivery-timeout-ms',
      '1000',
    ]),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});
beforeEach(async () => {
  await sandbox.admin('POST', '/reset');
  await sandbox.admin('POST', '/config', { challenge: 'any2xx' });
  receiver.clear();
});

const subscribe = (name: SubscriptionName, url: string, enabled = true) =>
  sandbox.api('PATCH', subscriptionPath(name), { body: { enabled, url } });
const hooks = async () => (await sandbox.api('GET', EVENT_HOOK_LIST_PATH)).data;
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

describe('URL verification (the challenge)', () => {
  it('POSTs {challenge} to the URL when subscribing and enables it on a 2xx (A14)', async () => {
    receiver.respondWith(() => ({ status: 204 }));
    const answer = await subscribe(SUBSCRIPTIONS.contact, `${receiver.url}/hook/contact`);
    expect(answer).toEqual({
      status: 200,
      data: { code: 0, enabled: true, url: `${receiver.url}/hook/contact`, updatedAt: ISO },
    });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({
      method: 'POST',
      path: '/hook/contact',
      body: { challenge: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expect(receiver.requests[0]!.headers['content-type']).toBe('application/json');
    expect(await hooks()).toEqual({
      code: 0,
      result: [
        {
          name: 'contact-event-sub',
          enabled: true,
          url: `${receiver.url}/hook/contact`,
          updatedAt: answer.data.updatedAt,
        },
      ],
    });
  });

  it('answers enabled:false when the URL fails verification, keeps the previous subscription, and delivers nothing there', async () => {
    await subscribe(SUBSCRIPTIONS.label, `${receiver.url}/good`);
    receiver.respondWith((r) => (r.path === '/broken' ? { status: 500 } : { status: 200 }));
    await expect(subscribe(SUBSCRIPTIONS.label, `${receiver.url}/broken`)).resolves.toMatchObject({
      data: { code: 0, enabled: false, url: `${receiver.url}/broken` },
    });
    await expect(subscribe(SUBSCRIPTIONS.enquiry, 'http://127.0.0.1:1/unreachable')).resolves.toMatchObject({
      data: { enabled: false },
    });
    expect((await hooks()).result).toEqual([
      expect.objectContaining({ name: 'label-event-sub', enabled: true, url: `${receiver.url}/good` }),
    ]);

    await sandbox.admin('POST', '/events/label.created');
    await sandbox.admin('POST', '/events/enquiry.opened');
    await sandbox.settled({}, 1);
    expect(receiver.events().map((r) => r.path)).toEqual(['/good']);
    const { verifications } = await sandbox.admin('GET', '/state');
    expect(
      verifications.map((v: { url: string; ok: boolean; status: number | null }) => [v.url, v.ok, v.status]),
    ).toEqual([
      [`${receiver.url}/good`, true, 200],
      [`${receiver.url}/broken`, false, 500],
      ['http://127.0.0.1:1/unreachable', false, null],
    ]);
  });

  it('in "echo" mode accepts only a reply that carries the challenge back ({code: 0, result: {challenge}})', async () => {
    await sandbox.admin('POST', '/config', { challenge: 'echo' });
    await expect(subscribe(SUBSCRIPTIONS.sms, `${receiver.url}/plain`)).resolves.toMatchObject({
      data: { enabled: false },
    });
    receiver.respondWith((r) => ({ status: 200, body: { code: 0, result: { challenge: r.body.challenge } } }));
    await expect(subscribe(SUBSCRIPTIONS.sms, `${receiver.url}/echo`)).resolves.toMatchObject({
      data: { enabled: true },
    });
  });
});

describe('one URL per subscription name', () => {
  it('a second URL replaces the first: events go only to the newest', async () => {
    await subscribe(SUBSCRIPTIONS.contact, `${receiver.url}/zap-a`);
    await subscribe(SUBSCRIPTIONS.contact, `${receiver.url}/zap-b`);
    expect((await hooks()).result).toEqual([
      { name: 'contact-event-sub', enabled: true, url: `${receiver.url}/zap-b`, updatedAt: ISO },
    ]);
    await sandbox.api('POST', CONTACT_CREATE_PATH, { body: { firstName: 'Ivy', lastName: 'Ma' } });
    const [delivery] = await sandbox.settled({ subscription: 'contact-event-sub' }, 1);
    expect(delivery).toMatchObject({ url: `${receiver.url}/zap-b`, status: 'delivered' });
    expect(receiver.events('/zap-a')).toEqual([]);
    expect(receiver.events('/zap-b')).toHaveLength(1);
  });

  it('names are independent, and enabled:false clears the name’s one slot whatever URL it names', async () => {
    await subscribe(SUBSCRIPTIONS.contact, `${receiver.url}/contact`);
    await subscribe(SUBSCRIPTIONS.label, `${receiver.url}/label`);
    const off = await subscribe(SUBSCRIPTIONS.contact, `${receiver.url}/some-older-zap`, false);
    expect(off.data).toEqual({ code: 0, enabled: false, url: `${receiver.url}/some-older-zap`, updatedAt: ISO });
    expect(receiver.challenges('/some-older-zap')).toEqual([]);
    expect((await hooks()).result).toEqual([
      { name: 'contact-event-sub', enabled: false, url: `${receiver.url}/contact`, updatedAt: ISO },
      { name: 'label-event-sub', enabled: true, url: `${receiver.url}/label`, updatedAt: ISO },
    ]);
    const made = await sandbox.admin('POST', '/events/contact.created');
    expect(made.deliveries).toEqual([]);
    await sandbox.admin('POST', '/events/label.created');
    await sandbox.settled({}, 1);
    expect(receiver.events().map((r) => r.path)).toEqual(['/label']);
  });
});

describe('events, in the payload shapes src/hooks reads', () => {
  beforeEach(async () => {
    for (const name of Object.values(SUBSCRIPTIONS)) await subscribe(name, `${receiver.url}/${name}`);
    receiver.clear();
  });
  const bodies = (name: SubscriptionName) => receiver.events(`/${name}`).map((r) => r.body);

  it('contacts: created / edited through the API, merged / transferred / deleted through the admin API', async () => {
    const { data } = await sandbox.api('POST', CONTACT_CREATE_PATH, { body: { firstName: 'Ivy', lastName: 'Ma' } });
    await sandbox.api('PUT', contactUpdatePath(data.id), { body: { lastName: 'Mak' } });
    await sandbox.admin('POST', `/contacts/${data.id}/merge`, { from: '64f000000000000000000001' });
    await sandbox.admin('POST', `/contacts/${data.id}/transfer`, { toOwnerID: '5f0000000000000000000003' });
    await sandbox.admin('DELETE', `/contacts/${data.id}`);
    await sandbox.settled({ subscription: 'contact-event-sub' }, 5);
    const message = (status: string, extra = {}) => ({
      type: 'message',
      challenge: '',
      message: {
        type: 'contact',
        status,
        serviceId: 'sandbox-service',
        id: data.id,
        fullName: 'Ivy Mak',
        ...extra,
        updatedAt: ISO,
        date: ISO,
      },
    });
    expect(bodies('contact-event-sub').sort((a, b) => a.message.updatedAt.localeCompare(b.message.updatedAt))).toEqual([
      { ...message('create'), message: { ...message('create').message, fullName: 'Ivy Ma' } },
      message('edit'),
      message('merge'),
      message('transfer', { fromOwnerID: '5f0000000000000000000001', toOwnerID: '5f0000000000000000000003' }),
      message('delete'),
    ]);
    const { contacts } = await sandbox.admin('GET', '/state');
    expect(contacts.map((c: { id: string }) => c.id)).toEqual(['64f000000000000000000002']);
  });

  it('enquiries: opened, handled, closed; another missed — flat, with eid and displayCaseNumber', async () => {
    const opened = await sandbox.admin('POST', '/enquiries', { channel: 'WHATSAPP' });
    const caseNumber = opened.record.displayCaseNumber;
    await sandbox.admin('POST', `/enquiries/${caseNumber}/handle`, { staffId: '5f0000000000000000000003' });
    await sandbox.admin('POST', `/enquiries/${opened.record._id}/close`);
    const other = await sandbox.admin('POST', '/events/enquiry.opened', { destinationType: 'PHONE' });
    await sandbox.admin('POST', '/events/enquiry.missed');
    await sandbox.settled({ subscription: 'inquiry-event-sub' }, 5);
    const flat = (
      status: string,
      record: { _id: string; displayCaseNumber: string },
      channel: string,
      destinationTypes: string,
      destination: string,
    ) => ({
      type: 'inquiry',
      status,
      serviceId: 'sandbox-service',
      eid: record._id,
      displayCaseNumber: record.displayCaseNumber,
      channel,
      channelOri: channel === 'CINNOX' ? 'CINNOX' : 'Channel',
      socialId: '',
      date: ISO,
      destination,
      destinationTypes,
    });
    const got = bodies('inquiry-event-sub').sort((a, b) => a.date.localeCompare(b.date));
    expect(got).toEqual([
      flat('Opened', opened.record, 'WHATSAPP', 'STAFF', 'dest-sandbox-staff'),
      flat('Handling', opened.record, 'WHATSAPP', 'STAFF', 'dest-sandbox-staff'),
      flat('Closed', opened.record, 'WHATSAPP', 'STAFF', 'dest-sandbox-staff'),
      flat('Opened', other.record, 'CINNOX', 'PSTN', 'dest-sandbox-phone'),
      flat('Missed', other.record, 'CINNOX', 'PSTN', 'dest-sandbox-phone'),
    ]);
    await expect(sandbox.adminRaw('POST', `/enquiries/${caseNumber}/miss`)).resolves.toEqual({
      status: 409,
      data: { error: `enquiry ${caseNumber} is already closed` },
    });
  });

  it('SMS: one PascalCase receipt per recipient of each SMS sent; numbers ending 99999 are Undelivered', async () => {
    const sent = await sandbox.api('POST', SEND_SMS_PATH, {
      body: { senderNumber: 'CINNOX', recipientNumbers: ['+85294667788', '+85291299999'], text: 'Your code is 1234' },
    });
    await sandbox.settled({ subscription: 'outbound-sms-event-sub' }, 2);
    const receipt = (
      TransactionID: string,
      RecipientNumber: number,
      Status: string,
      ResponseCode: string,
      Exception: string,
    ) => ({
      Type: 'tdr',
      AppID: 'sandbox-app',
      ServiceID: 'sandbox-service',
      TransactionID,
      RecipientNumber,
      RecipientCountry: 'HK',
      ResponseCode,
      Status,
      Exception,
    });
    const [first, second] = sent.data.result as { transactionID: string }[];
    expect(bodies('outbound-sms-event-sub').sort((a, b) => a.RecipientNumber - b.RecipientNumber)).toEqual([
      receipt(second!.transactionID, 85291299999, 'Undelivered', '400', 'sms send failed'),
      receipt(first!.transactionID, 85294667788, 'Delivered', '', ''),
    ]);
    await sandbox.admin('POST', `/sms/${first!.transactionID}/receipt`, { Status: 'Rejected' });
    await sandbox.settled({ subscription: 'outbound-sms-event-sub' }, 3);
    expect(bodies('outbound-sms-event-sub')[2]).toEqual(
      receipt(first!.transactionID, 85294667788, 'Rejected', '400', 'sms send failed'),
    );
  });

  it('labels: create / update / deleted in the message envelope with id, name and colorCode', async () => {
    const created = await sandbox.admin('POST', '/labels', { name: 'Hot lead', colorCode: '#fdd835' });
    await sandbox.admin('PATCH', `/labels/${created.record.id}`, { name: 'Warm lead' });
    await sandbox.admin('DELETE', `/labels/${created.record.id}`);
    await sandbox.settled({ subscription: 'label-event-sub' }, 3);
    const label = (status: string, name: string) => ({
      type: 'message',
      message: {
        type: 'label',
        status,
        serviceId: 'sandbox-service',
        id: '65a000000000000000000003',
        name,
        colorCode: '#FDD835',
        updatedAt: ISO,
      },
    });
    expect(bodies('label-event-sub').sort((a, b) => a.message.updatedAt.localeCompare(b.message.updatedAt))).toEqual([
      label('create', 'Hot lead'),
      label('update', 'Warm lead'),
      label('deleted', 'Warm lead'),
    ]);
  });

  it('POST /__admin/events/{kind} makes each of the 21 events happen, each delivered once to each of its subscriptions', async () => {
    const kinds = (await sandbox.admin('GET', '/events')).kinds as string[];
    expect(kinds).toHaveLength(21);
    /** Written out here, independently of sandbox/event-kinds.ts (§0.4, §3.5: staff events also on contact-event-sub). */
    const routes = (k: string): string[] =>
      k.startsWith('contact')
        ? ['contact-event-sub']
        : k.startsWith('enquiry')
          ? ['inquiry-event-sub']
          : k === 'sms.receipt'
            ? ['outbound-sms-event-sub']
            : k === 'sms.inbound'
              ? ['inbound-sms-event-sub']
              : k.startsWith('call')
                ? ['call-event-sub']
                : k.startsWith('recording')
                  ? ['recording-event-sub']
                  : k.startsWith('staff')
                    ? ['staff-contact-event-sub', 'contact-event-sub']
                    : ['label-event-sub'];
    for (const kind of kinds) {
      const made = await sandbox.admin('POST', `/events/${kind}`);
      expect(made).toMatchObject({
        ok: true,
        kind,
        event: { kind },
        deliveries: routes(kind).map((subscription) => ({ subscription, status: 'pending' })),
      });
    }
    const expected = kinds.flatMap((k) => routes(k).map((name) => [k, name]));
    const deliveries = await sandbox.settled({ status: 'delivered' }, expected.length);
    expect(deliveries.map((d) => [d.event, d.subscription])).toEqual(expected);
    expect(receiver.events()).toHaveLength(expected.length);
    await expect(sandbox.adminRaw('POST', '/events/contact.exploded')).resolves.toMatchObject({ status: 404 });
  });

  it('inbound SMS (§1.9): flat, numbers as JSON numbers, receiveTime RFC3339', async () => {
    await sandbox.admin('POST', '/events/sms.inbound', { senderNumber: '+6591234567', content: 'Stop' });
    await sandbox.settled({ subscription: 'inbound-sms-event-sub' }, 1);
    expect(bodies('inbound-sms-event-sub')).toEqual([
      {
        id: expect.any(String),
        eventDescription: 'Inbound SMS',
        senderNumber: 6591234567,
        recipientNumber: 85230001234,
        receiveTime: ISO,
        contentType: 'Text',
        content: 'Stop',
      },
    ]);
  });

  it('calls (§1.8) and recordings (§2.6): CallStart with caller and callees, CallEnd, recording success / fail', async () => {
    const started = await sandbox.admin('POST', '/events/call.started', { callerNumber: '+85298765432' });
    const callId = started.record.callID as string;
    await sandbox.admin('POST', '/events/call.ended');
    await sandbox.admin('POST', '/events/recording.ready');
    await sandbox.admin('POST', '/events/recording.failed', { id: callId });
    await sandbox.settled({ subscription: 'call-event-sub' }, 2);
    await sandbox.settled({ subscription: 'recording-event-sub' }, 2);
    const envelope = (message: Record<string, unknown>) => ({ type: 'message', challenge: '', message });
    expect(bodies('call-event-sub')).toEqual([
      envelope({
        status: 'CallStart',
        id: callId,
        serviceId: 'sandbox-service',
        caller: { eid: '', number: 85298765432 },
        callees: { eid: '5f0000000000000000000002', number: 85230001002 },
      }),
      envelope({ status: 'CallEnd', id: callId, serviceId: 'sandbox-service' }),
    ]);
    expect(bodies('recording-event-sub')).toEqual([
      envelope({ type: 'call', status: 'success', serviceId: 'sandbox-service', id: callId }),
      envelope({ type: 'call', status: 'fail', serviceId: 'sandbox-service', id: callId }),
    ]);
  });

  it('staff members (§3.5): staffCreate / staffEdit / staffDelete on staff-contact-event-sub and contact-event-sub', async () => {
    const created = await sandbox.admin('POST', '/events/staff.created', { firstName: 'Dee', lastName: 'Ho' });
    const id = created.record.id as string;
    await sandbox.admin('POST', '/events/staff.edited', { id });
    await sandbox.admin('POST', '/events/staff.deleted', { id });
    await sandbox.settled({ subscription: 'staff-contact-event-sub' }, 3);
    await sandbox.settled({ subscription: 'contact-event-sub' }, 3);
    const staff = (status: string) => ({
      type: 'message',
      challenge: '',
      message: { type: 'staff', status, serviceId: 'sandbox-service', id, fullName: 'Dee Ho' },
    });
    const expected = [staff('staffCreate'), staff('staffEdit'), staff('staffDelete')];
    expect(bodies('staff-contact-event-sub')).toEqual(expected);
    expect(bodies('contact-event-sub')).toEqual(expected);
    const list = await sandbox.api('GET', '/contacts/staffcontact-list');
    expect(list.data.result.map((s: { id: string }) => s.id)).not.toContain(id);
  });
});

describe('delivery retries', () => {
  it('retries a failing URL with back-off until it answers 2xx, recording each attempt', async () => {
    await subscribe(SUBSCRIPTIONS.label, `${receiver.url}/flaky`);
    receiver.clear();
    receiver.respondWith((_r, i) => ({ status: [500, 503][i] ?? 200 }));
    await sandbox.admin('POST', '/events/label.created', { name: 'Retry me', colorCode: '#43A047' });
    const [delivery] = await sandbox.settled({ subscription: 'label-event-sub' }, 1);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a: { attempt: number; status: number }) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    const events = receiver.events('/flaky');
    expect(events).toHaveLength(3);
    expect(events[1]!.body).toEqual(events[0]!.body);
    expect(events[2]!.body).toEqual(events[0]!.body);
    expect(events[0]!.body.message).toMatchObject({ status: 'create', name: 'Retry me' });
    // Back-off: BACKOFF_MS before the 2nd attempt, twice that before the 3rd.
    expect(events[1]!.at - events[0]!.at).toBeGreaterThanOrEqual(BACKOFF_MS - 5);
    expect(events[2]!.at - events[1]!.at).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 5);
  });

  it(`gives up after ${ATTEMPTS} attempts (errors and refused connections alike) and marks the delivery failed`, async () => {
    await subscribe(SUBSCRIPTIONS.enquiry, `${receiver.url}/down`);
    const gone = await startReceiver();
    await subscribe(SUBSCRIPTIONS.label, `${gone.url}/gone`);
    await gone.close();
    receiver.clear();
    receiver.respondWith(() => ({ status: 500 }));
    await sandbox.admin('POST', '/events/enquiry.opened');
    await sandbox.admin('POST', '/events/label.created');
    const deliveries = await sandbox.settled({}, 2);
    expect(deliveries.map((d) => [d.subscription, d.status, d.attempts.length])).toEqual([
      ['inquiry-event-sub', 'failed', ATTEMPTS],
      ['label-event-sub', 'failed', ATTEMPTS],
    ]);
    expect(deliveries[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 500]);
    expect(deliveries[1].attempts.map((a: { status: null; error: string }) => [a.status, a.error])).toEqual(
      Array.from({ length: ATTEMPTS }, () => [null, expect.stringContaining('ECONNREFUSED')]),
    );
    // No attempt after the bound.
    await new Promise((resolve) => setTimeout(resolve, 4 * BACKOFF_MS * 2));
    expect(receiver.events('/down')).toHaveLength(ATTEMPTS);
  });

  it('reset cancels pending retries', async () => {
    await subscribe(SUBSCRIPTIONS.label, `${receiver.url}/down`);
    await sandbox.admin('POST', '/config', { deliveryBackoffMs: 300 });
    try {
      receiver.respondWith(() => ({ status: 500 }));
      await sandbox.admin('POST', '/events/label.created');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sandbox.admin('POST', '/reset');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(receiver.events('/down')).toHaveLength(1);
    } finally {
      await sandbox.admin('POST', '/config', { deliveryBackoffMs: BACKOFF_MS });
    }
  });
});
