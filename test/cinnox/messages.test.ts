/**
 * Messages a Zap builder can act on at the edges of CINNOX: network failures, a refused
 * App Token or App ID at the first connection, CINNOX's reason always shown, Retry-After honoured and clamped.
 * Each goes through the app's operations (the connection test, Send SMS, Get Number List).
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, authData, bundleWith, failure } from '../helpers/app';

const connectionTest = App.authentication!.test as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const sendSms = App.creates!.send_sms!.operation.perform as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const createContact = App.creates!.create_contact!.operation.perform as (z: ZObject, b: Bundle) => Promise<unknown>;
const findNumbers = App.searches!.find_numbers!.operation.perform as (z: ZObject, b: Bundle) => Promise<unknown>;
const STAFF = `${API_ROOT}/contacts/staffcontact-list`;
const NUMBERS = `${API_ROOT}/access-numbers`;
/** A socket error as Node raises it (nock needs an Error instance: a plain object hangs node-fetch). */
const socketError = ({ code, message }: { code: string; message: string }) =>
  Object.assign(new Error(message), { code });
const smsInput = { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'] };

describe('network failures', () => {
  const cases: [string, { code: string; message: string }, string][] = [
    [
      'ENOTFOUND',
      { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.cinnox.test' },
      'the host name was not found (DNS)',
    ],
    [
      'ECONNREFUSED',
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:443' },
      'the connection was refused',
    ],
    [
      'ETIMEDOUT on connect',
      { code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 10.0.0.1:443' },
      'the connection timed out',
    ],
    [
      'an OpenSSL "wrong version number"',
      {
        code: 'EPROTO',
        message:
          '8010E0F7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/ssl/record/ssl3_record.c:354:',
      },
      'the TLS (https) handshake failed',
    ],
    [
      'an expired certificate',
      { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' },
      'the TLS (https) handshake failed',
    ],
  ];

  it.each(cases)('%s in the connection test names the host, the failure and the Base URL', async (_n, cause, kind) => {
    nock(BASE_URL).get(STAFF).query(true).replyWithError(socketError(cause));
    const error = await failure(() => appTester(connectionTest, { authData }));
    expect(error.code).toBe('CinnoxUnreachable');
    expect(error.message).toBe(
      `CINNOX could not be reached at the Base URL's host api.cinnox.test: ${kind}. Check the connection's Base URL (copy it again from the CINNOX Dashboard, Administration > Service Integration > Third Party Integration > Zapier); if it is right, CINNOX or the network may be down for a while: try again later. (request to ${BASE_URL}${STAFF}?offset=0&limit=1 failed, reason: ${cause.message})`,
    );
  });

  it('a read reset twice (sent once more after a pause) says no answer came, not that CINNOX is unreachable', async () => {
    nock(BASE_URL)
      .get(STAFF)
      .query(true)
      .times(2)
      .replyWithError(socketError({ code: 'ECONNRESET', message: 'read ECONNRESET' }));
    const error = await failure(() => appTester(connectionTest, { authData }));
    expect(error.code).toBe('CinnoxTimeout');
    expect(error.message).toBe(
      `CINNOX gave no answer to this step's request: the connection was reset before the whole answer came, also when it was sent a second time. The step stopped within the 25 seconds it has, before Zapier's own 30-second limit. CINNOX or the network may be slow or down for a while: try again later. (request to ${BASE_URL}${STAFF}?offset=0&limit=1 failed, reason: read ECONNRESET)`,
    );
  });

  it('an answer whose message says "timed out" is still an answer (a 504 is retried)', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(504, { message: 'upstream request timed out' });
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toContain('(HTTP 504: upstream request timed out)');
  });

  it('in a running action too (Send SMS), with the original text at the end', async () => {
    nock(BASE_URL)
      .post(`${API_ROOT}/sms`)
      .replyWithError(socketError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:443' }));
    const error = await failure(() => appTester(sendSms, bundleWith({ ...smsInput, text: 'Hi' })));
    expect(error.code).toBe('CinnoxUnreachable');
    expect(error.message).toMatch(
      /^CINNOX could not be reached at the Base URL's host api\.cinnox\.test: the connection was refused\. Check the connection's Base URL .*\(request to .* failed, reason: connect ECONNREFUSED 10\.0\.0\.1:443\)$/,
    );
  });
});

describe('a refused App Token or App ID', () => {
  it.each([
    [400, { code: 6452000, message: 'Invalid token' }, 'CINNOX code 6452000: Invalid token'],
    [401, { message: 'Unauthorized' }, 'HTTP 401: Unauthorized'],
  ])('the connection test (HTTP %i) says the App Token was not accepted: copy it again', async (status, body, tag) => {
    nock(BASE_URL).get(STAFF).query(true).reply(status, body);
    const error = await failure(() => appTester(connectionTest, { authData }));
    expect(error.code).toBe('CinnoxAppTokenRefused');
    expect(error.message).toBe(
      `CINNOX did not accept the App Token (${tag}). Copy it again from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier: your Zapier account's More (...) > View), in full and without spaces, together with the App ID and Base URL of the same Zapier account. If the App Token was regenerated in CINNOX, only the new one works.`,
    );
  });

  it("the connection test on a gateway's 403 page points at the Base URL, not the App Token", async () => {
    nock(BASE_URL).get(STAFF).query(true).reply(403, '<html><body>Forbidden</body></html>');
    const error = await failure(() => appTester(connectionTest, { authData }));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'CinnoxForbidden',
      message: `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code ("<html><body>Forbidden</body></html>"): a gateway or proxy in front of CINNOX refused the connection test before CINNOX checked the App ID and App Token. Copy the Base URL again from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier: your Zapier account's More (...) > View); if it is right, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`,
    });
  });

  it('the connection test says which App ID CINNOX does not recognise', async () => {
    nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6452001, message: 'Invalid appID' });
    const error = await failure(() => appTester(connectionTest, { authData }));
    expect(error.code).toBe('CinnoxAppIdRefused');
    expect(error.message).toBe(
      `CINNOX does not recognise the App ID "app123" (CINNOX code 6452001: Invalid appID). Copy it again from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier: your Zapier account's More (...) > View), together with the App Token and Base URL of the same Zapier account.`,
    );
  });

  it('a running Zap keeps "no longer accepts … reconnect"', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(400, { code: 6452000, message: 'Invalid token' });
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message.split('\nWhat happened:')[0]).toBe(
      "CINNOX no longer accepts this connection's App Token (CINNOX code 6452000: Invalid token). The token was regenerated or this Zapier account was deleted in CINNOX (Administration > Service Integration > Third Party Integration > Zapier). Reconnect your CINNOX account in Zapier with the current App ID, App Token and Base URL.",
    );
  });
});

