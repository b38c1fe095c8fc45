/**
 * Reading values out of CINNOX records and events, one way everywhere: CINNOX types ids, phone numbers
 * and codes loosely (a phone number is a JSON number, a country a string or a list), and Zapier shows text.
 */
import type { NumberRecord } from './contract';

/** How deep asText reads lists inside lists; CINNOX sends flat lists (a country list), deeper is ignored. */
const MAX_TEXT_DEPTH = 2;

/** A value as the text Zapier shows: '' for nothing, strings trimmed, lists joined with ", ". */
export function asText(value: unknown, depth = 0): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return depth >= MAX_TEXT_DEPTH
      ? ''
      : value
          .map((v) => asText(v, depth + 1))
          .filter(Boolean)
          .join(', ');
  try {
    return JSON.stringify(value);
  } catch {
    // Too deeply nested to serialise (RangeError): nothing CINNOX sends.
    return '';
  }
}

/** A phone number in E.164 once spaces, brackets, dots and dashes are gone: a country code (never 0) and 8 to 15 digits. */
const E164_DIGITS = /^\+?([1-9]\d{7,14})$/;

/**
 * A phone number as E.164 text, the form Send SMS's Recipient Number and Sender Number accept. CINNOX sends
 * numbers as "country code + number" JSON numbers (e.g. 85298765432, docs/cinnox-api.md §1.10 / §3.1), which lose
 * the "+", or as text that may be spaced ("+852 9876 5432"): both become "+85298765432". Anything else (an
 * Alphanumeric sender ID, an extension, a national number starting with 0) is left as it is.
 */
export function asE164(value: unknown): string {
  const t = asText(value);
  const digits = E164_DIGITS.exec(t.replace(/[\s().-]/g, ''))?.[1];
  return digits ? `+${digits}` : t;
}

/**
 * A documented CINNOX value as the scheduled triggers compare it (A30): lower case, without spaces, hyphens or
 * underscores ("Not Answered", "NOT_ANSWERED" and "not-answered" are one; "Web Link" is "Weblink").
 */
export const valueWord = (value: unknown): string =>
  asText(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** The number of a number-list record (§1.4 / §1.5), whichever casing CINNOX used. */
export const numberOf = (record: NumberRecord): string => asText(record.number ?? record.Number);
/** Its country or countries (an array of ISO codes in §1.5), as text. */
export const countryOf = (record: NumberRecord): string => asText(record.country);

/**
 * The form names are compared in by the exact-match searches (Find External Contact, Find Staff Member,
 * Find Label): whitespace trimmed and collapsed, Unicode NFC, lower case.
 */
export const nameKey = (name: string): string =>
  name.trim().replace(/\s+/g, ' ').normalize('NFC').toLocaleLowerCase('en');
