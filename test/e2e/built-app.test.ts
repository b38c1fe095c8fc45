/**
 * The built app (dist/, built by `npm test` first; scripts/build.ts) is one file that runs on its own: each
 * operation, run in a fresh Node process through core's app tester with nock answering CINNOX, loads nothing
 * from dist/ but index.js, and the libraries it reaches on first use (the phone metadata, zod's e-mail check,
 * the SMS counter) are inside it.
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

describe('the built app is one file', () => {
  it("is dist/index.js (beside the scripts' dist/examples.js), and an app start loads it alone", () => {
    expect(readdirSync(join(root, 'dist'))).toEqual(['examples.js', 'index.js']);
    const { loadedAtStart } = run('searches.find_contact', { full_name: 'Ann Lee' }, contacts);
    expect(loadedAtStart).toEqual(['index.js']);
  });

  it('Find External Contact by name', () => {
    const { loaded, result } = run('searches.find_contact', { full_name: 'Ann Lee' }, contacts);
    expect(result).toEqual([expect.objectContaining({ id: 'c-1' })]);
    expect(loaded).toEqual(['index.js']);
  });

  it('Send SMS: the phone check and the SMS counter from inside the bundle', () => {
    const input = {
      number_type: 'access-numbers',
      sender_number: '+85230001234',
      recipient_numbers: ['+85294667788'],
      text: 'Your order has shipped.',
    };
    const { loaded, result } = run('creates.send_sms', input, sent);
    expect(result).toEqual(expect.objectContaining({ encoding: 'GSM-7', parts: 1, characters: 23 }));
    expect(loaded).toEqual(['index.js']);
  });

  it("Create External Contact with an e-mail: zod's e-mail check from inside the bundle", () => {
    const input = { first_name: 'Ann', last_name: 'Lee', email_address: 'ann@example.com' };
    const { error } = run('creates.create_contact', input, { code: 0, id: 'c-9' });
    expect(error).toBeUndefined();
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
