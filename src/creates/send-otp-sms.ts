/**
 * Send OTP SMS (docs/cinnox-api.md §1.2): a one-time password from an Alphanumeric sender ID. The text carries
 * `%s` where CINNOX puts the PIN; an empty PIN becomes a random 6-digit one (node:crypto), returned so a later
 * step can store it. The text with the PIN in place is counted as Send SMS counts (src/messaging/sms-segments.ts)
 * and must fit one SMS. Only a `status` that is clearly true means sent (A26): false is "not sent", anything else
 * (no status, 0, "fail", an unreadable answer) is "not confirmed", and the step fails either way.
 */
import { randomInt } from 'node:crypto';
import { defineCreate, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { cinnoxRequest } from '../cinnox/client';
import { NOT_CONFIRMED_CODE } from '../cinnox/errors';
import {
  OTP_FAILED_STATUSES,
  OTP_PIN_MAX_CHARS,
  OTP_PIN_VARIABLE,
  SEND_OTP_PATH,
  otpSentOf,
  type SendOtpBody,
  type SendOtpResult,
} from '../cinnox/contract';
import { quote, secretsOf, type Secrets } from '../cinnox/quote';
import { asText } from '../cinnox/values';
import { FORMAT_MAX_UNITS, preview } from '../input/formats';
import { input, inputFieldsOf, labelOf, parseInput, refuseInput, rule, text, type InputOf } from '../input/schema';
import { SMS_UNITS, type SmsEncoding } from '../messaging/sms-limits';
import { measureSms, smsCeiling, unitsFor, type SmsMeasure } from '../messaging/sms-segments';
import type { Example } from '../examples';

/** Digits of a generated PIN. */
const GENERATED_PIN_DIGITS = 6;

const otpSender = text({
  label: 'Sender ID',
  helpText: 'The Alphanumeric sender ID the OTP SMS comes from (CINNOX sends OTPs from these only): pick one of yours.',
  required: true,
  // An Alphanumeric sender ID holds at most 11 characters (GSM 03.40): a sender number's ceiling is ample.
  maxUnits: FORMAT_MAX_UNITS['sender-number'],
  dynamic: 'otp_sender_list.id.label',
  cinnox: 'senderNumber' satisfies keyof SendOtpBody,
});
const otpRecipient = text({
  label: 'Recipient Number',
  helpText: 'The phone number that receives the one-time password.',
  required: true,
  format: 'phone',
  cinnox: 'recipientNumber' satisfies keyof SendOtpBody,
});
const otpText = text({
  label: 'Text',
  helpText:
    `The SMS text, with ${OTP_PIN_VARIABLE} once where CINNOX puts the PIN, e.g. "Your code is ${OTP_PIN_VARIABLE}. It expires in 5 minutes." ` +
    `With the PIN in place it must fit one SMS: ${SMS_UNITS['GSM-7'].single} GSM-7 characters, or ${SMS_UNITS['UCS-2'].single} when any character ` +
    'is outside GSM-7 (e.g. Chinese or emoji). CINNOX charges for each SMS.',
  required: true,
  multiline: true,
  cinnox: 'text' satisfies keyof SendOtpBody,
});
const otpPin = text({
  label: 'PIN',
  helpText:
    `The one-time password: letters and / or digits, no spaces or symbols. Leave empty for a random ${GENERATED_PIN_DIGITS}-digit PIN; ` +
    'the PIN sent is in the output (PIN), so a later step can store it to check what the recipient types.',
  maxChars: OTP_PIN_MAX_CHARS,
  cinnox: 'pin' satisfies keyof SendOtpBody,
});
const OTP_FIELDS = input({ sender_number: otpSender, recipient_number: otpRecipient, text: otpText, pin: otpPin });
type SendOtpInput = InputOf<typeof OTP_FIELDS>;
const TEXT = labelOf(otpText);
const PIN = labelOf(otpPin);

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

/** The text carries the PIN variable exactly once; §1.2: numeric, alphabetic or alphanumeric PINs only. */
const SEND_OTP_INPUT = OTP_FIELDS.check(
  rule<SendOtpInput>(({ text }) => {
    const n = occurrences(text, OTP_PIN_VARIABLE);
    if (n === 1) return undefined;
    return n === 0
      ? `${TEXT} must contain ${OTP_PIN_VARIABLE} where CINNOX puts the PIN; got ${preview(text)}. Add ${OTP_PIN_VARIABLE}, e.g. "Your code is ${OTP_PIN_VARIABLE}."`
      : `${TEXT} must contain ${OTP_PIN_VARIABLE} once (CINNOX puts the PIN in one place); it contains it ${n} times.`;
  }),
  rule<SendOtpInput>(({ pin }) =>
    pin === undefined || /^[A-Za-z0-9]+$/.test(pin)
      ? undefined
      : `${PIN} must be letters and / or digits only (numeric, alphabetic or alphanumeric), without spaces or symbols; got ${preview(pin)}.`,
  ),
);

export type SendOtpOutput = {
  serviceID: string;
  status: string;
  transactionID: string;
  pin: string;
  pin_generated: boolean;
  sender_number: string;
  recipient_number: string;
  encoding: SmsEncoding;
  characters: number;
};

/** A random PIN of GENERATED_PIN_DIGITS digits, leading zeros kept, from a cryptographic source. */
export const generatePin = (): string =>
  String(randomInt(0, 10 ** GENERATED_PIN_DIGITS)).padStart(GENERATED_PIN_DIGITS, '0');

/** The issue when the text with the PIN in place needs more than one SMS, saying by how much. */
function oneSmsIssue(measure: SmsMeasure, limit: number): string | undefined {
  if (measure.parts <= 1) return undefined;
  const { characters, encoding } = measure;
  const over = characters - limit;
  const why =
    encoding === 'UCS-2' && measure.nonGsm[0] !== undefined
      ? ` It is counted as UCS-2 because "${measure.nonGsm[0]}" is not in the GSM-7 alphabet.`
      : '';
  return (
    `${TEXT} with the PIN in place is ${characters} ${encoding} characters; an OTP must fit one SMS ` +
    `(${limit} ${encoding} characters).${why} Shorten it by ${over} character${over === 1 ? '' : 's'}, ` +
    `or use a shorter ${PIN}.`
  );
}

/**
 * The issue when the text with the PIN in place is longer than any one SMS holds, known from its length alone (it
 * is not counted); a shorter PIN is suggested only when one could make it fit.
 */
function tooLongIssue(length: number, pin: string): string {
  const limit = smsCeiling(1);
  const over = length - limit;
  return (
    `${TEXT} with the PIN in place is ${length} characters long; an OTP must fit one SMS ` +
    `(${limit} GSM-7 characters, or ${unitsFor('UCS-2', 1)} when any character is outside GSM-7). ` +
    `Shorten it by at least ${over} character${over === 1 ? '' : 's'}${over < pin.length ? `, or use a shorter ${PIN}` : ''}.`
  );
}

/** §1.2's answer, flat or under `result` (A26). */
function otpAnswer(raw: unknown): SendOtpResult {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const nested = body.result && typeof body.result === 'object' ? (body.result as Record<string, unknown>) : undefined;
  return (nested && ('status' in nested || 'transactionID' in nested) ? nested : body) as SendOtpResult;
}

const failed = (status: unknown): boolean =>
  OTP_FAILED_STATUSES.includes(typeof status === 'string' ? status.trim().toLowerCase() : status);

const transactionOf = (answer: SendOtpResult, secrets: Secrets): string => {
  const transaction = quote(asText(answer.transactionID), secrets);
  return transaction ? ` (transaction ID ${transaction})` : '';
};

/** CINNOX said `status` false: the SMS was not sent, so replaying sends it once. */
function notSent(z: ZObject, recipient: string, answer: SendOtpResult, secrets: Secrets): Error {
  return new z.errors.Error(
    `CINNOX did not send the OTP SMS to ${recipient}: it answered status ${asText(answer.status) || 'false'}` +
      `${transactionOf(answer, secrets)}. Check the Sender ID and the Recipient Number, and the SMS balance of your CINNOX account, then replay this step.`,
    'CinnoxOtpNotSent',
    400,
  );
}

/** What a `status` that is neither clearly true nor false looks like in a message. */
function statusText(status: unknown, secrets: Secrets): string {
  if (status === undefined || status === null || status === '') return 'no status';
  return `status ${quote(typeof status === 'string' ? status.trim() : status, secrets, true)}`;
}

/** Anything but a clear true or false: the SMS may or may not have gone out, so the step says to check first. */
function notConfirmed(z: ZObject, recipient: string, answer: SendOtpResult, secrets: Secrets): Error {
  return new z.errors.Error(
    `CINNOX did not confirm the OTP SMS to ${recipient} was sent: its answer has ${statusText(answer.status, secrets)}` +
      `${transactionOf(answer, secrets)}, not status true, so this step failed. Check in CINNOX whether the SMS went out before replaying this step, so the recipient does not get a second OTP.`,
    NOT_CONFIRMED_CODE,
    400,
  );
}

const perform = (async (z, bundle): Promise<SendOtpOutput> => {
  const input = parseInput(z, SEND_OTP_INPUT, bundle.inputData);
  const generated = input.pin === undefined;
  const pin = input.pin ?? generatePin();
  const withPin = input.text.replace(OTP_PIN_VARIABLE, () => pin);
  const measure = measureSms(withPin, smsCeiling(1)) ?? refuseInput(z, tooLongIssue(withPin.length, pin));
  refuseInput(z, oneSmsIssue(measure, unitsFor(measure.encoding, 1)));

  const body: SendOtpBody = {
    senderNumber: input.sender_number,
    recipientNumber: input.recipient_number,
    text: input.text,
    pin,
  };
  const { data } = await cinnoxRequest<unknown>(z, bundle, {
    method: 'POST',
    path: SEND_OTP_PATH,
    body,
    fields: SEND_OTP_INPUT.refusalLabels,
    check: 'the SMS report in the CINNOX Dashboard (was the OTP SMS sent?)',
  });
  const answer = otpAnswer(data);
  const secrets = secretsOf(bundle.authData);
  if (failed(answer.status)) throw notSent(z, body.recipientNumber, answer, secrets);
  if (!otpSentOf(answer.status)) throw notConfirmed(z, body.recipientNumber, answer, secrets);
  return {
    serviceID: asText(answer.serviceID),
    status: asText(answer.status),
    transactionID: asText(answer.transactionID),
    pin,
    pin_generated: generated,
    sender_number: body.senderNumber,
    recipient_number: body.recipientNumber,
    encoding: measure.encoding,
    characters: measure.characters,
  };
}) satisfies CreatePerform;

export default defineCreate({
  key: 'send_otp_sms',
  noun: 'OTP SMS',
  display: {
    label: 'Send OTP SMS',
    description:
      'Sends a one-time password (OTP) by SMS from one of your Alphanumeric sender IDs, generating a random PIN when none is given.',
  },
  operation: {
    inputFields: inputFieldsOf(SEND_OTP_INPUT),
    perform,
    sample: {
      serviceID: 'svc-8f2e41',
      status: 'true',
      transactionID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      pin: '482913',
      pin_generated: true,
      sender_number: 'CINNOX',
      recipient_number: '+85294667788',
      encoding: 'GSM-7',
      characters: 47,
    } satisfies SendOtpOutput,
    outputFields: [
      { key: 'serviceID', label: 'Service ID' },
      { key: 'status', label: 'Status (true: sent)' },
      { key: 'transactionID', label: 'Transaction ID' },
      { key: 'pin', label: 'PIN' },
      { key: 'pin_generated', label: 'PIN Generated by the App', type: 'boolean' },
      { key: 'sender_number', label: 'Sender ID' },
      { key: 'recipient_number', label: 'Recipient Number' },
      { key: 'encoding', label: 'Encoding (GSM-7 or UCS-2)' },
      { key: 'characters', label: 'Characters Counted (PIN in place)', type: 'integer' },
    ],
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  inputData: { sender_number: 'CINNOX', recipient_number: '+85294667788', text: 'Your code is %s.' },
};
