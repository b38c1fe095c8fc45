/**
 * Send SMS: one text from a CINNOX number to one or more recipients. The text is counted once, as a
 * carrier counts it (src/messaging/sms-segments.ts), and refused before any request when it needs more
 * SMS parts than allowed; the result shows the encoding, the characters counted and the parts charged. The step
 * succeeds when CINNOX answers the SMS as sent to at least one recipient (each recipient's result in the output);
 * an answer that sends it to none fails the step, naming each recipient and CINNOX's reason.
 */
import { defineCreate, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { cinnoxRequest, listRecords } from '../cinnox/client';
import {
  SEND_SMS_PATH,
  SMS_NOT_SENT_STATUSES,
  type SendSmsBody,
  type SendSmsRecipientResult,
} from '../cinnox/contract';
import { NOT_CONFIRMED_CODE } from '../cinnox/errors';
import { asText, valueWord } from '../cinnox/values';
import { DEFAULT_SMS_NUMBER_TYPE, SMS_NUMBER_TYPES } from '../fields/sms';
import { input, inputFieldsOf, labelOf, parseInput, refuseInput, text } from '../input/schema';
import { boolean, choice, integer } from '../input/choices';
import { SMS_MAX_PARTS, SMS_UNITS, type SmsEncoding } from '../messaging/sms-limits';
import { measureSms, smsLengthIssue, smsLimitIssue } from '../messaging/sms-segments';
import type { Example } from '../examples';

const SEND_SMS_INPUT = input({
  number_type: choice(
    {
      label: 'Number Type',
      helpText: 'The kind of CINNOX number to send from; Sender Number lists the numbers of this type.',
      required: true,
      default: DEFAULT_SMS_NUMBER_TYPE,
      altersDynamicFields: true,
    },
    SMS_NUMBER_TYPES,
  ),
  sender_number: text({
    label: 'Sender Number',
    helpText: 'The CINNOX number the SMS is sent from: pick one of your numbers of the chosen Number Type.',
    required: true,
    format: 'sender-number',
    dynamic: 'sender_number_list.id.label',
    cinnox: 'senderNumber' satisfies keyof SendSmsBody,
  }),
  recipient_numbers: text({
    label: 'Recipient Number',
    helpText:
      'Who receives the SMS. Add several numbers to send the same text to each of them (each number is charged); duplicates are sent once.',
    required: true,
    format: 'phone',
    list: true,
    // A2: the body's list; A3: each recipient's result and CINNOX's messages about one say recipientNumber.
    cinnox: ['recipientNumbers' satisfies keyof SendSmsBody, 'recipientNumber'],
  }),
  text: text({
    label: 'Text',
    helpText:
      `The SMS message. CINNOX charges for each SMS: one SMS holds ${SMS_UNITS['GSM-7'].single} GSM-7 characters ` +
      '(the characters € [ ] { } ~ ^ | \\ count two), or ' +
      `${SMS_UNITS['UCS-2'].single} characters when any character is outside GSM-7 (e.g. Chinese, or emoji: most emoji count two, ` +
      'some, such as those with a skin tone or joined from several, count four or more). ' +
      `Longer texts need Allow Multi-part SMS and are sent in parts of ${SMS_UNITS['GSM-7'].perPart} or ${SMS_UNITS['UCS-2'].perPart}.`,
    required: true,
    multiline: true,
    cinnox: 'text' satisfies keyof SendSmsBody,
  }),
  allow_multipart: boolean({
    label: 'Allow Multi-part SMS',
    helpText:
      'No (the default): a text longer than one SMS is refused and nothing is sent. Yes: a longer text is sent as several SMS parts, each charged, up to Maximum SMS Parts.',
    default: 'false',
  }),
  max_parts: integer({
    label: 'Maximum SMS Parts',
    helpText: `With Allow Multi-part SMS: the most SMS parts one message may use (each part is charged). Empty means ${SMS_MAX_PARTS}. Ignored without Allow Multi-part SMS.`,
    min: 1,
    max: SMS_MAX_PARTS,
  }),
});

export interface RecipientOutcome {
  recipient_number: string;
  transaction_id: string;
  status: string;
  response_code: string;
  exception: string;
}

export type SendSmsOutput = {
  response_code: string;
  exception: string;
  encoding: SmsEncoding;
  parts: number;
  characters: number;
  sender_number: string;
  text: string;
  recipients: RecipientOutcome[];
};

const digits = (value: unknown): string => asText(value).replace(/\D/g, '');

/** Per-recipient results, whatever shape CINNOX used: a list (A3), one object under `result`, or the body itself. */
function recipientResults(raw: unknown, listed: SendSmsRecipientResult[]): SendSmsRecipientResult[] {
  if (listed.length > 0) return listed;
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const single =
    body.result && typeof body.result === 'object' && !Array.isArray(body.result)
      ? (body.result as Record<string, unknown>)
      : body;
  return 'transactionID' in single || 'recipientNumber' in single || 'status' in single
    ? [single as SendSmsRecipientResult]
    : [];
}

/** The status of a recipient CINNOX's answer gives no result for. */
const NOT_REPORTED = 'Not reported';

/** Each requested recipient with CINNOX's result for it: matched by number, else by position. */
export function recipientOutcomes(requested: string[], results: SendSmsRecipientResult[]): RecipientOutcome[] {
  return requested.map((number, index) => {
    const result =
      results.find((r) => digits(r.recipientNumber) === digits(number)) ??
      (results.length === requested.length ? results[index] : undefined);
    return {
      recipient_number: number,
      transaction_id: asText(result?.transactionID),
      status: result ? asText(result.status) : NOT_REPORTED,
      response_code: asText(result?.responseCode),
      exception: result ? asText(result.exception) : 'CINNOX returned no result for this number.',
    };
  });
}

/** A3: CINNOX answered for this recipient that the SMS was not sent (a not-sent status, or an exception). */
const refused = (o: RecipientOutcome): boolean =>
  o.status !== NOT_REPORTED &&
  (o.exception !== '' || SMS_NOT_SENT_STATUSES.some((s) => valueWord(s) === valueWord(o.status)));

/** At most this many recipients are named in an error; the rest are counted. */
const NAMED_RECIPIENTS = 5;
const bounded = (text: string, max = 100): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** "+852…: Rejected (response code 400, sms send failed); …": each recipient and what CINNOX answered for it. */
function recipientsSaid(outcomes: RecipientOutcome[]): string {
  const said = outcomes.slice(0, NAMED_RECIPIENTS).map((o) => {
    if (o.status === NOT_REPORTED) return `${o.recipient_number}: no result in CINNOX's answer`;
    const detail = [o.response_code && `response code ${o.response_code}`, o.exception].filter(Boolean).join(', ');
    return `${o.recipient_number}: ${bounded(o.status || 'no status')}${detail ? ` (${bounded(detail)})` : ''}`;
  });
  const more = outcomes.length - NAMED_RECIPIENTS;
  return `${said.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * The step's error when CINNOX's answer says the SMS went to no recipient, or undefined when it went to at least
 * one (a partial success is a success, each recipient's result in the output). Every recipient refused: not sent,
 * so replaying sends it once. Some without a result: not confirmed, so the SMS report is checked first.
 */
function nothingSentError(z: ZObject, outcomes: RecipientOutcome[], topException: string): Error | undefined {
  if (outcomes.some((o) => o.status !== NOT_REPORTED && !refused(o))) return undefined;
  const also = topException ? ` CINNOX's exception: "${bounded(topException, 200)}".` : '';
  if (outcomes.every(refused))
    return new z.errors.Error(
      `CINNOX did not send the SMS to any recipient: ${recipientsSaid(outcomes)}.${also} Check the Sender Number, the Recipient Number and the SMS balance of your CINNOX account, then replay this step.`,
      'CinnoxSmsNotSent',
      400,
    );
  return new z.errors.Error(
    `CINNOX did not confirm the SMS was sent to any recipient: ${recipientsSaid(outcomes)}.${also} Check the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?) before replaying this step, so no recipient gets it twice.`,
    NOT_CONFIRMED_CODE,
    400,
  );
}

const perform = (async (z, bundle): Promise<SendSmsOutput> => {
  const input = parseInput(z, SEND_SMS_INPUT, bundle.inputData);
  const { text } = input;
  const label = labelOf(SEND_SMS_INPUT.shape.text);
  const multipart = input.allow_multipart === true;
  const maxParts = multipart ? (input.max_parts ?? SMS_MAX_PARTS) : 1;
  // Measured once: the limit check and the output use the same count. A text no SMS can hold is not counted.
  const measure = measureSms(text) ?? refuseInput(z, smsLengthIssue(label, text.length, maxParts));
  refuseInput(z, smsLimitIssue(label, measure, maxParts, multipart));
  const recipients = [...new Set(input.recipient_numbers)];
  const body: SendSmsBody = { senderNumber: input.sender_number, recipientNumbers: recipients, text };

  const { data: raw } = await cinnoxRequest<unknown>(z, bundle, {
    method: 'POST',
    path: SEND_SMS_PATH,
    body,
    fields: SEND_SMS_INPUT.refusalLabels,
    check: 'the SMS report in the CINNOX Dashboard (was the SMS sent to each recipient?)',
  });
  const outcomes = recipientOutcomes(recipients, recipientResults(raw, listRecords<SendSmsRecipientResult>(raw)));
  const top = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const nothingSent = nothingSentError(z, outcomes, asText(top.exception));
  if (nothingSent) throw nothingSent;
  const failed = outcomes.filter((o) => o.exception);
  return {
    response_code: top.code !== undefined ? asText(top.code) : (outcomes[0]?.response_code ?? ''),
    exception:
      asText(top.exception) ||
      (outcomes.length === 1
        ? (outcomes[0]?.exception ?? '')
        : failed.map((o) => `${o.recipient_number}: ${o.exception}`).join('; ')),
    encoding: measure.encoding,
    parts: measure.parts,
    characters: measure.characters,
    sender_number: body.senderNumber,
    text,
    recipients: outcomes,
  };
}) satisfies CreatePerform;

const SAMPLE_TEXT = 'Your request #1042 is approved.';
const sample: SendSmsOutput = {
  response_code: '0',
  exception: '',
  encoding: 'GSM-7',
  parts: 1,
  characters: SAMPLE_TEXT.length,
  sender_number: '+85230001234',
  text: SAMPLE_TEXT,
  recipients: [
    {
      recipient_number: '+85294667788',
      transaction_id: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      status: 'Submitted',
      response_code: '',
      exception: '',
    },
  ],
};

export default defineCreate({
  key: 'send_sms',
  noun: 'SMS',
  display: {
    label: 'Send SMS',
    description:
      'Sends an SMS from one of your CINNOX numbers to one or more recipients, counting the SMS parts CINNOX charges for.',
  },
  operation: {
    inputFields: inputFieldsOf(SEND_SMS_INPUT),
    perform,
    sample,
    outputFields: [
      { key: 'response_code', label: 'Response Code' },
      { key: 'exception', label: 'Exception' },
      { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)' },
      { key: 'parts', label: 'SMS Parts Charged per Recipient', type: 'integer' },
      { key: 'characters', label: 'Characters Counted', type: 'integer' },
      { key: 'sender_number', label: 'Sender Number' },
      { key: 'text', label: 'Text' },
      { key: 'recipients[]recipient_number', label: 'Recipient Number' },
      { key: 'recipients[]transaction_id', label: 'Recipient Transaction ID' },
      { key: 'recipients[]status', label: 'Recipient Status' },
      { key: 'recipients[]response_code', label: 'Recipient Response Code' },
      { key: 'recipients[]exception', label: 'Recipient Exception' },
    ],
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  benchmark: { bundles: ['index.js', 'phone.js', 'sms.js', 'zod.js'] },
  inputData: {
    number_type: 'access-numbers',
    sender_number: '+85230001234',
    recipient_numbers: ['+85294667788'],
    text: 'Your order has shipped.',
  },
};