describe("CINNOX's reason is always shown", () => {
  it('HTTP 400 with code 0 and a message', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(400, { code: 0, message: 'firstName or lastName is required' });
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.code).toBe('CinnoxError');
    expect(error.message).toBe('CINNOX refused the request (HTTP 400): firstName or lastName is required');
  });

  it('… and on Create External Contact, with the Zapier fields of the API fields it names', async () => {
    nock(BASE_URL)
      .post(`${API_ROOT}/management/create_externalcontact`)
      .reply(400, { code: 0, message: 'firstName or lastName is required' });
    const error = await failure(() => appTester(createContact, bundleWith({ first_name: 'Ann' })));
    expect(error.code).toBe('CinnoxError');
    expect(error.message).toBe(
      "CINNOX refused the request (HTTP 400): firstName or lastName is required. In this step's fields: firstName is First Name, lastName is Last Name.",
    );
  });

  it('HTTP 422 without a message still says the status', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(422, {});
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.message).toBe('CINNOX refused the request (HTTP 422).');
  });

  it('a 5xx with a JSON message shows it', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(503, { message: 'maintenance until 10:00 UTC' });
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.message).toMatch(
      /^CINNOX had a problem answering this request \(HTTP 503: maintenance until 10:00 UTC\)\. Zapier will retry in 3\d seconds; if it keeps failing, check CINNOX's status\.$/,
    );
  });
});

describe('Retry-After', () => {
  const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  const throttled = async (status: number, body: nock.Body, retryAfter?: string) => {
    nock(BASE_URL)
      .get(NUMBERS)
      .query(true)
      .reply(status, body, retryAfter === undefined ? {} : { 'Retry-After': retryAfter });
    const error = await failure(() => appTester(findNumbers, bundleWith({ number_type: 'access-numbers' })));
    expect(error.name).toBe('ThrottledError');
    return error;
  };
  const inTwoMinutes = new Date(NOW + 120_000).toUTCString();
  /**
   * The delay CINNOX asked for (clamped to 1–300 s) with the app's jitter: up to a fifth more (at least 5 s), so
   * the tasks of one burst come back spread out; at the 300 s cap the window ends at 300.
   */
  const expectJittered = (error: { delay?: number; message: string }, asked: number, end: string) => {
    const spread = Math.max(5, Math.round(asked / 5));
    const low = Math.min(asked, 300 - spread);
    expect(error.delay).toBeGreaterThanOrEqual(low);
    expect(error.delay).toBeLessThanOrEqual(low + spread);
    expect(error.message).toContain(`Zapier will retry in ${error.delay} seconds${end}`);
  };

  it.each([
    ['delta-seconds', '12', 12],
    ['an HTTP-date', inTwoMinutes, 120],
    ['0 (the minimum, not 60)', '0', 1],
    ['a negative delay', '-5', 1],
    ['a date in the past', new Date(NOW - 60_000).toUTCString(), 1],
    ['a day (the maximum)', '86400', 300],
    ['something unreadable (the default)', 'soon', 60],
  ])('on HTTP 429: %s', async (_what, retryAfter, delay) => {
    const error = await throttled(429, { message: 'slow down' }, retryAfter);
    expectJittered(error, delay, '.');
  });

  it('spreads the delays of a burst within 1–300 s', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 20; i += 1) delays.push((await throttled(429, { message: 'slow down' }, '12')).delay!);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(12);
    expect(Math.max(...delays)).toBeLessThanOrEqual(17);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it('on 6451010 in an HTTP-date', async () => {
    const error = await throttled(400, { code: 6451010, message: 'Too many requests' }, inTwoMinutes);
    expectJittered(error, 120, '.');
  });

  it.each([
    ['delta-seconds', '45', 45],
    ['an HTTP-date', inTwoMinutes, 120],
    ['a day', '86400', 300],
    ['none (30 s)', undefined, 30],
  ])('on a 5xx retry: %s', async (_what, retryAfter, delay) => {
    const error = await throttled(503, { message: 'busy' }, retryAfter);
    expectJittered(error, delay, ';');
  });
});
