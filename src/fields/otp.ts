/**
 * Field specs of Send OTP SMS (docs/cinnox-api.md §1.2), and its cross-field rules: the text carries the PIN
 * variable once, the PIN is letters and / or digits.
 */
import { OTP_PIN_MAX_CHARS, OTP_PIN_VARIABLE, type NumberType } from '../cinnox/contract';
import { SMS_UNITS } from '../messaging/sms-limits';
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels, type InputOf, type Rule } from './spec';

/** §1.2 "Alphanumeric sender ID only": the number list the Sender ID drop-down reads (A4). */
export const OTP_SENDER_NUMBER_TYPE = 'sms-numbers' satisfies NumberType;
/** Digits of a generated PIN. */
export const GENERATED_PIN_DIGITS = 6;

export const otpSender = defineFieldSpec({
  key: 'sender_number',
  label: 'Sender ID',
  helpText: 'The Alphanumeric sender ID the OTP SMS comes from (CINNOX sends OTPs from these only): pick one of yours.',
  required: true,
  dynamic: 'otp_sender_list.id.label',
});

export const otpRecipient = defineFieldSpec({
  key: 'recipient_number',
  label: 'Recipient Number',
  helpText: 'The phone number that receives the one-time password.',
  required: true,
  format: 'phone',
});

export const otpText = defineFieldSpec({
  key: 'text',
  label: 'Text',
  helpText:
    `The SMS text, with ${OTP_PIN_VARIABLE} once where CINNOX puts the PIN, e.g. "Your code is ${OTP_PIN_VARIABLE}. It expires in 5 minutes." ` +
    `With the PIN in place it must fit one SMS: ${SMS_UNITS['GSM-7'].single} GSM-7 characters, or ${SMS_UNITS['UCS-2'].single} when any character ` +
    'is outside GSM-7 (e.g. Chinese or emoji). CINNOX charges for each SMS.',
  required: true,
  type: 'text',
});

export const otpPin = defineFieldSpec({
  key: 'pin',
  label: 'PIN',
  helpText:
    `The one-time password: letters and / or digits, no spaces or symbols. Leave empty for a random ${GENERATED_PIN_DIGITS}-digit PIN; ` +
    'the PIN sent is in the output (PIN), so a later step can store it to check what the recipient types.',
  maxChars: OTP_PIN_MAX_CHARS,
});

export const SEND_OTP_FIELDS = defineFieldSpecs([otpSender, otpRecipient, otpText, otpPin]);
export type SendOtpInput = InputOf<typeof SEND_OTP_FIELDS>;

/** Send OTP SMS's API fields (§1.2) → its Zapier labels (`text` left out, as Send SMS leaves it out). */
export const OTP_API_FIELDS: ApiFieldLabels = {
  senderNumber: otpSender.label,
  recipientNumber: otpRecipient.label,
  pin: otpPin.label,
};

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

/** The text carries the PIN variable exactly once. */
export const pinVariableRule: Rule<SendOtpInput> = ({ text }) => {
  const n = occurrences(text, OTP_PIN_VARIABLE);
  if (n === 1) return undefined;
  return n === 0
    ? `${otpText.label} must contain ${OTP_PIN_VARIABLE} where CINNOX puts the PIN; got "${text}". Add ${OTP_PIN_VARIABLE}, e.g. "Your code is ${OTP_PIN_VARIABLE}."`
    : `${otpText.label} must contain ${OTP_PIN_VARIABLE} once (CINNOX puts the PIN in one place); it contains it ${n} times.`;
};

/** §1.2: numeric, alphabetic or alphanumeric PINs only. */
export const pinCharactersRule: Rule<SendOtpInput> = ({ pin }) => {
  if (pin === undefined || /^[A-Za-z0-9]+$/.test(pin)) return undefined;
  return `${otpPin.label} must be letters and / or digits only (numeric, alphabetic or alphanumeric), without spaces or symbols; got "${pin}".`;
};

export const SEND_OTP_RULES = [pinVariableRule, pinCharactersRule] as const;
