/**
 * SMS length rules (CINNOX Operations overview, docs/cinnox-api.md §1.1, and GSM 03.38): what one SMS and
 * one part of a multi-part SMS hold, and the most parts one Send SMS may use. Plain data, shared by the
 * Send SMS help texts (src/fields/sms.ts) and the counter (src/messaging/sms-segments.ts).
 */

/** Units one SMS holds, and units each part of a multi-part SMS holds (the rest is the part header). */
export const SMS_UNITS = {
  'GSM-7': { single: 160, perPart: 153 },
  'UCS-2': { single: 70, perPart: 67 },
} as const;
export type SmsEncoding = keyof typeof SMS_UNITS;
/** The most parts one Send SMS may use, and only with Allow Multi-part SMS. */
export const SMS_MAX_PARTS = 10;
