/**
 * What the built app loads (dist/, built by `npm test` first; scripts/build.ts): each operation, run in a fresh
 * Node process through core's app tester with nock answering CINNOX, loads only the bundles it uses. An app start
 * loads index.js alone; zod (zod.js) comes with the first input parsed, the phone metadata (phone.js) with the
 * first phone number, the SMS counter (sms.js) with the first SMS text.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, lastJsonOf } from '../helpers/node-script';

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
  return lastJsonOf<ReturnType<typeof run>>(script, { timeoutMs: 60_000 });
}

const contacts = { code: 0, result: [{ id: 'c-1', firstName: 'Ann', lastName: 'Lee' }] };
const sent = { code: 0, result: [{ recipientNumber: '+85294667788', transactionID: 't-1', status: 'Submitted' }] };

describe('the built app loads only what an operation uses', () => {
  it("is index.js and the three bundles it requires on first use (beside the scripts' examples.js and the maps)", () => {
    expect(readdirSync(join(root, 'dist'))).toEqual([
      'examples.js',
      'index.js',
      'index.js.map',
      'phone.js',
      'phone.js.map',
      'sms.js',
      'sms.js.map',
      'zod.js',
      'zod.js.map',
    ]);
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

describe("the built phone check (dist/phone.js: libphonenumber-js's metadata without what the app never reads)", () => {
  type PhoneLib = typeof import('../../src/input/phone-lib');
  // The library with its whole /min metadata (jest loads the package itself), and the bundle the app ships.
  const whole = jest.requireActual<typeof import('libphonenumber-js/min')>('libphonenumber-js/min');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the app requires it
  const built = require(join(root, 'dist/phone.js')) as PhoneLib;
  const examples = jest.requireActual<Record<string, string>>('libphonenumber-js/examples.mobile.json');
  const { getCountryCallingCode } = jest.requireActual<typeof import('libphonenumber-js/min')>('libphonenumber-js/min');

  // The app's reading (the parsed number's own isValid) against the whole library's isValidPhoneNumber.
  const readingOf = (lib: PhoneLib | typeof whole, text: string) => {
    try {
      const phone = lib.parsePhoneNumberWithError(text);
      const valid = 'isValidPhoneNumber' in lib ? lib.isValidPhoneNumber(text) : phone.isValid();
      return { valid, number: phone.number, country: phone.country, ext: phone.ext };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  it("reads every country's example number, and that number one digit off, short, long or with a trunk 0, as the whole library does", () => {
    const numbers = Object.entries(examples).flatMap(([country, national]) => {
      const code = `+${getCountryCallingCode(country as Parameters<typeof getCountryCallingCode>[0])}`;
      const last = national.at(-1)!;
      return [
        `${code}${national}`,
        `${code}${national.slice(0, -1)}${last === '9' ? '0' : String(Number(last) + 1)}`,
        `${code}${national.slice(0, -1)}`,
        `${code}${national}7`,
        `${code}0${national}`,
        `${code} ${national} ext. 12`,
      ];
    });
    numbers.push('+80012345678', '+8081234567', '+870301234567', '+979123456789', '+1 415 555 0123', '+12');
    expect(numbers.length).toBeGreaterThan(1400);
    const differ = numbers.filter((n) => JSON.stringify(readingOf(built, n)) !== JSON.stringify(readingOf(whole, n)));
    expect(differ).toEqual([]);
    // The comparison means something: most examples are valid, and the altered ones often not.
    const valid = numbers.filter((n) => readingOf(built, n).valid).length;
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(numbers.length - 300);
  });
});
