import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, APP_ID, APP_TOKEN, App, BASE_URL, appTester, authData, failure } from './helpers/app';

const test_ = App.authentication!.test as (z: ZObject, bundle: Bundle) => Promise<unknown>;
const label = App.authentication!.connectionLabel as (z: ZObject, bundle: Bundle) => Promise<string>;
const STAFF = `${API_ROOT}/contacts/staffcontact-list`;

const withAuth = (over: Partial<typeof authData> = {}) => ({ authData: { ...authData, ...over } });

describe('authentication', () => {
  it('declares the three Dashboard fields, the token as a password', () => {
    const fields = App.authentication!.fields!;
    expect(fields.map((f) => [f.key, f.label, f.type, f.required])).toEqual([
      ['appId', 'App ID', 'string', true],
      ['appToken', 'App Token', 'password', true],
      ['baseUrl', 'Base URL', 'string', true],
    ]);
    const [appId, appToken, baseUrl] = fields.map((f) => f.helpText!);
    // Where to find each value (Zapier's publishing review asks it of every field), and what ends the
    // connection, said once: on the App ID field.
    expect(appId).toBe(
      'The App ID of your CINNOX Zapier account. In the CINNOX Dashboard: ' +
        '**Administration > Service Integration > Third Party Integration > Zapier** > **Add Zapier Account** ' +
        "(see [CINNOX's Zapier guide](https://docs.cinnox.com/docs/zapier)). " +
        'Regenerating the App Token or deleting that account ends this connection.',
    );
    expect(appToken).toBe(
      'The App Token shown next to the App ID in the CINNOX Dashboard: ' +
        "**Administration > Service Integration > Third Party Integration > Zapier** > your Zapier account's More (...) > View " +
        "(see [CINNOX's Zapier guide](https://docs.cinnox.com/docs/zapier)).",
    );
    expect(baseUrl).toBe(
      'The Base URL shown next to the App ID in the CINNOX Dashboard ' +
        "(**Administration > Service Integration > Third Party Integration > Zapier**, see [CINNOX's Zapier guide](https://docs.cinnox.com/docs/zapier)), " +
        'e.g. `https://examplebaseurl.com` (an ending `/v1/api/apps/{App ID}` is fine).',
    );
  });

  it('tests a good connection with one authenticated read, and labels it with App ID and host', async () => {
    const scope = nock(BASE_URL, {
      reqheaders: {
        authorization: `Bearer ${APP_TOKEN}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
    })
      .get(STAFF)
      .query({ offset: '0', limit: '1' })
      .reply(200, { code: 0, result: [{ id: 's1', firstName: 'Ann' }] });
    const result = await appTester(test_, withAuth());
    expect(result).toEqual({ appId: APP_ID, host: 'api.cinnox.test' });
    scope.done();
    await expect(appTester(label, withAuth())).resolves.toBe(`${APP_ID} @ api.cinnox.test`);
  });

  const variants = [
    'https://api.cinnox.test',
    'https://api.cinnox.test/',
    'api.cinnox.test',
    `https://api.cinnox.test/v1/api/apps/${APP_ID}`,
    `https://api.cinnox.test/v1/api/apps/${APP_ID}/`,
    '  https://API.cinnox.test//  ',
  ];
  it.each(variants)('normalizes Base URL %p to the same request URL', async (baseUrl) => {
    const scope = nock(BASE_URL).get(STAFF).query(true).reply(200, []);
    await appTester(test_, withAuth({ baseUrl }));
    scope.done();
  });

  it('allows plain http only for the local sandbox', async () => {
    const scope = nock('http://127.0.0.1:4010').get(STAFF).query(true).reply(200, []);
    await appTester(test_, withAuth({ baseUrl: 'http://127.0.0.1:4010' }));
    scope.done();
  });

  const bad: [string, RegExp][] = [
    ['http://api.cinnox.test', /must use https:\/\/.*localhost and 127\.0\.0\.1/],
    ['https://user:pw@api.cinnox.test', /must not contain a user name or password/],
    ['https://api.cinnox.test/?x=1', /must not contain a query string/],
    ['https://api.cinnox.test/#top', /must not contain a fragment/],
    ['https://api.cinnox.test/v1/api/apps/other', /ends in "\/v1\/api\/apps\/other", but the App ID is "app123"/],
    ['https://api.cinnox.test/somewhere/else', /path "\/somewhere\/else" is not CINNOX's/],
    ['ftp://api.cinnox.test', /must start with https:\/\//],
    ['', /Base URL is empty/],
    ['https://exa mple.com', /is not a URL/],
  ];
  it.each(bad)('refuses Base URL %p before any request', async (baseUrl, message) => {
    // No interceptor: nock would fail any request that went out.
    const error = await failure(() => appTester(test_, withAuth({ baseUrl })));
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('InvalidBaseUrl');
    expect(error.message).toMatch(message);
  });

  const long = 'x'.repeat(1_000_000);
  const head = (text: string) => `"${text.slice(0, 200)}…" (length ${text.length.toLocaleString('en-US')})`;
  it.each([
    [
      'a Base URL that is no URL',
      { baseUrl: `https://exa mple.com/${long}` },
      (v: string) => `Base URL ${head(v)} is not a URL.`,
    ],
    [
      'a Base URL path',
      { baseUrl: `https://api.cinnox.test/${long}` },
      () => `Base URL path ${head(`/${long}`)} is not CINNOX's`,
    ],
    [
      'a query string',
      { baseUrl: `https://api.cinnox.test/?${long}` },
      () => `must not contain a query string (${head(`?${long}`)})`,
    ],
    ['plain http', { baseUrl: `http://api.cinnox.test/${long}` }, (v: string) => `You entered ${head(v)}.`],
    ['an App ID with a space', { appId: `a ${long}` }, (v: string) => `App ID ${head(v)} contains spaces`],
    [
      'an App ID of another Base URL',
      { baseUrl: `https://api.cinnox.test/v1/api/apps/${long}` },
      () => `ends in ${head(`/v1/api/apps/${long}`)}, but the App ID is "app123"`,
    ],
  ])(
    'a million-character value in %s is quoted as its first 200 characters and its length',
    async (_what, over, quoted) => {
      const error = await failure(() => appTester(test_, withAuth(over)));
      expect(error.code).toBe('InvalidBaseUrl');
      expect(error.message).toContain(quoted(Object.values(over)[0]!));
      expect(error.message.length).toBeLessThan(600);
    },
  );

  const COPY_AGAIN =
    "Copy the App Token again from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier > your Zapier account's More (...) > View) and reconnect.";
  it.each([
    ['a line break', 'sEcReT\nsEcReT'],
    ['a header after a line break', 'sEcReT\r\nX-Forwarded-For: 1'],
    ['a NUL', 'sEcReT\u0000'],
    ['a tab inside', 'sEcReT\tsEcReT'],
    ['a space inside', 'sEcReT sEcReT'],
    ['"Bearer " before it', 'Bearer sEcReT'],
    ['a character beyond Latin-1', 'sEcReT€'],
    ['an emoji', 'sEcReT😀'],
  ])('refuses an App Token with %s before any request, without quoting it', async (_what, appToken) => {
    const expected = `App Token contains a space, a line break or a character no App Token has (not shown here: it is a secret), so nothing was sent. ${COPY_AGAIN}`;
    const tested = await failure(() => appTester(test_, withAuth({ appToken })));
    expect(tested).toMatchObject({ name: 'AppError', code: 'InvalidAppToken', message: expected });
    const action = await failure(() =>
      appTester(App.searches!.find_contact!.operation.perform as (z: ZObject, b: Bundle) => Promise<unknown>, {
        ...withAuth({ appToken }),
        inputData: { full_name: 'Ann Lee' },
      }),
    );
    expect(action.message).toBe(expected);
    expect(`${tested.message}${action.message}`).not.toContain('sEcReT');
  });

  it('refuses an empty App Token before any request', async () => {
    const error = await failure(() => appTester(test_, withAuth({ appToken: ' \n ' })));
    expect(error).toMatchObject({
      code: 'InvalidAppToken',
      message: `App Token is empty, so nothing was sent. Copy the App Token from the CINNOX Dashboard (Administration > Service Integration > Third Party Integration > Zapier > your Zapier account's More (...) > View) and reconnect.`,
    });
  });

  it('sends an App Token pasted with a line break or spaces at its ends without them', async () => {
    const scope = nock(BASE_URL, { reqheaders: { authorization: `Bearer ${APP_TOKEN}` } })
      .get(STAFF)
      .query(true)
      .reply(200, []);
    await appTester(test_, withAuth({ appToken: `  ${APP_TOKEN}\r\n` }));
    scope.done();
  });

  it.each([
    ['a NUL', 'app\u0000123', 'contains spaces, control characters, "/", "\\", "%", "?" or "#"'],
    ['a backslash', 'app\\123', 'contains spaces, control characters, "/", "\\", "%", "?" or "#"'],
    ['a % escape', 'app%2F123', 'contains spaces, control characters, "/", "\\", "%", "?" or "#"'],
    ['129 characters', 'a'.repeat(129), 'is longer than a CINNOX App ID (at most 128 characters)'],
  ])('refuses an App ID with %s before any request', async (_what, appId, problem) => {
    const error = await failure(() => appTester(test_, withAuth({ appId })));
    expect(error).toMatchObject({ code: 'InvalidBaseUrl' });
    expect(error.message).toBe(`App ID "${appId}" ${problem}: copy it again from the CINNOX Dashboard.`);
  });

  it('refuses an empty App ID before any request', async () => {
    const error = await failure(() => appTester(test_, withAuth({ appId: ' ' })));
    expect(error.message).toMatch(/App ID is empty/);
  });
});
