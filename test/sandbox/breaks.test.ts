/**
 * The sandbox's `--break` modes: each breaks one of the app's assumptions on purpose (so the contract check's
 * verdicts can be shown to change), and nothing else.
 */
import { spawnSync } from 'node:child_process';
import {
  CALL_LOG_PATH,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_DETAIL_PATH,
  EVENT_HOOK_LIST_PATH,
  LABEL_LIST_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
} from '../../src/cinnox/contract';
import { SERVER, allowLocalNetwork, startSandbox, type Sandbox } from './harness';

allowLocalNetwork();

const window = () => {
  const end = new Date();
  const start = new Date(end.getTime() - 7 * 24 * 3600 * 1000);
  return `startAt=${start.toISOString()}&endAt=${end.toISOString()}`;
};

describe('sandbox --break', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('refuses an unknown break, naming the known ones (exit 2)', () => {
    const out = spawnSync(process.execPath, [SERVER, '--port', '0', '--break', 'no-such-thing'], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--break no-such-thing is unknown; known: bare-list-envelope, unknown-list-envelope');
  });

  it('bare-list-envelope: lists answer a bare array (labels too); errors keep their code', async () => {
    sandbox = await startSandbox(['--break', 'bare-list-envelope']);
    const labels = await sandbox.api('GET', LABEL_LIST_PATH);
    expect(labels.status).toBe(200);
    expect(Array.isArray(labels.data)).toBe(true);
    expect(labels.data[0]).toEqual(expect.objectContaining({ name: 'VIP' }));
    const none = await sandbox.api('GET', `${CONTACT_LIST_PATH}?${CONTACT_NAME_PARAM}=Nobody%20Here`);
    expect(none).toEqual({ status: 400, data: { code: 6451011, message: 'No records found' } });
  });

  it('unknown-list-envelope: records under `items`', async () => {
    sandbox = await startSandbox(['--break', 'unknown-list-envelope']);
    const staff = await sandbox.api('GET', STAFF_LIST_PATH);
    expect(Object.keys(staff.data)).toEqual(['code', 'items']);
  });

  it('name-filter-ignored and id-filter-ignored: the contact list answers every contact', async () => {
    sandbox = await startSandbox(['--break', 'name-filter-ignored,id-filter-ignored']);
    const byName = await sandbox.api('GET', `${CONTACT_LIST_PATH}?${CONTACT_NAME_PARAM}=Ann%20Lee`);
    expect(byName.data.result.length).toBeGreaterThan(1);
    const byId = await sandbox.api('GET', `${CONTACT_LIST_PATH}?id=no-such-id`);
    expect(byId.data.result.length).toBeGreaterThan(1);
  });

  it('no-event-hook-list: GET /event-hooks is unknown (6450001), the subscriptions still work', async () => {
    sandbox = await startSandbox(['--break', 'no-event-hook-list']);
    const hooks = await sandbox.api('GET', EVENT_HOOK_LIST_PATH);
    expect(hooks.status).toBe(400);
    expect(hooks.data.code).toBe(6450001);
    expect((await sandbox.api('GET', LABEL_LIST_PATH)).status).toBe(200);
  });

  it('report-window-rejected: startAt / endAt are an invalid query on enquiry and SMS details, by case number too', async () => {
    sandbox = await startSandbox(['--break', 'report-window-rejected']);
    for (const path of [ENQUIRY_DETAIL_PATH, SMS_DETAIL_PATH]) {
      const answer = await sandbox.api('GET', `${path}?${window()}`);
      expect(answer).toEqual({ status: 400, data: { code: 6451000, message: 'invalid query: (startAt), (endAt)' } });
    }
    const byCase = await sandbox.api('GET', `${ENQUIRY_DETAIL_PATH}?displayCaseNumber=1001&${window()}`);
    expect(byCase).toEqual({ status: 400, data: { code: 6451000, message: 'invalid query: (startAt), (endAt)' } });
  });

  it('call-filter-ignored: the call log answers calls other than the callID asked for', async () => {
    sandbox = await startSandbox(['--break', 'call-filter-ignored']);
    const byId = await sandbox.api('GET', `${CALL_LOG_PATH}?callID=no-such-call&${window()}`);
    expect(byId.status).toBe(200);
    expect(byId.data.result.length).toBeGreaterThan(0);
    expect(byId.data.result.every((c: { callID: string }) => c.callID !== 'no-such-call')).toBe(true);
  });

  it('reports-oldest-first: the call log and Enquiry Details list a window oldest first, one call by callID as before', async () => {
    sandbox = await startSandbox(['--break', 'reports-oldest-first']);
    const calls = await sandbox.api('GET', `${CALL_LOG_PATH}?${window()}&offset=0&limit=10`);
    const callDates = calls.data.result.map((c: { callDate: string }) => c.callDate);
    expect(callDates).toHaveLength(2);
    expect(callDates).toEqual([...callDates].sort());
    const enquiries = await sandbox.api('GET', `${ENQUIRY_DETAIL_PATH}?${window()}&offset=0&limit=10`);
    const created = enquiries.data.result.map((e: { createdAt: string }) => e.createdAt);
    expect(created).toHaveLength(2);
    expect(created).toEqual([...created].sort());
    const one = await sandbox.api('GET', `${CALL_LOG_PATH}?callID=${calls.data.result[0].callID}&${window()}`);
    expect(one.data.result.map((c: { callID: string }) => c.callID)).toEqual([calls.data.result[0].callID]);
  });
});
