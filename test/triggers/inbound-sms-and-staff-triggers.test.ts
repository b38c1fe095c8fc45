/**
 * perform of Inbound SMS Received and the staff triggers (created, edited, deleted) on each documented payload
 * shape: the items, their keys and values; other statuses yielding [].
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import * as ev from '../fixtures/hook-events';
import { hookTrigger, modelled } from '../helpers/hooks';

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
/** §3.5. */
const staffEvent = (status: string) =>
  envelope({ type: 'staff', status, serviceId: 'svc-1', id: 'staff-7', fullName: 'Dee Ho' });

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
