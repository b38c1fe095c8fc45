/**
 * The sandbox's Open API, over HTTP against a real child process: its start-up line and CINNOX's error contract
 * (token, App ID, method not found, parameters, no records, the rate limit).
 */
import { spawnSync } from 'node:child_process';
import {
  CALL_LOG_CALL_ID_PARAM,
  CALL_LOG_PATH,
  CONTACT_CREATE_PATH,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_DETAIL_PATH,
  LABEL_LIST_PATH,
  MESSAGE_PUSH_PATH,
  SEND_SMS_PATH,
  SMS_DETAIL_PATH,
  STAFF_LIST_PATH,
  contactUpdatePath,
  numberListPath,
  subscriptionPath,
} from '../../src/cinnox/contract';
import { SERVER, badParameters, sharedSandbox, startSandbox, type Sandbox } from './harness';

const sandbox = sharedSandbox();
const isoWeek = () => {
  const end = new Date();
  const start = new Date(end.getTime() - 7 * 24 * 3600 * 1000);
  return `startAt=${encodeURIComponent(start.toISOString())}&endAt=${encodeURIComponent(end.toISOString())}`;
};

describe('start-up', () => {
  it('prints one JSON line with the base URL, App ID and App Token, and answers there', async () => {
    expect(sandbox()).toMatchObject({ sandbox: 'cinnox', appId: 'sandbox-app', appToken: 'sandbox-token' });
    expect(sandbox().baseUrl).toBe(`http://127.0.0.1:${sandbox().port}`);
    expect(sandbox().apiRoot).toBe(`${sandbox().baseUrl}/v1/api/apps/sandbox-app`);
    expect(sandbox().adminUrl).toBe(`${sandbox().baseUrl}/__admin`);
    expect(sandbox().port).toBeGreaterThan(0);
    expect(sandbox().pid).toBe(sandbox().process.pid);
    const answer = await fetch(`${sandbox().baseUrl}/`);
    expect(await answer.json()).toEqual({ sandbox: 'cinnox', apiRoot: '/v1/api/apps/sandbox-app', admin: '/__admin' });
  });

  it('stops cleanly on SIGINT (Ctrl-C), exit status 0', async () => {
    const other = await startSandbox();
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      other.process.once('exit', (code, signal) => resolve([code, signal])),
    );
    other.process.kill('SIGINT');
    await expect(exit).resolves.toEqual([0, null]);
    await expect(fetch(`${other.baseUrl}/`)).rejects.toThrow();
  });

  it('refuses a bad flag with exit status 2 and says which', () => {
    const run = spawnSync(process.execPath, [SERVER, '--port', 'eighty'], { encoding: 'utf8', env: process.env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--port must be a whole number, not "eighty"');
  });
});

describe('error contract', () => {
  it('6452000 Invalid token: wrong or missing Bearer token', async () => {
    const want = { status: 400, data: { code: 6452000, message: 'Invalid token' } };
    await expect(sandbox().api('GET', STAFF_LIST_PATH, { token: 'wrong' })).resolves.toEqual(want);
    await expect(sandbox().api('GET', STAFF_LIST_PATH, { token: null })).resolves.toEqual(want);
    const basic = await fetch(`${sandbox().apiRoot}${STAFF_LIST_PATH}`, {
      headers: { authorization: 'Basic c2FuZGJveC10b2tlbg==' },
    });
    expect([basic.status, await basic.json()]).toEqual([400, want.data]);
  });

  it('6452001 Invalid appID: an App ID in the path other than the account’s, even with the right token', async () => {
    await expect(sandbox().api('GET', STAFF_LIST_PATH, { appId: 'someone-else' })).resolves.toEqual({
      status: 400,
      data: { code: 6452001, message: 'Invalid appID' },
    });
  });

  it('6450001 method not found: an unknown path or the wrong method', async () => {
    await expect(sandbox().api('GET', '/contacts/everyone')).resolves.toEqual({
      status: 400,
      data: { code: 6450001, message: 'method not found, method: GET url: /v1/api/apps/sandbox-app/contacts/everyone' },
    });
    await expect(sandbox().api('DELETE', LABEL_LIST_PATH)).resolves.toMatchObject({
      status: 400,
      data: { code: 6450001 },
    });
    await expect(
      sandbox().api('PATCH', '/no-such-event-sub', { body: { enabled: true, url: 'http://127.0.0.1:1/' } }),
    ).resolves.toMatchObject({ data: { code: 6450001 } });
  });

  it.each([
    [`${CONTACT_LIST_PATH}?limit=501`, 'exceed maximum limit 500'],
    [`${CONTACT_LIST_PATH}?offset=-1`, 'negative offset'],
    [`${STAFF_LIST_PATH}?limit=-5`, 'negative limit'],
    [`${LABEL_LIST_PATH}?limit=ten`, 'invalid query: (limit)'],
    [`${CONTACT_LIST_PATH}?name=Ann&email=x`, 'invalid query: (name), (email)'],
    // A report read without its window, by case number or call id too (§0.3).
    [ENQUIRY_DETAIL_PATH, 'Empty time range (missing startAt and endAt)'],
    [`${ENQUIRY_DETAIL_PATH}?${ENQUIRY_CASE_NUMBER_PARAM}=1001`, 'Empty time range (missing startAt and endAt)'],
    [
      `${ENQUIRY_DETAIL_PATH}?${ENQUIRY_CASE_NUMBER_PARAM}=1001&offset=0&limit=500`,
      'Empty time range (missing startAt and endAt)',
    ],
    [SMS_DETAIL_PATH, 'Empty time range (missing startAt and endAt)'],
    [CALL_LOG_PATH, 'Empty time range (missing startAt and endAt)'],
    [`${CALL_LOG_PATH}?${CALL_LOG_CALL_ID_PARAM}=call-00000001`, 'Empty time range (missing startAt and endAt)'],
    [
      `${CALL_LOG_PATH}?${CALL_LOG_CALL_ID_PARAM}=call-00000001&offset=0&limit=1`,
      'Empty time range (missing startAt and endAt)',
    ],
    [`${ENQUIRY_DETAIL_PATH}?startAt=2024-01-01T00:00:00Z`, 'missing one of startAt, endAt'],
    [`${SMS_DETAIL_PATH}?startAt=2024-02-01T00:00:00Z&endAt=2024-01-01T00:00:00Z`, 'endAt is prior to startAt'],
    [`${SMS_DETAIL_PATH}?startAt=2024-01-01&endAt=2024-01-02T00:00:00Z`, 'invalid query: (startAt)'],
    [`${ENQUIRY_DETAIL_PATH}?startAt=2024-01-01T00:00:00Z&endAt=2024-06-01T00:00:00Z`, 'Exceed maximum query day 90'],
    [`${numberListPath('cli')}?limit=1000`, 'exceed maximum limit 500'],
  ])('6451000 for GET %s: "%s"', async (apiPath, message) => {
    await expect(sandbox().api('GET', apiPath)).resolves.toEqual(badParameters(message));
  });

  const ann = { firstName: 'Ann', lastName: 'Lee' };
  it.each([
    [{}, 'firstName or lastName is required'],
    [
      { ...ann, phones: [{ type: 'Mobile', phone: '85294667788' }] },
      'invalid phones[0].phone: "85294667788" ("+" and the country code are required, e.g. +85294667788)',
    ],
    [
      { ...ann, phones: [{ type: 'Fax', phone: '+85294667788' }] },
      'invalid phones[0].type: "Fax" (one of Mobile, Work, Home, Other)',
    ],
    [{ ...ann, emails: [{ type: 'Work', email: 'ann@' }] }, 'invalid emails[0].email: "ann@"'],
    [{ ...ann, birthDate: '1990-05-31' }, 'invalid birthDate: "1990-05-31" (format DD/MM/YYYY, a past date)'],
    [{ ...ann, birthDate: '31/02/1990' }, 'invalid birthDate: "31/02/1990" (format DD/MM/YYYY, a past date)'],
    [{ ...ann, level: 'Gold' }, 'invalid level: "Gold" (one of Primary, Secondary, Tertiary)'],
    [{ ...ann, type: 'Client' }, 'invalid type: "Client" (one of Lead, Prospect, Customer, Others)'],
    [{ ...ann, firstName: 'A'.repeat(51) }, 'firstName exceeds maximum length 50'],
    [{ ...ann, company: 7 }, 'Unknown data type: company must be a string'],
    [
      { ...ann, addresses: { country: 'Hong Kong' } },
      'invalid addresses.country: "Hong Kong" (ISO 3166 two-letter country code, e.g. HK)',
    ],
    [{ ...ann, addresses: { zipcode: '12345678901' } }, 'addresses.zipcode exceeds maximum length 10'],
    [
      { ...ann, socialContacts: [{ key: 'Messenger', value: 'ann' }] },
      'invalid socialContacts[0].key: "Messenger" (one of facebook, whatsApp, weChat, line, twitter, linkedin, woztellWhatsApp, woztellFacebook, woztellInstagram)',
    ],
    [{ ...ann, fullName: 'Ann Lee' }, 'invalid parameter: (fullName)'],
  ])('6451000 for a contact body %j: "%s"; nothing is stored', async (body, message) => {
    await expect(sandbox().api('POST', CONTACT_CREATE_PATH, { body })).resolves.toEqual(badParameters(message));
    const state = await sandbox().admin('GET', '/state');
    expect(state.contacts).toHaveLength(2);
    expect(state.events).toEqual([]);
  });

  it('counts the contact limits as a person does, like the app: 49 letters and 👍🏽 are 50 characters', async () => {
    const thumb = '👍🏽'; // two code points, four UTF-16 units, one character
    const body = {
      firstName: `${'a'.repeat(49)}${thumb}`,
      company: `${'é'.repeat(99)}${thumb}`,
      addresses: { zipcode: `${'1'.repeat(9)}${thumb}` },
    };
    await expect(sandbox().api('POST', CONTACT_CREATE_PATH, { body })).resolves.toMatchObject({
      status: 200,
      data: { code: 0 },
    });
    await expect(
      sandbox().api('POST', CONTACT_CREATE_PATH, { body: { ...body, firstName: `${'a'.repeat(50)}${thumb}` } }),
    ).resolves.toEqual(badParameters('firstName exceeds maximum length 50'));
    expect((await sandbox().admin('GET', '/state')).contacts).toHaveLength(3);
  });

  it('6451000 for an update with no field; 6451011 for an unknown contact id', async () => {
    await expect(sandbox().api('PUT', contactUpdatePath('64f000000000000000000001'), { body: {} })).resolves.toEqual(
      badParameters('nothing to update: the request body has no field'),
    );
    await expect(sandbox().api('PUT', contactUpdatePath('nobody'), { body: { jobTitle: 'CEO' } })).resolves.toEqual({
      status: 400,
      data: { code: 6451011, message: 'No records found' },
    });
  });

  const text = (t: string) => ({ type: 'text', text: t });
  it.each([
    ['roomID or receiverEID is required', { messages: [text('hi')] }],
    ['messages is required', { roomID: 'r1' }],
    ['messages is required', { roomID: 'r1', messages: [] }],
    ['exceed maximum messages 10', { roomID: 'r1', messages: Array.from({ length: 11 }, () => text('hi')) }],
    ['messages[0].text exceeds maximum length 5000', { roomID: 'r1', messages: [text('x'.repeat(5001))] }],
    [
      'Unknown data type: messages[0].type "image" (only "text" is supported)',
      { roomID: 'r1', messages: [{ type: 'image', text: 'x' }] },
    ],
    ['invalid receiverEID: "not-a-staff-id"', { receiverEID: 'not-a-staff-id', messages: [text('hi')] }],
  ])('6451000 for a message push: "%s"; nothing is recorded', async (message, body) => {
    await expect(sandbox().api('POST', MESSAGE_PUSH_PATH, { body })).resolves.toEqual(badParameters(message));
    expect((await sandbox().admin('GET', '/state')).messages).toEqual([]);
  });

  it('accepts 10 messages of 5000 characters (the limits themselves)', async () => {
    const body = { roomID: 'room-sandbox-general', messages: Array.from({ length: 10 }, () => text('é'.repeat(5000))) };
    await expect(sandbox().api('POST', MESSAGE_PUSH_PATH, { body })).resolves.toMatchObject({
      status: 200,
      data: { code: 0 },
    });
  });

  it.each([
    [
      { senderNumber: '+85200000000', recipientNumbers: ['+85294667788'], text: 'hi' },
      6451000,
      'Invalid senderNumber: "+85200000000" is not an SMS number of this account',
    ],
    [
      { senderNumber: '+85280001234', recipientNumbers: ['+85294667788'], text: 'hi' },
      6451000,
      'Invalid senderNumber: "+85280001234" is not an SMS number of this account',
    ],
    [
      { senderNumber: 'not/a number!', recipientNumbers: ['+85294667788'], text: 'hi' },
      7210103,
      'senderNumber Invalid format: "not/a number!"',
    ],
    [
      { senderNumber: 'CINNOX', recipientNumbers: ['85294667788'], text: 'hi' },
      7210104,
      'RecipientNumber Invalid format: "85294667788"',
    ],
    [{ senderNumber: 'CINNOX', recipientNumbers: [], text: 'hi' }, 6451000, 'recipientNumbers is required'],
    [
      { senderNumber: 'CINNOX', recipientNumbers: '+85294667788', text: 'hi' },
      6451000,
      'Unknown data type: recipientNumbers must be an array',
    ],
    [{ senderNumber: 'CINNOX', recipientNumbers: ['+85294667788'] }, 6451000, 'text is required'],
    [
      { senderNumber: 'CINNOX', recipientNumber: '+85294667788', text: 'hi' },
      6451000,
      'invalid parameter: (recipientNumber)',
    ],
  ])('refuses SMS body %j with %d "%s"; nothing is sent', async (body, code, message) => {
    await expect(sandbox().api('POST', SEND_SMS_PATH, { body })).resolves.toEqual({
      status: 400,
      data: { code, message },
    });
    expect((await sandbox().admin('GET', '/state')).sms).toEqual([]);
  });

  it('6451000 for a subscription body without enabled or with a bad url', async () => {
    await expect(
      sandbox().api('PATCH', subscriptionPath('label-event-sub'), { body: { url: 'https://example.com/' } }),
    ).resolves.toEqual(badParameters('enabled is required'));
    await expect(
      sandbox().api('PATCH', subscriptionPath('label-event-sub'), {
        body: { enabled: 'yes', url: 'https://example.com/' },
      }),
    ).resolves.toEqual(badParameters('Unknown data type: enabled must be a boolean'));
    await expect(
      sandbox().api('PATCH', subscriptionPath('label-event-sub'), {
        body: { enabled: true, url: 'ftp://example.com/' },
      }),
    ).resolves.toEqual(badParameters('invalid url: "ftp://example.com/" (http or https only)'));
    await expect(sandbox().api('PATCH', subscriptionPath('label-event-sub'), { body: '{not json' })).resolves.toEqual(
      badParameters('Unknown data type: the request body is not JSON'),
    );
  });

  it.each([
    `${CONTACT_LIST_PATH}?${CONTACT_NAME_PARAM}=Nobody%20Here`,
    `${CONTACT_LIST_PATH}?${CONTACT_ID_PARAM}=64f0ffffffffffffffffffff`,
    `${LABEL_LIST_PATH}?name=Nope`,
    `${ENQUIRY_DETAIL_PATH}?${ENQUIRY_CASE_NUMBER_PARAM}=424242&${isoWeek()}`,
    `${ENQUIRY_DETAIL_PATH}?startAt=2020-01-01T00:00:00Z&endAt=2020-01-31T00:00:00Z`,
    `${SMS_DETAIL_PATH}?startAt=2020-01-01T00:00:00Z&endAt=2020-01-31T00:00:00Z`,
    `${numberListPath('sms-numbers')}?offset=2`,
    `${STAFF_LIST_PATH}?offset=500`,
  ])('6451011 No records found for GET %s', async (apiPath) => {
    await expect(sandbox().api('GET', apiPath)).resolves.toEqual({
      status: 400,
      data: { code: 6451011, message: 'No records found' },
    });
  });
});

describe('rate limit', () => {
  let limited: Sandbox;
  beforeAll(async () => {
    limited = await startSandbox([
      '--rate-limit',
      '3',
      '--rate-window-ms',
      '600',
      '--app-id',
      'acme-app',
      '--app-token',
      's3cret',
    ]);
  });
  afterAll(() => limited?.stop());

  it('answers 6451010 Too many requests past the configured limit per window, then recovers', async () => {
    expect([limited.appId, limited.appToken]).toEqual(['acme-app', 's3cret']);
    const start = Date.now();
    for (let i = 0; i < 3; i += 1) {
      expect((await limited.api('GET', `${STAFF_LIST_PATH}?limit=1`)).status).toBe(200);
    }
    await expect(limited.api('GET', `${STAFF_LIST_PATH}?limit=1`)).resolves.toEqual({
      status: 400,
      data: { code: 6451010, message: 'Too many requests' },
    });
    await expect(limited.api('GET', LABEL_LIST_PATH)).resolves.toMatchObject({ data: { code: 6451010 } });
    // The admin API is not CINNOX's: never limited.
    expect((await limited.admin('GET', '/state')).requestCount).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + 650 - Date.now())));
    expect((await limited.api('GET', `${STAFF_LIST_PATH}?limit=1`)).data.code).toBe(0);
  });

  it('can be changed at run time, and defaults to 500 a minute', async () => {
    await expect(sandbox().admin('GET', '/config')).resolves.toMatchObject({ rateLimit: 500, rateWindowMs: 60000 });
    await sandbox().admin('POST', '/config', { rateLimit: 2 });
    try {
      await sandbox().api('GET', LABEL_LIST_PATH);
      await sandbox().api('GET', LABEL_LIST_PATH);
      await expect(sandbox().api('GET', LABEL_LIST_PATH)).resolves.toMatchObject({ data: { code: 6451010 } });
    } finally {
      await sandbox().admin('POST', '/config', { rateLimit: 500 });
      await sandbox().admin('POST', '/reset');
    }
    await expect(sandbox().adminRaw('POST', '/config', { appToken: 'x' })).resolves.toMatchObject({ status: 400 });
  });
});
