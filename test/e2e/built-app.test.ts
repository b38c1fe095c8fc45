/**
 * What the built app loads (dist/, built by `npm test` first; scripts/build.ts): each operation, run in a fresh
 * Node process through core's app tester with nock answering CINNOX, loads only the bundles it uses. An app start
 * loads index.js alone; zod (zod.js) comes with the first input parsed, the phone metadata (phone.js) with the
 * first phone number, the SMS counter (sms.js) with the first SMS text.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const BASE_URL = 'https://lazy.cinnox.test';

/** Runs one operation of dist/index.js in a fresh process: its result (or error) and the dist files loaded. */
function run(
  op: string,
  inputData: Record<string, unknown>,
  answer: unknown,
): { loadedAtStart: string[]; loaded: string[]; result: unknown; error?: string } {
  const script = `
    process.env.NODE_ENV = 'test';
    const { basename, dirname, join } = require('node:path');
    const nock = require('nock');
    const zapier = require('zapier-platform-core');
    const dist = join(${JSON.stringify(root)}, 'dist');
    const app = require(join(dist, 'index.js'));
    const loadedNow = () => Object.keys(require.cache).filter((f) => dirname(f) === dist).map((f) => basename(f)).sort();
    const loadedAtStart = loadedNow();
    nock.disableNetConnect();
    nock(${JSON.stringify(BASE_URL)}).persist().get(/.*/).reply(200, ${JSON.stringify(answer)}).post(/.*/).reply(200, ${JSON.stringify(answer)});
    const [kind, key] = ${JSON.stringify(op)}.split('.');
    const bundle = { authData: { appId: 'a1', appToken: 't1', baseUrl: ${JSON.stringify(BASE_URL)} }, inputData: ${JSON.stringify(inputData)} };
    zapier.createAppTester(app)(app[kind][key].operation.perform, bundle).then(
      (result) => console.log(JSON.stringify({ loadedAtStart, loaded: loadedNow(), result })),
      (e) => console.log(JSON.stringify({ loadedAtStart, loaded: loadedNow(), error: String(e.message) })),
    );
  `;
  const out = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as ReturnType<typeof run>;
}

const contacts = { code: 0, result: [{ id: 'c-1', firstName: 'Ann', lastName: 'Lee' }] };
const sent = { code: 0, result: [{ recipientNumber: '+85294667788', transactionID: 't-1', status: 'Submitted' }] };

describe('the built app loads only what an operation uses', () => {
  it("is index.js and the three bundles it requires on first use (beside the scripts' examples.js)", () => {
    expect(readdirSync(join(root, 'dist'))).toEqual(['examples.js', 'index.js', 'phone.js', 'sms.js', 'zod.js']);
    const { loadedAtStart } = run('searches.find_contact', { full_name: 'Ann Lee' }, contacts);
    expect(loadedAtStart).toEqual(['index.js']);
  });

  it('Find External Contact by name: zod, no phone metadata, no SMS counter', () => {
    const { loaded, result } = run('searches.find_contact', { full_name: 'Ann Lee' }, contacts);
    expect(result).toEqual([expect.objectContaining({ id: 'c-1' })]);
    expect(loaded).toEqual(['index.js', 'zod.js']);
  });

  it('Send SMS: zod, the phone metadata and the SMS counter', () => {
    const input = {
      number_type: 'access-numbers',
      sender_number: '+85230001234',
      recipient_numbers: ['+85294667788'],
      text: 'Your order has shipped.',
    };
    const { loaded, result } = run('creates.send_sms', input, sent);
    expect(result).toEqual(expect.objectContaining({ encoding: 'GSM-7', parts: 1, characters: 23 }));
    expect(loaded).toEqual(['index.js', 'phone.js', 'sms.js', 'zod.js']);
  });

  it('Create External Contact with an e-mail and no phone: zod, no phone metadata', () => {
    const input = { first_name: 'Ann', last_name: 'Lee', email_address: 'ann@example.com' };
    const { loaded, error } = run('creates.create_contact', input, { code: 0, id: 'c-9' });
    expect(error).toBeUndefined();
    expect(loaded).toEqual(['index.js', 'zod.js']);
  });

  it('refuses a bad phone number and a bad e-mail address in one error, naming the fields', () => {
    const input = { first_name: 'Ann', last_name: 'Lee', phone_number: '94667788', email_address: 'ann@' };
    const { error } = run('creates.create_contact', input, { code: 0, id: 'c-9' });
    const refusal = JSON.parse(error!) as { message: string; code: string };
    expect(refusal.code).toBe('InvalidInput');
    expect(refusal.message).toBe(
      'Nothing was sent to CINNOX. Phone Number "94667788" must start with + and the country code, e.g. +85294667788. ' +
        'Email Address "ann@" is not an e-mail address (e.g. ann@example.com).',
    );
  });
});
