import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, APP_TOKEN, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  createOutcomes,
  notSuccessCode,
  refusedParameters,
  unconfirmedWrite,
  type OutcomeRow,
  type Seen,
  type Write,
} from '../helpers/outcomes';

const OTP = `${API_ROOT}/send_otp`;
const create = App.creates!.send_otp_sms!;
const perform = create.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));
const base = { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.' };
const sent = { code: 0, serviceID: 'svc-1', status: true, transactionID: 't-1' };

/** Bad input and no interceptor: a request would fail the test with a nock error instead. */
async function refused(inputData: Record<string, unknown>) {
  const error = await failure(() => run(inputData));
  expect(error.code).toBe('InvalidInput');
  expect(error.message).toMatch(/^Nothing was sent to CINNOX\. /);
  return error.message;
}

describe('send_otp_sms', () => {
  it('declares Sender ID (the Alphanumeric sender drop-down), Recipient Number, Text and an optional PIN', () => {
    const fields = create.operation.inputFields as {
      key: string;
      label: string;
      required: boolean;
      dynamic?: string;
      helpText: string;
    }[];
    expect(fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['sender_number', 'Sender ID', true],
      ['recipient_number', 'Recipient Number', true],
      ['text', 'Text', true],
      ['pin', 'PIN', false],
    ]);
    expect(fields[0]!.dynamic).toBe('otp_sender_list.id.label');
    expect(fields[2]!.helpText).toContain('%s');
    expect(fields[3]!.helpText).toContain('At most 10 characters.');
  });

  it('POSTs /send_otp with senderNumber, recipientNumber, text and pin, with the token, and returns the answer and the PIN', async () => {
    const scope = nock(BASE_URL)
      .post(OTP, { senderNumber: 'CINNOX', recipientNumber: '+85294667788', text: 'Your code is %s.', pin: 'AB12' })
      .matchHeader('authorization', `Bearer ${APP_TOKEN}`)
      .matchHeader('content-type', /application\/json/)
      .reply(200, sent);
    const result = await run({ ...base, recipient_number: '+852 9466 7788', pin: 'AB12' });
    scope.done();
    expect(result).toEqual({
      serviceID: 'svc-1',
      status: 'true',
      transactionID: 't-1',
      pin: 'AB12',
      pin_generated: false,
      sender_number: 'CINNOX',
      recipient_number: '+85294667788',
      encoding: 'GSM-7',
      characters: 'Your code is AB12.'.length,
    });
  });

  it('generates a random 6-digit PIN when PIN is empty, sends it and returns it', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(BASE_URL)
      .post(OTP, (b: Record<string, unknown>) => ((body = b), true))
      .times(2)
      .reply(200, { result: sent });
    const first = await run({ ...base, pin: '' });
    const firstPin = body.pin;
    const second = await run(base);
    scope.done();
    expect(first.pin).toMatch(/^\d{6}$/);
    expect(first.pin).toBe(firstPin);
    expect(first.pin_generated).toBe(true);
    expect(second.pin).toBe(body.pin);
    expect(second.pin).toMatch(/^\d{6}$/);
  });

  it.each([false, 'False', 'false'])('fails when CINNOX answers status %p', async (status) => {
    const scope = nock(BASE_URL)
      .post(OTP)
      .reply(200, { ...sent, status });
    const error = await failure(() => run({ ...base, pin: '1234' }));
    scope.done();
    expect(error.code).toBe('CinnoxOtpNotSent');
    expect(error.message).toBe(
      `CINNOX did not send the OTP SMS to +85294667788: it answered status ${String(status)} (transaction ID t-1). Check the Sender ID and the Recipient Number, and the SMS balance of your CINNOX account, then replay this step.`,
    );
  });

  it.each([
    ['no status', { code: 0, serviceID: 'svc-1', transactionID: 't-1' }, 'no status (transaction ID t-1)'],
    ['status 0', { ...sent, status: 0 }, 'status 0 (transaction ID t-1)'],
    ['status "fail"', { ...sent, status: 'fail' }, 'status "fail" (transaction ID t-1)'],
    ['status null', { ...sent, status: null }, 'no status (transaction ID t-1)'],
    ['a result list', { result: [{ status: false }] }, 'no status'],
    ['an empty body', {}, 'no status'],
  ])('fails as not confirmed when CINNOX answers %s (only a clear true is sent)', async (_what, answer, said) => {
    const scope = nock(BASE_URL).post(OTP).reply(200, answer);
    const error = await failure(() => run({ ...base, pin: '1234' }));
    scope.done();
    expect(error.code).toBe('CinnoxNotConfirmed');
    expect(error.message).toBe(
      `CINNOX did not confirm the OTP SMS to +85294667788 was sent: its answer has ${said}, not status true, so this step failed. Check in CINNOX whether the SMS went out before replaying this step, so the recipient does not get a second OTP.`,
    );
  });

  it.each([true, 'True', 'true', 1])('reports the OTP as sent on status %p', async (status) => {
    const scope = nock(BASE_URL)
      .post(OTP)
      .reply(200, { result: { ...sent, status } });
    const result = await run({ ...base, pin: '1234' });
    scope.done();
    expect(result.status).toBe(String(status));
  });

  it('refuses a Text without %s, naming the field, before any request', async () => {
    expect(await refused({ ...base, text: 'Your code is ready.' })).toBe(
      'Nothing was sent to CINNOX. Text must contain %s where CINNOX puts the PIN; got "Your code is ready.". Add %s, e.g. "Your code is %s."',
    );
  });

  it('refuses a Text with %s twice', async () => {
    expect(await refused({ ...base, text: '%s is your code: %s' })).toContain(
      'Text must contain %s once (CINNOX puts the PIN in one place); it contains it 2 times.',
    );
  });

  it('refuses a PIN over 10 characters', async () => {
    expect(await refused({ ...base, pin: '12345678901' })).toContain('PIN must be at most 10 characters; got 11');
  });

  it.each(['12 34', '12-34', 'ab#1', '１２３'])('refuses the PIN %p (symbols or spaces)', async (pin) => {
    expect(await refused({ ...base, pin })).toContain(
      `PIN must be letters and / or digits only (numeric, alphabetic or alphanumeric), without spaces or symbols; got "${pin}".`,
    );
  });

  it('refuses a bad Recipient Number and a missing Sender ID', async () => {
    const message = await refused({ text: base.text, recipient_number: '12' });
    expect(message).toContain('Sender ID is required.');
    expect(message).toContain('Recipient Number');
  });

  it('refuses a text that needs more than one SMS with the PIN in place, saying by how much', async () => {
    const text = `${'x'.repeat(150)} %s`; // 151 + a 10-character PIN = 161
    expect(await refused({ ...base, text, pin: '1234567890' })).toBe(
      'Nothing was sent to CINNOX. Text with the PIN in place is 161 characters long; an OTP must fit one SMS (160 GSM-7 characters, or 70 when any character is outside GSM-7). Shorten it by at least 1 character, or use a shorter PIN.',
    );
    const euro = `${'x'.repeat(157)}€%s`; // 160 UTF-16 units, counted: € is two GSM-7 units, so 161
    expect(await refused({ ...base, text: euro, pin: '12' })).toBe(
      'Nothing was sent to CINNOX. Text with the PIN in place is 161 GSM-7 characters; an OTP must fit one SMS (160 GSM-7 characters). Shorten it by 1 character, or use a shorter PIN.',
    );
    const chinese = `您的驗證碼是 %s ${'。'.repeat(60)}`; // UCS-2: 7 + 6 + 1 + 60 = 74
    expect(await refused({ ...base, text: chinese, pin: '123456' })).toContain(
      'is 74 UCS-2 characters; an OTP must fit one SMS (70 UCS-2 characters). It is counted as UCS-2 because "您" is not in the GSM-7 alphabet. Shorten it by 4 characters',
    );
  });

  it('accepts a text of exactly one SMS with the PIN in place', async () => {
    const scope = nock(BASE_URL).post(OTP).reply(200, sent);
    const result = await run({ ...base, text: `${'x'.repeat(150)}%s`, pin: '1234567890' });
    scope.done();
    expect(result.characters).toBe(160);
  });

  it.each([
    ['Invalid senderNumber', 'senderNumber is Sender ID'],
    ['recipientNumber Invalid format', 'recipientNumber is Recipient Number'],
    ['pin must be alphanumeric', 'pin is PIN'],
  ])('names the Zapier field of a refused parameter (6451000: %s)', async (message, named) => {
    const scope = nock(BASE_URL).post(OTP).reply(400, { code: 6451000, message });
    const error = await failure(() => run({ ...base, pin: '1234' }));
    scope.done();
    expect(error.code).toBe('CinnoxInvalidParameters');
    expect(error.message).toBe(
      `CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: ${message}) In this step's fields: ${named}.`,
    );
  });

  it('is not retried on a 5xx (a POST): the SMS may have gone out', async () => {
    const scope = nock(BASE_URL).post(OTP).reply(502, 'bad gateway');
    const error = await failure(() => run({ ...base, pin: '1234' }));
    scope.done();
    expect(error.code).toBe('CinnoxServerError');
  });

  it.each([
    [7210103, 'senderNumber Invalid format'],
    [7210104, 'RecipientNumber Invalid format'],
    [6451000, 'Invalid senderNumber'],
  ])('maps CINNOX error %d with its code and reason', async (code, message) => {
    const scope = nock(BASE_URL).post(OTP).reply(400, { code, message });
    const error = await failure(() => run({ ...base, pin: '1234' }));
    scope.done();
    expect(error.message).toContain(`CINNOX code ${code}: ${message}`);
  });
});

