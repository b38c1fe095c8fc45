/**
 * Field specs of the messaging actions and look-ups (issue 4): Send SMS, Send IM to Staff / Room,
 * Get Number List, Find Enquiry. Plain data: each limit lives here once, in its spec or constant.
 */
import { MESSAGE_PUSH_MAX_CHARS, NUMBER_TYPES, type NumberType } from '../cinnox/contract';
import type { FieldSpec } from './fields';

// ---------------------------------------------------------------------------------------------
// SMS length rules (CINNOX Operations overview, ../shared/cinnox-open-api.md §1.1, and GSM 03.38)
// ---------------------------------------------------------------------------------------------

/** Units one SMS holds, and units each part of a multi-part SMS holds (the rest is the part header). */
export const SMS_UNITS = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
} as const;
export type SmsEncoding = keyof typeof SMS_UNITS;
/** The most parts one Send SMS may use, and only with Allow Multi-part SMS. */
export const SMS_MAX_PARTS = 10;

/** The number types that send SMS (Alphanumeric sender IDs are listed by Get Number List only). */
export const SMS_NUMBER_TYPES: Readonly<Record<Extract<NumberType, 'access-numbers' | 'cli'>, string>> = {
  'access-numbers': NUMBER_TYPES['access-numbers'],
  cli: NUMBER_TYPES.cli,
};
export const DEFAULT_SMS_NUMBER_TYPE = 'access-numbers' satisfies keyof typeof SMS_NUMBER_TYPES;

// ---------------------------------------------------------------------------------------------
// Send SMS
// ---------------------------------------------------------------------------------------------

export const smsNumberType: FieldSpec = {
  key: 'number_type',
  label: 'Number Type',
  helpText: 'The kind of CINNOX number to send from; Sender Number lists the numbers of this type.',
  required: true,
  choices: SMS_NUMBER_TYPES,
  default: DEFAULT_SMS_NUMBER_TYPE,
  altersDynamicFields: true,
};

export const senderNumber: FieldSpec = {
  key: 'sender_number',
  label: 'Sender Number',
  helpText: 'The CINNOX number the SMS is sent from: pick one of your numbers of the chosen Number Type.',
  required: true,
  dynamic: 'sender_number_list.id.label',
};

export const recipientNumbers: FieldSpec = {
  key: 'recipient_numbers',
  label: 'Recipient Number',
  helpText:
    'Who receives the SMS. Add several numbers to send the same text to each of them (each number is charged); duplicates are sent once.',
  required: true,
  format: 'phone',
  list: true,
};

export const smsText: FieldSpec = {
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
};

export const allowMultipart: FieldSpec = {
  key: 'allow_multipart',
  label: 'Allow Multi-part SMS',
  helpText:
    'No (the default): a text longer than one SMS is refused and nothing is sent. Yes: a longer text is sent as several SMS parts, each charged, up to Maximum SMS Parts.',
  type: 'boolean',
  default: 'false',
};

export const maxParts: FieldSpec = {
  key: 'max_parts',
  label: 'Maximum SMS Parts',
  helpText: `With Allow Multi-part SMS: the most SMS parts one message may use (each part is charged). Empty means ${SMS_MAX_PARTS}. Ignored without Allow Multi-part SMS.`,
  type: 'integer',
  min: 1,
  max: SMS_MAX_PARTS,
};

export const SEND_SMS_FIELDS: readonly FieldSpec[] = [
  smsNumberType,
  senderNumber,
  recipientNumbers,
  smsText,
  allowMultipart,
  maxParts,
];

// ---------------------------------------------------------------------------------------------
// Send IM to Staff / Room (message push, §1.3)
// ---------------------------------------------------------------------------------------------

export const imText: FieldSpec = {
  key: 'text',
  label: 'Text',
  helpText: 'The instant message to send.',
  required: true,
  type: 'text',
  maxChars: MESSAGE_PUSH_MAX_CHARS,
};

export const staffId: FieldSpec = {
  key: 'staff_id',
  label: 'Staff ID',
  helpText: 'The staff member who receives the message: pick one from your CINNOX staff, or enter a staff ID.',
  required: true,
  dynamic: 'staff_list.id.name',
};

export const roomId: FieldSpec = {
  key: 'room_id',
  label: 'Room ID',
  helpText:
    "The Room ID of the Space (group chat) that receives the message. In CINNOX, open the Space and copy its Room ID; CINNOX's Space Detailed Guide shows where to find it.",
  required: true,
};

export const SEND_IM_TO_STAFF_FIELDS: readonly FieldSpec[] = [staffId, imText];
export const SEND_IM_TO_ROOM_FIELDS: readonly FieldSpec[] = [roomId, imText];

// ---------------------------------------------------------------------------------------------
// Look-ups
// ---------------------------------------------------------------------------------------------

export const lookupNumberType: FieldSpec = {
  key: 'number_type',
  label: 'Number Type',
  helpText: 'Which of your CINNOX numbers to list.',
  required: true,
  choices: NUMBER_TYPES,
};

export const displayCaseNumber: FieldSpec = {
  key: 'display_case_number',
  label: 'Display Case Number',
  helpText: 'The enquiry number shown in the CINNOX Dashboard (displayCaseNumber).',
  required: true,
};

export const FIND_NUMBERS_FIELDS: readonly FieldSpec[] = [lookupNumberType];
export const FIND_ENQUIRY_FIELDS: readonly FieldSpec[] = [displayCaseNumber];
