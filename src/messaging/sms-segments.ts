/**
 * Counting an SMS as a carrier does, so a Zap builder sees (and caps) the cost before anything is sent.
 *
 * Twilio's `sms-segments-calculator` does the counting: GSM-7 when every character is in the GSM 03.38
 * basic or extension table (extension characters count two), otherwise UCS-2; one SMS holds 160 / 70
 * units, a multi-part SMS 153 / 67 a part. Two places where this module corrects or qualifies it
 * (test/creates/sms-segments.test.ts shows each):
 *  - Characters counted in UCS-2: the library reports graphemes (👍🏽 is 1); a carrier counts UTF-16 code
 *    units (a character outside the BMP is 2, 👍🏽 is 4). `characters` here is the UTF-16 count.
 *  - Part boundaries: the library never splits a character across two parts (a GSM-7 extension
 *    character's escape pair, a UTF-16 surrogate pair, an emoji sequence), as handsets and carriers do,
 *    so a part whose last slot would split one holds one unit less. The part count is then one more
 *    than characters ÷ 153 (or 67) would suggest; the app keeps the library's (carrier's) count, which
 *    is what is charged, and says so in the error.
 *
 * The counter's cost grows faster than the text (a few seconds for 40,000 characters), so a text longer than any
 * SMS the step may send is refused on its length alone and never counted (`measureSms`'s ceiling).
 *
 * The library is required on the first text counted, not when the app starts (Send SMS and Send OTP SMS only): the
 * build makes it a bundle of its own (scripts/build.ts).
 */
import { SMS_MAX_PARTS, SMS_UNITS, type SmsEncoding } from './sms-limits';

export interface SmsMeasure {
  encoding: SmsEncoding;
  /** Units a carrier counts: GSM-7 septets (extension characters 2) or UTF-16 code units (non-BMP 2). */
  characters: number;
  /** SMS parts the text is sent (and charged) as. */
  parts: number;
  /** The characters outside GSM-7, in order (each forces UCS-2). */
  nonGsm: string[];
  /** The GSM-7 extension characters used (each counts two in GSM-7). */
  extension: string[];
}

/** Units `parts` SMS parts hold (one SMS is not split, so it holds more than one part). */
export const unitsFor = (encoding: SmsEncoding, parts: number): number =>
  parts <= 1 ? SMS_UNITS[encoding].single : SMS_UNITS[encoding].perPart * parts;

/**
 * The most UTF-16 code units a text of `parts` SMS parts can have: every GSM-7 character is one unit (all are in
 * the BMP) and takes at least one septet, and GSM-7 parts hold more characters than UCS-2 ones. No longer text
 * fits, whatever its characters.
 */
export const smsCeiling = (parts: number): number => unitsFor('GSM-7', parts);

/**
 * The text counted as a carrier counts it, or undefined when it is longer than `ceiling` UTF-16 code units (by
 * default what the most parts of a multi-part SMS hold): a text that cannot fit is not counted at all.
 */
export function measureSms(text: string, ceiling: number = smsCeiling(SMS_MAX_PARTS)): SmsMeasure | undefined {
  if (text.length > ceiling) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SegmentedMessage } = require('sms-segments-calculator') as typeof import('sms-segments-calculator');
  const message = new SegmentedMessage(text);
  const encoding = message.encodingName;
  return {
    encoding,
    // Correction: for UCS-2 the library counts graphemes; carriers count UTF-16 code units.
    characters: encoding === 'UCS-2' ? text.length : message.numberOfCharacters,
    parts: message.segmentsCount,
    nonGsm: message.getNonGsmCharacters(),
    extension: encoding === 'GSM-7' ? message.encodedChars.filter((c) => c.codeUnits.length > 1).map((c) => c.raw) : [],
  };
}

const codePoints = (char: string): string =>
  [...char].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

const distinct = (chars: string[]): string[] => [...new Set(chars)];

const quoteList = (chars: string[]): string => chars.map((c) => `"${c}"`).join(' ');

/** What `maxParts` parts allow, as the input errors say it. */
const allowedParts = (encoding: SmsEncoding, maxParts: number): string =>
  maxParts === 1
    ? `one SMS holds ${unitsFor(encoding, 1)} ${encoding} characters`
    : `Maximum SMS Parts is ${maxParts} (${unitsFor(encoding, maxParts)} ${encoding} characters)`;

const SHORTEN_MULTIPART = `Shorten the text: even multi-part SMS allows at most ${SMS_MAX_PARTS} parts.`;

/**
 * The input error for a text `measureSms` did not count, from its length alone: longer than even SMS_MAX_PARTS
 * parts hold (in GSM-7, the encoding that holds the most).
 */
export const smsLengthIssue = (label: string, length: number, maxParts: number): string =>
  `${label} is ${length} characters long, which needs more than ${SMS_MAX_PARTS} SMS parts; ${allowedParts('GSM-7', maxParts)}. ${SHORTEN_MULTIPART}`;

/**
 * The input error when `measure` needs more than `maxParts` parts, else undefined. `multipartAllowed`
 * picks the advice: allow multi-part, or raise the maximum.
 */
export function smsLimitIssue(
  label: string,
  measure: SmsMeasure,
  maxParts: number,
  multipartAllowed: boolean,
): string | undefined {
  if (measure.parts <= maxParts) return undefined;
  const { encoding, characters, parts } = measure;
  const limit = unitsFor(encoding, maxParts);
  const sentences: string[] = [];

  let counted = `${label} is ${characters} ${encoding} characters`;
  const extension = distinct(measure.extension);
  if (extension.length > 0) counted += ` (${quoteList(extension)} count two)`;
  const needs = parts === 1 ? 'one SMS' : `${parts} SMS parts`;
  sentences.push(`${counted}, which needs ${needs}; ${allowedParts(encoding, maxParts)}.`);

  if (characters <= limit) {
    sentences.push(
      'A character is never split between two SMS parts, so a part that would split one holds one character less.',
    );
  }
  if (encoding === 'UCS-2') {
    const forcing = measure.nonGsm[0];
    const others = distinct(measure.nonGsm).filter((c) => c !== forcing).length;
    if (forcing !== undefined) {
      const more =
        others > 0 ? ` (as ${others === 1 ? 'is 1 other character' : `are ${others} other characters`})` : '';
      sentences.push(
        `It is sent as UCS-2 because "${forcing}" (${codePoints(forcing)}) is not in the GSM-7 alphabet${more}.`,
      );
    }
  }
  if (parts > SMS_MAX_PARTS) {
    sentences.push(SHORTEN_MULTIPART);
  } else if (!multipartAllowed) {
    sentences.push(`Shorten the text, or set Allow Multi-part SMS to yes to send it in ${parts} parts, each charged.`);
  } else if (maxParts < SMS_MAX_PARTS) {
    sentences.push(`Shorten the text, or raise Maximum SMS Parts (at most ${SMS_MAX_PARTS}).`);
  } else {
    sentences.push('Shorten the text.');
  }
  return sentences.join(' ');
}
