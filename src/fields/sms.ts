/**
 * The number types that send SMS, shared by Send SMS, Send OTP SMS and their sender drop-downs
 * (src/triggers/sender-number-list.ts, src/triggers/otp-sender-list.ts).
 */
import { NUMBER_TYPES, type NumberType } from '../cinnox/contract';

/** The number types that send SMS (Alphanumeric sender IDs are listed by Get Number List only). */
export const SMS_NUMBER_TYPES: Readonly<Record<Extract<NumberType, 'access-numbers' | 'cli'>, string>> = {
  'access-numbers': NUMBER_TYPES['access-numbers'],
  cli: NUMBER_TYPES.cli,
};
export type SmsNumberType = keyof typeof SMS_NUMBER_TYPES;
export const DEFAULT_SMS_NUMBER_TYPE = 'access-numbers' satisfies SmsNumberType;
export const isSmsNumberType = (value: string): value is SmsNumberType => Object.hasOwn(SMS_NUMBER_TYPES, value);

/** §1.2 "Alphanumeric sender ID only": the number list Send OTP SMS's Sender ID drop-down reads (A4). */
export const OTP_SENDER_NUMBER_TYPE = 'sms-numbers' satisfies NumberType;
