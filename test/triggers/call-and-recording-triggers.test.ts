/**
 * perform of Call Started, Call Ended and Recording Ready on each documented payload shape: the items, their
 * keys and values, the call details pointer; other statuses yielding [].
 */
import nock from 'nock';
import { API_ROOT, BASE_URL, appTester, bundleWith } from '../helpers/app';
import { hookTrigger, modelled } from '../helpers/hooks';

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
