/**
 * Field specs of Send SMS. Plain data; the help texts state the SMS length rules of
 * src/messaging/sms-limits.ts, which src/messaging/sms-segments.ts counts a text against.
 */
import { NUMBER_TYPES, type NumberType } from '../cinnox/contract';
import { SMS_MAX_PARTS, SMS_UNITS } from '../messaging/sms-limits';
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels } from './spec';

/** The number types that send SMS (Alphanumeric sender IDs are listed by Get Number List only). */
export const SMS_NUMBER_TYPES: Readonly<Record<Extract<NumberType, 'access-numbers' | 'cli'>, string>> = {
  'access-numbers': NUMBER_TYPES['access-numbers'],
  cli: NUMBER_TYPES.cli,
};
export type SmsNumberType = keyof typeof SMS_NUMBER_TYPES;
export const DEFAULT_SMS_NUMBER_TYPE = 'access-numbers' satisfies SmsNumberType;
export const isSmsNumberType = (value: string): value is SmsNumberType => Object.hasOwn(SMS_NUMBER_TYPES, value);

export const smsNumberType = defineFieldSpec({
  key: 'number_type',
  label: 'Number Type',
  helpText: 'The kind of CINNOX number to send from; Sender Number lists the numbers of this type.',
  required: true,
  choices: SMS_NUMBER_TYPES,
  default: DEFAULT_SMS_NUMBER_TYPE,
  altersDynamicFields: true,
});

export const senderNumber = defineFieldSpec({
  key: 'sender_number',
  label: 'Sender Number',
  helpText: 'The CINNOX number the SMS is sent from: pick one of your numbers of the chosen Number Type.',
  required: true,
  format: 'sender-number',
  dynamic: 'sender_number_list.id.label',
});

export const recipientNumbers = defineFieldSpec({
  key: 'recipient_numbers',
  label: 'Recipient Number',
  helpText:
    'Who receives the SMS. Add several numbers to send the same text to each of them (each number is charged); duplicates are sent once.',
  required: true,
  format: 'phone',
  list: true,
});

export const smsText = defineFieldSpec({
  key: 'text',
  label: 'Text',
  helpText:
    `The SMS message. CINNOX charges for each SMS: one SMS holds ${SMS_UNITS['GSM-7'].single} GSM-7 characters ` +
    '(the characters € [ ] { } ~ ^ | \\ count two), or ' +
    `${SMS_UNITS['UCS-2'].single} characters when any character is outside GSM-7 (e.g. Chinese, or emoji: most emoji count two, ` +
    'some, such as those with a skin tone or joined from several, count four or more). ' +
    `Longer texts need Allow Multi-part SMS and are sent in parts of ${SMS_UNITS['GSM-7'].perPart} or ${SMS_UNITS['UCS-2'].perPart}.`,
  required: true,
  type: 'text',
});

export const allowMultipart = defineFieldSpec({
  key: 'allow_multipart',
  label: 'Allow Multi-part SMS',
  helpText:
    'No (the default): a text longer than one SMS is refused and nothing is sent. Yes: a longer text is sent as several SMS parts, each charged, up to Maximum SMS Parts.',
  type: 'boolean',
  default: 'false',
});

export const maxParts = defineFieldSpec({
  key: 'max_parts',
  label: 'Maximum SMS Parts',
  helpText: `With Allow Multi-part SMS: the most SMS parts one message may use (each part is charged). Empty means ${SMS_MAX_PARTS}. Ignored without Allow Multi-part SMS.`,
  type: 'integer',
  min: 1,
  max: SMS_MAX_PARTS,
});

export const SEND_SMS_FIELDS = defineFieldSpecs([
  smsNumberType,
  senderNumber,
  recipientNumbers,
  smsText,
  allowMultipart,
  maxParts,
]);

/** Send SMS's API fields (A2) → its Zapier labels. */
export const SMS_API_FIELDS: ApiFieldLabels = {
  senderNumber: senderNumber.label,
  recipientNumbers: recipientNumbers.label,
  recipientNumber: recipientNumbers.label,
};
