/**
 * What a Zap builder is told for each way a CINNOX request can fail (src/cinnox/errors.ts), driven through the
 * app's operations: Get Number List for a read of a running Zap, Send SMS for a write.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, APP_TOKEN, App, BASE_URL, appTester, authData, failure } from '../helpers/app';

const test_ = App.authentication!.test as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const STAFF = `${API_ROOT}/contacts/staffcontact-list`;
const NUMBERS = `${API_ROOT}/access-numbers`;
const bundle = { authData };
const getNumberList = App.searches.find_numbers!.operation.perform as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const sendSms = App.creates.send_sms!.operation.perform as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const numbersBundle = { authData, inputData: { number_type: 'access-numbers' } };
const smsBundle = {
  authData,
  inputData: {
    number_type: 'access-numbers',
    sender_number: '+85230001234',
    recipient_numbers: ['+85294667788'],
    text: 'hi',
  },
};

describe('the App Token', () => {
  it("goes in the Authorization header of each CINNOX request, to the Base URL's origin", async () => {
    const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${APP_TOKEN}`, accept: 'application/json' } })
      .get(NUMBERS)
      .query(true)
      .reply(200, { result: [] });
    await appTester(getNumberList, numbersBundle);
    scope.done();
  });
});

describe('CINNOX error mapping', () => {
  const fail = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
    nock(BASE_URL)
      .get(NUMBERS)
      .query(true)
      .reply(status, body as nock.Body, headers);
    // A request of a running Zap (the connection test words a refused App Token or App ID for a first connection).
    return failure(() => appTester(getNumberList, numbersBundle));
  };

  it('6452000 asks the user to reconnect', async () => {
    const error = await fail(400, { code: 6452000, message: 'Invalid token' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('CINNOX code 6452000: Invalid token');
    expect(error.message).toMatch(/regenerated or this Zapier account was deleted.*Reconnect/);
  });

  it('HTTP 401 without a CINNOX code also asks to reconnect', async () => {
    const error = await fail(401, 'nope');
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('HTTP 401');
  });

  it.each([
    [
      'an HTML page',
      '<html><body><h1>403 Forbidden</h1></body></html>',
      ' ("<html><body><h1>403 Forbidden</h1></body></html>")',
    ],
    ["a gateway's JSON", { message: 'Missing Authentication Token' }, ' ("Missing Authentication Token")'],
    ['no body', '', ''],
  ])(
    'HTTP 403 without a CINNOX code (%s) is a refused request, never an expired connection',
    async (_what, body, said) => {
      const error = await fail(403, body);
      expect(error).toMatchObject({
        name: 'AppError',
        code: 'CinnoxForbidden',
        message: `The Base URL's host answered HTTP 403 (forbidden) without a CINNOX code${said}: a gateway or proxy in front of CINNOX refused this request; CINNOX did not refuse the App Token, so the connection stays on. Check the connection's Base URL (the one the CINNOX Dashboard shows, Administration > Service Integration > Third Party Integration > Zapier); if it is right, try again later, and if it keeps happening, ask your CINNOX administrator whether a firewall blocks requests from Zapier.`,
      });
    },
  );

  it("HTTP 403 with CINNOX's bad-token code asks to reconnect", async () => {
    const error = await fail(403, { code: 6452000, message: 'Invalid token' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toContain('CINNOX code 6452000: Invalid token');
  });

  it('6452001 says the App ID is wrong', async () => {
    const error = await fail(400, { code: 6452001, message: 'Invalid appID' });
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/does not recognise this connection's App ID \(CINNOX code 6452001: Invalid appID\)/);
  });

  it('6451010 is a throttled error Zapier retries', async () => {
    const error = await fail(400, { code: 6451010, message: 'Too many requests' });
    expect(error.name).toBe('ThrottledError');
    // 60 s when CINNOX names no delay, with up to 12 s of jitter.
    expect(error.delay).toBeGreaterThanOrEqual(60);
    expect(error.delay).toBeLessThanOrEqual(72);
    expect(error.message).toMatch(
      /CINNOX code 6451010: Too many requests; at most 500 requests a minute per CINNOX service account\)\. Zapier will retry in (6\d|7[0-2]) seconds\./,
    );
  });

  it('HTTP 429 honours Retry-After', async () => {
    const error = await fail(429, { message: 'slow down' }, { 'Retry-After': '12' });
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBeGreaterThanOrEqual(12);
    expect(error.delay).toBeLessThanOrEqual(17);
    expect(error.message).toContain(`retry in ${error.delay} seconds`);
  });

  it("6451000 repeats CINNOX's message verbatim after a plain sentence", async () => {
    const error = await fail(400, { code: 6451000, message: 'exceed maximum limit 500' });
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('CinnoxInvalidParameters');
    expect(error.message).toBe(
      "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: exceed maximum limit 500)",
    );
  });

  it('6451011 is a distinct not-found error where an empty list is not the answer (the connection test)', async () => {
    nock(BASE_URL).get(STAFF).query(true).reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => appTester(test_, bundle));
    expect(error.code).toBe('CinnoxNotFound');
    expect(error.message).toContain('CINNOX code 6451011');
  });

  it.each([
    [500, 'Internal Server Error', /HTTP 500: "Internal Server Error"/],
    [503, { message: 'down' }, /HTTP 503/],
    [400, { code: 6451001, message: 'Bad response from the service' }, /CINNOX code 6451001/],
  ])('HTTP %i / 6451001 is retryable and says CINNOX had a problem', async (status, body, message) => {
    const error = await fail(status, body);
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(/CINNOX had a problem/);
    expect(error.message).toMatch(message);
  });

  it.each([
    [500, 'Internal Server Error'],
    [400, { code: 6451001, message: 'Bad response from the service' }],
  ])('a failed POST (HTTP %i) is not retried: it may have been carried out', async (status, body) => {
    nock(BASE_URL)
      .post(`${API_ROOT}/sms`)
      .reply(status, body as nock.Body);
    const error = await failure(() => appTester(sendSms, smsBundle));
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('CinnoxServerError');
    expect(error.message).toMatch(
      /CINNOX had a problem .*may or may not have been carried out.*check CINNOX \(was the SMS sent/,
    );
  });

  it('HTTP 404 without a CINNOX code names the path and is not "no records"', async () => {
    nock(BASE_URL).get(NUMBERS).query(true).reply(404, { message: 'not here' });
    const error = await failure(() => appTester(getNumberList, numbersBundle));
    expect(error.code).toBe('CinnoxHttp404');
    expect(error.message).toBe(
      `CINNOX answered HTTP 404 for GET ${API_ROOT}/access-numbers: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("not here")`,
    );
  });

  it('a body that is not JSON gives the status and the first characters, not a crash', async () => {
    const error = await fail(400, `<html>${'x'.repeat(400)}</html>`);
    expect(error.code).toBe('CinnoxUnexpectedResponse');
    expect(error.message).toMatch(/^CINNOX answered HTTP 400 with a body that is not JSON: "<html>x+…"\.$/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('a 2xx answer that is not JSON is not taken for success (an HTML page from a wrong Base URL)', async () => {
    const error = await fail(200, '<!doctype html><title>Welcome</title>');
    expect(error.code).toBe('CinnoxUnexpectedResponse');
    expect(error.message).toBe(
      'CINNOX answered HTTP 200 with a body that is not JSON: "<!doctype html><title>Welcome</title>". Check the connection\'s Base URL.',
    );
  });

  it.each([
    ['an empty body', ''],
    ['a bare JSON list', '[]'],
  ])('a 2xx answer with %s is success', async (_what, body) => {
    nock(BASE_URL).get(STAFF).query(true).reply(200, body);
    await expect(appTester(test_, bundle)).resolves.toMatchObject({ appId: 'app123' });
  });

  it('another CINNOX code keeps the code and message', async () => {
    const error = await fail(400, { code: 7210104, message: 'RecipientNumber Invalid format' });
    expect(error.code).toBe('Cinnox7210104');
    expect(error.message).toBe(
      "CINNOX refused the request (CINNOX code 7210104: RecipientNumber Invalid format). Check this step's fields; if they are right, ask CINNOX support what code 7210104 means for your account.",
    );
  });

  it('6450001 without a reason names the method and path CINNOX does not know', async () => {
    const error = await fail(400, { code: 6450001 });
    expect(error.code).toBe('Cinnox6450001');
    expect(error.message).toBe(
      "CINNOX does not know GET /v1/api/apps/app123/access-numbers (CINNOX code 6450001). Check the connection's Base URL; if it is right, report this to the app's developers.",
    );
  });

  it('an error code inside an HTTP 200 body is still an error', async () => {
    const error = await fail(200, { code: 6452000, message: 'Invalid token' });
    expect(error.name).toBe('ExpiredAuthError');
  });
});