describe('send_otp_sms outcomes: each answer CINNOX can give the OTP request', () => {
  const OTP: Write = { method: 'POST', path: '/send_otp' };
  const input = { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.', pin: '1234' };
  const sent = { serviceID: 'svc-1', status: true, transactionID: 't-1' };
  const output = {
    serviceID: 'svc-1',
    status: 'true',
    transactionID: 't-1',
    pin: '1234',
    pin_generated: false,
    sender_number: 'CINNOX',
    recipient_number: '+85294667788',
    encoding: 'GSM-7',
    characters: 18,
  };
  const notConfirmed = (said: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX did not confirm the OTP SMS to +85294667788 was sent: its answer has ${said}, not status true, so this step failed. Check in CINNOX whether the SMS went out before replaying this step, so the recipient does not get a second OTP.`,
  });
  const ROWS: OutcomeRow[] = [
    ['code 0, status true', { status: 200, body: { code: 0, ...sent } }, { output }],
    ['code 0, status true under result', { status: 200, body: { code: 0, result: sent } }, { output }],
    [
      'code 0, status false',
      { status: 200, body: { code: 0, ...sent, status: false } },
      {
        error: 'AppError',
        code: 'CinnoxOtpNotSent',
        message:
          'CINNOX did not send the OTP SMS to +85294667788: it answered status false (transaction ID t-1). Check the Sender ID and the Recipient Number, and the SMS balance of your CINNOX account, then replay this step.',
      },
    ],
    [
      'code 0, status Rejected',
      { status: 200, body: { code: 0, ...sent, status: 'Rejected' } },
      notConfirmed('status "Rejected" (transaction ID t-1)'),
    ],
    ['code 0 without a status', { status: 200, body: { code: 0 } }, notConfirmed('no status')],
    notSuccessCode(1, 'failed'),
    [
      '6451000 Invalid senderNumber',
      { status: 400, body: { code: 6451000, message: 'Invalid senderNumber' } },
      refusedParameters('Invalid senderNumber', 'senderNumber is Sender ID'),
    ],
    [
      '7210101 bad request (error while sending SMS)',
      { status: 400, body: { code: 7210101, message: 'bad request' } },
      {
        error: 'AppError',
        code: 'Cinnox7210101',
        message:
          "CINNOX reported an error while sending the SMS (CINNOX code 7210101: bad request). Check this step's fields and your CINNOX account's SMS balance, and check CINNOX's SMS records before replaying this step, in case some of it went out.",
      },
    ],
    [
      '7210103 senderNumber Invalid format',
      { status: 400, body: { code: 7210103, message: 'senderNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210103',
        message:
          "CINNOX refused the request (CINNOX code 7210103: senderNumber Invalid format). In this step's fields: senderNumber is Sender ID.",
      },
    ],
    [
      '7210104 RecipientNumber Invalid format',
      { status: 400, body: { code: 7210104, message: 'RecipientNumber Invalid format' } },
      {
        error: 'AppError',
        code: 'Cinnox7210104',
        message:
          "CINNOX refused the request (CINNOX code 7210104: RecipientNumber Invalid format). In this step's fields: recipientNumber is Recipient Number.",
      },
    ],
    [
      'no answer: the connection reset after CINNOX read the request',
      { socket: 'reset' },
      unconfirmedWrite(OTP, 'reset', 'the SMS report in the CINNOX Dashboard (was the OTP SMS sent?)'),
    ],
  ];

  createOutcomes(
    'send_otp_sms',
    input,
    {
      ...OTP,
      body: { senderNumber: 'CINNOX', recipientNumber: '+85294667788', text: 'Your code is %s.', pin: '1234' },
    },
    ROWS,
  );
});
