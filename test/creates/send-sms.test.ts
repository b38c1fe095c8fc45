import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { measureSms } from '../../src/messaging/sms-segments';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';

const SMS = `${API_ROOT}/sms`;
const create = App.creates!.send_sms!;
const perform = create.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

const base = { number_type: 'access-numbers', sender_number: '+85230001234', recipient_numbers: ['+85294667788'] };
const submitted = (recipientNumber: string, transactionID: string) => ({
  recipientNumber,
  transactionID,
  status: 'Submitted',
  responseCode: '',
  exception: '',
});

/** Runs with bad input and no interceptor: any request would fail the test with a nock error instead. */
async function refused(inputData: Record<string, unknown>) {
  const error = await failure(() => run(inputData));
  expect(error.code).toBe('InvalidInput');
  expect(error.message).toMatch(/^Nothing was sent to CINNOX\. /);
  return error.message;
}

describe('send_sms', () => {
  it('declares the spec inputs: Number Type refreshing the Sender Number drop-down, a recipient list, the opt-in', () => {
    const fields = create.operation.inputFields as {
      key: string;
      label: string;
      required: boolean;
      list?: boolean;
      dynamic?: string;
      altersDynamicFields?: boolean;
      choices?: unknown;
      type?: string;
      helpText: string;
    }[];
    expect(fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['number_type', 'Number Type', true],
      ['sender_number', 'Sender Number', true],
      ['recipient_numbers', 'Recipient Number', true],
      ['text', 'Text', true],
      ['allow_multipart', 'Allow Multi-part SMS', false],
      ['max_parts', 'Maximum SMS Parts', false],
    ]);
    expect(fields[0]).toMatchObject({
      choices: { 'access-numbers': 'Virtual Number', cli: 'Service Number' },
      altersDynamicFields: true,
    });
    expect(fields[1]!.dynamic).toBe('sender_number_list.id.label');
    expect(fields[2]).toMatchObject({ list: true });
    expect(fields[2]!.helpText).toContain('Format: + country code and number, e.g. +85294667788.');
    expect(fields[3]!.helpText).toContain('one SMS holds 160 GSM-7 characters');
    expect(fields[5]).toMatchObject({ type: 'integer' });
    expect(fields[5]!.helpText).toContain('From 1 to 10.');
  });

  it("the Text help text's emoji counts are what the counter charges", () => {
    const text = (create.operation.inputFields as { key: string; helpText: string }[]).find((f) => f.key === 'text')!;
    expect(text.helpText).toContain(
      'e.g. Chinese, or emoji: most emoji count two, some, such as those with a skin tone or joined from several, count four or more).',
    );
    expect(text.helpText).not.toContain('which count two');
    // A leading 中 (one unit) makes even a BMP-only text UCS-2; the rest is the emoji.
    const units = (emoji: string) => measureSms(`中${emoji}`)!.characters - 1;
    expect(['😀', '🎉', '👍'].map(units)).toEqual([2, 2, 2]);
    expect(units('👍🏽')).toBe(4); // skin tone
    expect(units('👨‍👩‍👧')).toBe(8); // joined (ZWJ sequence)
    expect(units('🇭🇰')).toBe(4); // flag: two regional indicators
  });

  it('sends one text to one recipient and reports code, exception, encoding, parts and characters', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Your order has shipped.' })
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-1')] });
    const result = await run({ ...base, recipient_numbers: ['+852 9466 7788'], text: '  Your order has shipped. ' });
    scope.done();
    expect(result).toEqual({
      response_code: '0',
      exception: '',
      encoding: 'GSM-7',
      parts: 1,
      characters: 23,
      sender_number: '+85230001234',
      text: 'Your order has shipped.',
      recipients: [
        {
          recipient_number: '+85294667788',
          transaction_id: 'tx-1',
          status: 'Submitted',
          response_code: '',
          exception: '',
        },
      ],
    });
  });

  it('sends one text to several recipients (E.164, duplicates once) and reports each outcome', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, {
        senderNumber: '+85230001234',
        recipientNumbers: ['+85294667788', '+14155552671', '+447911123456'],
        text: '中文短信',
      })
      .reply(200, {
        code: 0,
        result: [
          // CINNOX may answer numbers without "+" and in any order.
          {
            recipientNumber: '447911123456',
            transactionID: 'tx-3',
            status: 'Rejected',
            responseCode: '400',
            exception: 'sms send failed',
          },
          submitted('85294667788', 'tx-1'),
          submitted('14155552671', 'tx-2'),
        ],
      });
    const result = await run({
      ...base,
      recipient_numbers: ['+85294667788', '+1 415 555 2671', '+85294667788', '+44 7911 123456'],
      text: '中文短信',
    });
    scope.done();
    expect(result).toMatchObject({
      response_code: '0',
      exception: '+447911123456: sms send failed',
      encoding: 'UCS-2',
      parts: 1,
      characters: 4,
    });
    expect(result.recipients).toEqual([
      {
        recipient_number: '+85294667788',
        transaction_id: 'tx-1',
        status: 'Submitted',
        response_code: '',
        exception: '',
      },
      {
        recipient_number: '+14155552671',
        transaction_id: 'tx-2',
        status: 'Submitted',
        response_code: '',
        exception: '',
      },
      {
        recipient_number: '+447911123456',
        transaction_id: 'tx-3',
        status: 'Rejected',
        response_code: '400',
        exception: 'sms send failed',
      },
    ]);
  });

  it('accepts a comma-separated recipient list and a single-object answer', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788', '+14155552671'], text: 'Hi' })
      .reply(200, { code: 0, result: { recipientNumber: '+85294667788', transactionID: 'tx-9', status: 'Submitted' } });
    const result = await run({
      ...base,
      sender_number: '+852 3000 1234',
      recipient_numbers: '+85294667788, +14155552671',
      text: 'Hi',
    });
    scope.done();
    expect(result.recipients).toEqual([
      {
        recipient_number: '+85294667788',
        transaction_id: 'tx-9',
        status: 'Submitted',
        response_code: '',
        exception: '',
      },
      {
        recipient_number: '+14155552671',
        transaction_id: '',
        status: 'Not reported',
        response_code: '',
        exception: 'CINNOX returned no result for this number.',
      },
    ]);
    expect(result.exception).toBe('+14155552671: CINNOX returned no result for this number.');
  });

  it('takes the response code of a lone recipient when CINNOX sends no top-level code', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' })
      .reply(200, [{ recipientNumber: '85294667788', transactionID: 'tx-4', status: 'Submitted', responseCode: 202 }]);
    const result = await run({ ...base, text: 'Hi' });
    scope.done();
    expect(result).toMatchObject({ response_code: '202', exception: '' });
  });

  it('fails naming the lone recipient CINNOX rejected in a bare list, with its response code and exception', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'Hi' })
      .reply(200, [
        {
          recipientNumber: '+85294667788',
          transactionID: 'tx-4',
          status: 'Rejected',
          responseCode: 400,
          exception: 'sms send failed',
        },
      ]);
    const error = await failure(() => run({ ...base, text: 'Hi' }));
    scope.done();
    expect([error.code, error.message]).toEqual([
      'CinnoxSmsNotSent',
      'CINNOX did not send the SMS to any recipient: +85294667788: Rejected (response code 400, sms send failed). Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.',
    ]);
  });

  it('names at most five recipients CINNOX rejected, each reason bounded, and counts the rest', async () => {
    const numbers = Array.from({ length: 7 }, (_, i) => `+8529466770${i}`);
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: numbers, text: 'Hi' })
      .reply(200, {
        code: 0,
        result: numbers.map((recipientNumber) => ({ recipientNumber, status: 'Rejected', exception: 'x'.repeat(150) })),
      });
    const error = await failure(() => run({ ...base, recipient_numbers: numbers, text: 'Hi' }));
    scope.done();
    const reason = `Rejected (${'x'.repeat(100)}…)`;
    expect(error.message).toBe(
      `CINNOX did not send the SMS to any recipient: ${numbers
        .slice(0, 5)
        .map((n) => `${n}: ${reason}`)
        .join(
          '; ',
        )}; and 2 more. Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.`,
    );
  });

  it('refuses a recipient without "+" and shows the format; nothing is sent', async () => {
    expect(await refused({ ...base, recipient_numbers: ['+85294667788', '94667788'], text: 'Hi' })).toBe(
      'Nothing was sent to CINNOX. Recipient Number "94667788" must start with + and the country code, e.g. +85294667788.',
    );
  });

  it('refuses an invalid number, missing recipients and missing sender together; nothing is sent', async () => {
    const message = await refused({
      number_type: 'access-numbers',
      sender_number: ' ',
      recipient_numbers: [],
      text: 'Hi',
    });
    expect(message).toBe('Nothing was sent to CINNOX. Sender Number is required. Recipient Number is required.');
    expect(await refused({ ...base, recipient_numbers: ['+8521'], text: 'Hi' })).toMatch(
      /^Nothing was sent to CINNOX\. Recipient Number "\+8521" is not (a valid phone number|a phone number)/,
    );
  });

  it('refuses empty or whitespace-only text; nothing is sent', async () => {
    expect(await refused({ ...base, text: ' \n ' })).toBe('Nothing was sent to CINNOX. Text is required.');
  });

  it('refuses a text longer than one SMS by default, with encoding, count and limit; nothing is sent', async () => {
    expect(await refused({ ...base, text: 'x'.repeat(161) })).toBe(
      'Nothing was sent to CINNOX. Text is 161 GSM-7 characters, which needs 2 SMS parts; one SMS holds 160 GSM-7 characters. ' +
        'Shorten the text, or set Allow Multi-part SMS to yes to send it in 2 parts, each charged.',
    );
    expect(await refused({ ...base, text: `Hello 😀 ${'x'.repeat(62)}` })).toBe(
      'Nothing was sent to CINNOX. Text is 71 UCS-2 characters, which needs 2 SMS parts; one SMS holds 70 UCS-2 characters. ' +
        'It is sent as UCS-2 because "😀" (U+1F600) is not in the GSM-7 alphabet. ' +
        'Shorten the text, or set Allow Multi-part SMS to yes to send it in 2 parts, each charged.',
    );
    // Maximum SMS Parts alone does not opt in.
    await refused({ ...base, text: 'x'.repeat(161), allow_multipart: 'false', max_parts: 5 });
  });

  it('sends exactly one SMS worth (160 GSM-7 / 70 UCS-2) without the opt-in', async () => {
    const text160 = `${'x'.repeat(158)}€`;
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: text160 })
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-1')] })
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: '中'.repeat(70) })
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-2')] });
    expect(await run({ ...base, text: text160 })).toMatchObject({ encoding: 'GSM-7', characters: 160, parts: 1 });
    expect(await run({ ...base, text: '中'.repeat(70) })).toMatchObject({
      encoding: 'UCS-2',
      characters: 70,
      parts: 1,
    });
    scope.done();
  });

  it('sends a multi-part SMS with the opt-in and reports the parts charged', async () => {
    const text = '中'.repeat(67 * 3);
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text })
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-1')] });
    const result = await run({ ...base, text, allow_multipart: 'true', max_parts: '3' });
    scope.done();
    expect(result).toMatchObject({ encoding: 'UCS-2', characters: 201, parts: 3 });
  });

  it('with the opt-in and no maximum allows 10 parts, refuses the 11th; refuses a maximum over 10', async () => {
    const scope = nock(BASE_URL)
      .post(SMS, { senderNumber: '+85230001234', recipientNumbers: ['+85294667788'], text: 'x'.repeat(1530) })
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-1')] });
    expect(await run({ ...base, text: 'x'.repeat(1530), allow_multipart: true })).toMatchObject({
      parts: 10,
      characters: 1530,
    });
    scope.done();
    expect(await refused({ ...base, text: 'x'.repeat(1531), allow_multipart: true })).toBe(
      'Nothing was sent to CINNOX. Text is 1531 characters long, which needs more than 10 SMS parts; Maximum SMS Parts is 10 (1530 GSM-7 characters). Shorten the text: even multi-part SMS allows at most 10 parts.',
    );
    expect(await refused({ ...base, text: 'x'.repeat(400), allow_multipart: true, max_parts: 2 })).toBe(
      'Nothing was sent to CINNOX. Text is 400 GSM-7 characters, which needs 3 SMS parts; Maximum SMS Parts is 2 (306 GSM-7 characters). Shorten the text, or raise Maximum SMS Parts (at most 10).',
    );
    expect(await refused({ ...base, text: 'Hi', allow_multipart: true, max_parts: 11 })).toBe(
      'Nothing was sent to CINNOX. Maximum SMS Parts must be from 1 to 10; got 11.',
    );
  });

  it.each([
    ['11', 'Maximum SMS Parts must be from 1 to 10; got 11.'],
    ['0', 'Maximum SMS Parts must be from 1 to 10; got 0.'],
    ['-3', 'Maximum SMS Parts must be from 1 to 10; got -3.'],
    ['1e3', 'Maximum SMS Parts must be from 1 to 10; got 1000.'],
    ['2.5', 'Maximum SMS Parts must be a whole number; got "2.5".'],
    ['two', 'Maximum SMS Parts must be a whole number; got "two".'],
    ['Infinity', 'Maximum SMS Parts must be a whole number; got "Infinity".'],
  ])('refuses Maximum SMS Parts %s before any request, one message for it', async (maxParts, message) => {
    expect(await refused({ ...base, text: 'Hi', allow_multipart: true, max_parts: maxParts })).toBe(
      `Nothing was sent to CINNOX. ${message}`,
    );
  });

  it.each([
    ['1', 1],
    ['10', 10],
    ['2.0', 2],
    ['1e1', 10],
  ])('takes Maximum SMS Parts %s as %d', async (maxParts, parts) => {
    const scope = nock(BASE_URL)
      .post(SMS)
      .reply(200, { code: 0, result: [submitted('+85294667788', 'tx-1')] });
    const text = 'x'.repeat(153 * parts);
    expect(await run({ ...base, text, allow_multipart: true, max_parts: maxParts })).toMatchObject({ parts });
    scope.done();
  });

  it('refuses a number type that cannot send SMS', async () => {
    expect(await refused({ ...base, number_type: 'sms-numbers', text: 'Hi' })).toBe(
      'Nothing was sent to CINNOX. Number Type must be one of Virtual Number (access-numbers), Service Number (cli); got "sms-numbers".',
    );
  });

  it('has a sample whose counts are what the counter says', async () => {
    const { measureSms } = await import('../../src/messaging/sms-segments');
    const sample = create.operation.sample as Record<string, unknown>;
    const m = measureSms(sample.text as string)!;
    expect([sample.encoding, sample.characters, sample.parts]).toEqual([m.encoding, m.characters, m.parts]);
  });
});
