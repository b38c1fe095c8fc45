/**
 * The sandbox misbehaving on demand (sandbox/faults.ts: `--fault` and the admin API), over real sockets, and the
 * app's operations meeting it as a developer would see them: a write whose connection is reset after CINNOX read
 * it (carried out once, reported as unconfirmed), a read reset once and answered the second time.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { parseFault } from '../../sandbox/faults.ts';
import { App, appTester, failure } from '../helpers/app';
import { allowLocalNetwork, startSandbox, type Sandbox } from './harness';

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const sendSms = App.creates.send_sms!.operation.perform as Perform;
const findContact = App.searches.find_contact!.operation.perform as Perform;

let sandbox: Sandbox;
allowLocalNetwork();
beforeAll(async () => {
  sandbox = await startSandbox(['--fault', 'GET /access-numbers=delay:300']);
});
afterAll(async () => sandbox.stop());

const bundleWith = (inputData: Record<string, unknown>) => ({
  authData: { appId: sandbox.appId, appToken: sandbox.appToken, baseUrl: sandbox.baseUrl },
  inputData,
});

describe('fault syntax', () => {
  it('reads METHOD PATH=MODE[:MS][*TIMES] and refuses anything else, saying the form', () => {
    expect(parseFault('post /sms=reset*1')).toEqual({ method: 'POST', path: '/sms', mode: 'reset', times: 1 });
    expect(parseFault('GET /access-numbers=delay:3000')).toEqual({
      method: 'GET',
      path: '/access-numbers',
      mode: 'delay',
      ms: 3000,
    });
    expect(() => parseFault('POST /sms=explode')).toThrow(
      'fault "POST /sms=explode" is not METHOD PATH=MODE[:MS][*TIMES] with MODE one of delay, hang, reset, stall',
    );
    expect(() => parseFault('GET /x=delay')).toThrow('delay needs its milliseconds');
  });
});

describe('faults on demand', () => {
  afterEach(async () => sandbox.admin('DELETE', '/faults'));

  it('--fault at start: the route answers late, and the admin API lists, sets and clears faults', async () => {
    const started = Date.now();
    const answer = await sandbox.api('GET', '/access-numbers?offset=0&limit=1');
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const set = await sandbox.admin('POST', '/faults', { fault: 'POST /sms=reset*1' });
    expect(set.faults).toEqual(expect.arrayContaining([{ method: 'POST', path: '/sms', mode: 'reset', times: 1 }]));
    const refused = await sandbox.adminRaw('POST', '/faults', { fault: 'nonsense' });
    expect(refused.status).toBe(400);
    expect((await sandbox.admin('DELETE', '/faults')).faults).toEqual([]);
  });

  it('Send SMS against a reset after CINNOX read it: sent once, and the step says it may have happened', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'POST /sms=reset*1' });
    const before = (await sandbox.admin('GET', '/state')).sms.length;
    const error = await failure(() =>
      appTester(
        sendSms,
        bundleWith({
          number_type: 'access-numbers',
          sender_number: '+85230001234',
          recipient_numbers: ['+85294667788'],
          text: 'Reset after reading',
        }),
      ),
    );
    expect(error.code).toBe('CinnoxWriteUnconfirmed');
    expect(error.message).toContain('Check the SMS report in the CINNOX Dashboard');
    const state = await sandbox.admin('GET', '/state');
    expect(state.sms.slice(before).map((s: { text?: string }) => s.text)).toEqual(['Reset after reading']);
    expect(state.requests.at(-1)).toMatchObject({ method: 'POST', path: '/sms', fault: 'reset' });
  });

  it('Find External Contact whose first connection is reset: sent once more, and answered', async () => {
    await sandbox.admin('POST', '/faults', { fault: 'GET /contacts/extcontact-list=reset*1' });
    const found = (await appTester(findContact, bundleWith({ full_name: 'Ann Lee' }))) as { id: string }[];
    expect(found.length).toBeGreaterThan(0);
    const requests = (await sandbox.admin('GET', '/state')).requests.filter(
      (r: { path: string }) => r.path === '/contacts/extcontact-list',
    );
    expect(requests.slice(-2).map((r: { fault?: string }) => r.fault ?? 'answered')).toEqual(['reset', 'answered']);
  });
});
