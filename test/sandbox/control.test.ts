/**
 * sandbox/control.ts, the module the tour imports to run the sandbox: an ES module (import.meta) that Node 22
 * runs as TypeScript, which jest's CommonJS transform cannot load, so a small ESM script drives it in its own
 * Node process and prints what it saw.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { allowLocalNetwork, startSandbox, type Sandbox } from './harness';

const CONTROL = path.resolve(__dirname, '../../sandbox/control.ts');

const script = `
import http from 'node:http';
import { startSandbox, connectSandbox, EVENT_KINDS } from ${JSON.stringify(CONTROL)};
const received = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => { received.push(JSON.parse(body)); res.writeHead(200); res.end(); });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const url = 'http://127.0.0.1:' + receiver.address().port + '/hook';
const sandbox = await startSandbox({
  args: ['--quiet', '--delivery-backoff-ms', '10', '--fault', 'POST /sms=answer:all-rejected*1'],
});
const sms = { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' };
const canned = [];
for (const _ of [1, 2]) canned.push((await sandbox.api('POST', '/sms', { body: sms })).data.result[0].status);
const set = (await sandbox.fault('GET /labels=answer:502*2')).faults;
const cleared = (await sandbox.clearFaults()).faults;
const again = await connectSandbox(sandbox.baseUrl);
const subscribed = await again.api('PATCH', '/label-event-sub', { body: { enabled: true, url } });
const made = await sandbox.event('label.created', { name: 'From control', colorCode: '#8E24AA' });
const deliveries = await sandbox.waitForDeliveries({ event: 'label.created', status: 'delivered' });
const state = await sandbox.state();
await sandbox.stop();
receiver.close();
console.log(JSON.stringify({
  authData: sandbox.authData,
  env: sandbox.env,
  again: again.authData,
  kinds: EVENT_KINDS.length,
  subscribed: subscribed.data.enabled,
  made: made.event.kind,
  deliveries: deliveries.map((d) => d.status),
  received: received.map((b) => b.challenge ? 'challenge' : b.message.name),
  labels: state.labels.map((l) => l.name),
  exit: [sandbox.process.exitCode, sandbox.process.signalCode],
  canned,
  set,
  cleared,
}));
`;

it('starts the sandbox as a child process with a canned answer, drives the admin API, waits for deliveries and stops it', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    timeout: 10_000,
    env: process.env,
  });
  const seen = JSON.parse(stdout.trim().split('\n').pop()!);
  const baseUrl = seen.authData.baseUrl as string;
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(seen).toEqual({
    authData: { appId: 'sandbox-app', appToken: 'sandbox-token', baseUrl },
    env: {
      authData_appId: 'sandbox-app',
      authData_appToken: 'sandbox-token',
      authData_baseUrl: baseUrl,
      CINNOX_BASE_URL: baseUrl,
      CINNOX_APP_ID: 'sandbox-app',
      CINNOX_APP_TOKEN: 'sandbox-token',
    },
    again: { appId: 'sandbox-app', appToken: 'sandbox-token', baseUrl },
    kinds: 21,
    subscribed: true,
    made: 'label.created',
    deliveries: ['delivered'],
    received: ['challenge', 'From control'],
    labels: ['VIP', 'Follow-up', 'From control'],
    exit: [0, null],
    // --fault at start: the first Send SMS answered all-rejected, the second sent; fault() and clearFaults().
    canned: ['Rejected', 'Submitted'],
    set: [{ method: 'GET', path: '/labels', mode: 'answer', answer: '502', times: 2 }],
    cleared: [],
  });
});

describe('npm run sandbox:event (sandbox/event.ts)', () => {
  const EVENT = path.resolve(__dirname, '../../sandbox/event.ts');
  let sandbox: Sandbox;
  allowLocalNetwork();
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('makes an event happen in a running sandbox and says where it went', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [EVENT, 'label.created', '{"name":"From the CLI","colorCode":"#43A047"}', '--base-url', sandbox.baseUrl],
      { timeout: 10_000, env: process.env },
    );
    const [summary, payload, outcome] = stdout.trim().split('\n');
    expect(summary).toMatch(new RegExp(`^label\\.created: event evt-\\d+ in the sandbox at ${sandbox.baseUrl}$`));
    expect(outcome).toBe('no subscription is enabled for it: nothing delivered');
    expect(JSON.parse(payload!)).toMatchObject({
      type: 'message',
      message: { type: 'label', status: 'create', name: 'From the CLI', colorCode: '#43A047' },
    });
    const state = await sandbox.admin<{ labels: { name: string }[] }>('GET', '/state');
    expect(state.labels.map((l) => l.name)).toContain('From the CLI');
  });

  it("passes on the sandbox's refusal without blaming the connection; names the URL when nothing answers", async () => {
    const refused = (await promisify(execFile)(
      process.execPath,
      [EVENT, 'label.created', '{"name":"VIP"}', '--base-url', sandbox.baseUrl],
      { env: process.env },
    ).catch((e) => e)) as { code: number; stderr: string };
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^sandbox:event: sandbox admin POST \/events\/label\.created: HTTP 409 /);
    expect(refused.stderr).not.toContain('no sandbox answers');
    const nobody = (await promisify(execFile)(
      process.execPath,
      [EVENT, 'label.created', '--base-url', 'http://127.0.0.1:9'],
      { env: process.env },
    ).catch((e) => e)) as { code: number; stderr: string };
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain(
      'no sandbox answers at http://127.0.0.1:9 (from --base-url): start one with `npm run sandbox`, or set CINNOX_SANDBOX_URL to its address',
    );
  });

  it.each([
    ['enquiry.mised', ': did you mean enquiry.missed?'],
    ['contact.exploded', ''],
  ])('says %j is unknown (and the kind it most likely meant) before the usage, exit status 2', async (kind, near) => {
    const failed = (await promisify(execFile)(process.execPath, [EVENT, kind, '--base-url', sandbox.baseUrl], {
      env: process.env,
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(failed.code).toBe(2);
    const [said, usage, kinds] = failed.stderr.split('\n');
    expect(said).toBe(`sandbox:event: "${kind}" is not a kind of event the sandbox knows${near}`);
    expect(usage).toMatch(/^usage: npm run sandbox:event -- <kind>/);
    expect(kinds).toMatch(/^kinds: contact\.created, contact\.edited, /);
  });
});
