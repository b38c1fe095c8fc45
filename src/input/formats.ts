/**
 * The value checks zod cannot know, each named after its format: phone numbers (libphonenumber-js), CINNOX
 * sender numbers, past dates, countries, and internationalised e-mail addresses. Each takes the field's label
 * and the trimmed text and gives the value to send or the message that names the field and the value.
 * src/input/schema.ts attaches them to fields as refinements, with each format's help text and ceiling, and the
 * characters no text field takes (control characters) or counts as filled (invisible ones).
 */

import { NOT_IN_CINNOX_IDS } from '../cinnox/contract';

/** What a value check gives: the value to send, or the error message naming the field. */
export interface Checked {
  value?: string;
  error?: string;
}

/** The most of a value an error message quotes, in UTF-16 code units: enough to recognise it, never a document. */
export const PREVIEW_UNITS = 200;

/** A value as text: a string as it is, anything else as JSON (or its String() when JSON cannot hold it). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as every input refusal quotes it: whole up to PREVIEW_UNITS, else its first PREVIEW_UNITS (never half
 * an emoji) with an ellipsis and the whole value's length, so a mapped document makes a short message.
 */
export const preview = (value: unknown): string => {
  const text = textOf(value);
  if (text.length <= PREVIEW_UNITS) return `"${text}"`;
  const low = text.charCodeAt(PREVIEW_UNITS);
  const end = low >= 0xdc00 && low <= 0xdfff ? PREVIEW_UNITS - 1 : PREVIEW_UNITS;
  return `"${text.slice(0, end)}…" (length ${text.length.toLocaleString('en-US')})`;
};

// ---- Countries ------------------------------------------------------------------------------------
/**
 * Countries: CINNOX's reference (docs/cinnox-api.md §3.2) asks for the ISO 3166 two-letter code; a Zap builder
 * may give the code in any case or the English name of the country or region.
 */

/** Two-letter region codes Intl knows that are no country or territory. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/**
 * Common English names and abbreviations Intl's display names do not give (older, longer or informal forms), as
 * `countryKey` writes them: "U.S.A." is "usa", "The Netherlands" is looked up without its "the".
 */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  us: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  uae: 'AE',
  emirates: 'AE',
  holland: 'NL',
  korea: 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'korea south': 'KR',
  rok: 'KR',
  dprk: 'KP',
  'democratic people s republic of korea': 'KP',
  'korea north': 'KP',
  'hong kong sar': 'HK',
  hksar: 'HK',
  'hong kong china': 'HK',
  'macau sar': 'MO',
  'macao sar': 'MO',
  'macau china': 'MO',
  macau: 'MO',
  'mainland china': 'CN',
  prc: 'CN',
  'peoples republic of china': 'CN',
  'people s republic of china': 'CN',
  'china mainland': 'CN',
  'republic of china': 'TW',
  'taiwan roc': 'TW',
  'taiwan province of china': 'TW',
  'republic of ireland': 'IE',
  ksa: 'SA',
  turkey: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  burma: 'MM',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'cabo verde': 'CV',
  'lao pdr': 'LA',
  'lao people s democratic republic': 'LA',
  'iran islamic republic of': 'IR',
  'syrian arab republic': 'SY',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'east timor': 'TL',
  'vatican city': 'VA',
  'holy see': 'VA',
};

/**
 * A pattern with Unicode property escapes (`\p{L}` …), built on its first use. V8 checks a `/\p{…}/u` literal
 * while it compiles the bundle, and again when the app's start evaluates it, looking each property up in ICU:
 * the app's six took 1.8 ms of every start (1.4 to 2.8 ms, 41 alternating pairs on a quiet machine;
 * docs/performance.md), for checks only an input needs.
 */
export function unicodePattern(source: string, flags: string): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= new RegExp(source, flags));
}

const MARKS = unicodePattern(String.raw`\p{M}`, 'gu');
const NOT_LETTERS_OR_DIGITS = unicodePattern(String.raw`[^\p{L}\p{N}]+`, 'gu');
const SPACED_INITIALS = unicodePattern(String.raw`\b(\p{L}) (?=\p{L}\b)`, 'gu');

/** A country name as it is looked up: no case, accents, punctuation or "&" vs "and" / "St." vs "Saint" differences. */
const countryKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(MARKS(), '')
    .toLowerCase()
    .replace(/['\u2019\u2018`]/g, '') // ’ and ‘ escaped: the bundle stays ASCII (scripts/build.ts)
    .replace(/&/g, ' and ')
    .replace(NOT_LETTERS_OR_DIGITS(), ' ')
    .trim()
    .replace(SPACED_INITIALS(), '$1')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bsar\b.*$/, 'sar');

let countryIndex: { codes: Set<string>; byName: Map<string, string> } | undefined;

/** The valid codes and the English names → code map, from Intl (built on first use). */
function countries(): NonNullable<typeof countryIndex> {
  if (countryIndex) return countryIndex;
  const names = (['long', 'short'] as const).map(
    (style) => new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }),
  );
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      // Intl also names retired codes (UK, BU, …): only the canonical one of each region counts.
      if (NOT_COUNTRIES.has(code) || new Intl.Locale(`und-${code}`).region !== code) continue;
      const found = names.map((n) => n.of(code)).filter((n): n is string => n !== undefined);
      if (found.length === 0) continue;
      codes.add(code);
      for (const name of found) if (!byName.has(countryKey(name))) byName.set(countryKey(name), code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES))
    if (codes.has(code) && !byName.has(name)) byName.set(name, code);
  countryIndex = { codes, byName };
  return countryIndex;
}

/** Two-letter code (any case) or English country / region name → the ISO 3166 two-letter code, or an error message. */
export function normalizeCountry(label: string, raw: string): Checked {
  const text = raw.trim();
  const { codes, byName } = countries();
  const key = countryKey(text);
  const code =
    /^[a-z]{2}$/i.test(text) && codes.has(text.toUpperCase())
      ? text.toUpperCase()
      : (byName.get(key) ?? byName.get(key.replace(/^the /, '')) ?? byName.get(key.replace(/ /g, '')));
  if (code) return { value: code };
  return {
    error: `${label} ${preview(raw)} is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.`,
  };
}

// ---- Phone numbers ------------------------------------------------------------------------------
// /min metadata: a number is checked against its country's lengths and overall pattern, not per number type,
// so a few unassigned ranges pass (+85299999999). /max would refuse them but adds 20.4 KB gzipped
// (dist/validate.js 40,456 → 61,314 bytes gzip), more than the deployable zip's size budget leaves.

const PHONE_EXAMPLE = '+85294667788';

const needsPlus = (label: string, raw: string): Checked => ({
  error: `${label} ${preview(raw)} must start with + and the country code, e.g. ${PHONE_EXAMPLE}.`,
});

/** An extension typed after the number: "ext. 12", "extension 12", "x12", "#12". */
const EXTENSION = /(?:ext(?:ension)?\.?|x|#)\s*(\d{1,7})\s*$/i;

/** Phone number → E.164, or an error message. */
export function normalizePhone(label: string, raw: string): Checked {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) return needsPlus(label, raw);
  const extension = EXTENSION.exec(raw.trim());
  if (extension) {
    const number = raw
      .trim()
      .slice(0, extension.index)
      .replace(/[\s().,;-]+$/, '');
    return {
      error: `${label} ${preview(raw)} has an extension (${extension[1]}): CINNOX's phone field holds no extension. Enter the number alone, e.g. ${number.replace(/[\s().-]/g, '')}.`,
    };
  }
  // Loaded on the first phone number, not at app start: its metadata is most of what the check costs.
  const { parsePhoneNumberWithError } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./phone-lib') as typeof import('./phone-lib');
  try {
    const phone = parsePhoneNumberWithError(text);
    if (!phone.isValid())
      return {
        error: `${label} ${preview(raw)} is not a valid phone number for ${phone.country ?? `country code +${phone.countryCallingCode}`}; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
      };
    if (phone.ext)
      return {
        error: `${label} ${preview(raw)} has an extension (${phone.ext}): CINNOX's phone field holds no extension. Enter the number alone, e.g. ${phone.number}.`,
      };
    return { value: phone.number };
  } catch {
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  }
}

/**
 * A CINNOX sender number (Send SMS's Sender Number): + and the country code, as the drop-down gives it and as a
 * Recipient Number must be; sent without spaces, brackets, dots or dashes. Not checked against the phone
 * metadata: CINNOX knows its own numbers.
 */
export function checkSenderNumber(label: string, raw: string): Checked {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) return needsPlus(label, raw);
  if (!/^\+\d{3,15}$/.test(text))
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  return { value: text };
}

// ---- Dates ----------------------------------------------------------------------------------------
/** Past dates (Birth Date): dd/mm/yyyy or ISO in, dd/mm/yyyy out, never in the future. */

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy or ISO date → dd/mm/yyyy, or an error message. `now` is for tests. */
export function normalizePastDate(label: string, raw: string, now = new Date()): Checked {
  const text = raw.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let day: number, month: number, year: number;
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return { error: `${label} ${preview(raw)} is not a date; use dd/mm/yyyy, e.g. 31/05/1990.` };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    // 05/31/1990: a US-style date (month first) read day first.
    if (text.includes('/') && month > 12 && day <= 12)
      return {
        error: `${label} ${preview(raw)} looks like mm/dd/yyyy (month first): use dd/mm/yyyy (day first), e.g. ${pad(month)}/${pad(day)}/${year}.`,
      };
    return { error: `${label} ${preview(raw)} is not a real calendar date.` };
  }
  // "Today" where it is latest (UTC+14), so no time zone sees a valid date refused.
  const latestToday = new Date(now.getTime() + 14 * 3600 * 1000);
  const today = Date.UTC(latestToday.getUTCFullYear(), latestToday.getUTCMonth(), latestToday.getUTCDate());
  if (date.getTime() > today) return { error: `${label} ${preview(raw)} is in the future.` };
  return { value: `${pad(day)}/${pad(month)}/${year}` };
}

// ---- E-mail addresses ---------------------------------------------------------------------------
// zod's e-mail check takes plain ASCII addresses (src/input/schema.ts); an internationalised address
// (`ann@münchen.de`, a punycode top-level domain such as `xn--p1ai`, letters of any script before the @) is
// checked here, with its domain converted to ASCII by the WHATWG URL parser (IDNA), label by label.

/** Letters, digits and marks of any script, and the RFC 5322 atext signs. */
const ATEXT = String.raw`\p{L}\p{N}\p{M}!#$%&'*+/=?^_` + '`{|}~-';
/** Runs of atext, separated by single dots. */
const LOCAL_PART = unicodePattern(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`, 'u');
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an IDNA one in punycode (xn--…). */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** The domain in ASCII (IDNA), or undefined when the URL parser refuses it. */
function asciiDomain(domain: string): string | undefined {
  if (!domain || /[\s/?#@:[\]\\%]/.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
}

/** An internationalised e-mail address zod's ASCII pattern refuses, checked label by label. */
export function isInternationalEmail(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at < 1) return false;
  const local = text.slice(0, at);
  const domain = asciiDomain(text.slice(at + 1));
  if (!domain || local.length > 64 || !LOCAL_PART().test(local) || domain.length > 253) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => DNS_LABEL.test(l)) && TOP_LEVEL.test(labels.at(-1)!);
}

// ---- CINNOX IDs ---------------------------------------------------------------------------------
// A32 (src/cinnox/contract.ts): an ID holds no white space, "/", "\", "%", "?" or "#", and is not "." or "..",
// which URL parsing would collapse out of the API's path.

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A CINNOX ID as typed or mapped, or the message naming the field, what no ID holds, and `hint` (what to map). */
export function checkCinnoxId(label: string, raw: string, hint: string): Checked {
  const found = NOT_IN_CINNOX_IDS.exec(raw)?.[0];
  if (found !== undefined) {
    const what = found === ' ' ? 'a space' : /\s/.test(found) ? `white space (${codePoint(found)})` : `"${found}"`;
    return {
      error: `${label} ${preview(raw)} is not a CINNOX ID: it contains ${what} (CINNOX IDs have no spaces, "/", "\\", "%", "?" or "#"). ${hint}`,
    };
  }
  if (raw === '.' || raw === '..')
    return { error: `${label} ${preview(raw)} is not a CINNOX ID: "." and ".." are not IDs. ${hint}` };
  return { value: raw };
}

// ---- Formats and characters, as the field builders of src/input/schema.ts check them ----------------

/** The formats a text field may have, each checked here (email by zod first). */
export type Format = 'phone' | 'email' | 'past-date' | 'country' | 'sender-number';

/** What a field's help text says of its format. */
export const FORMAT_HELP: Record<Format, string> = {
  phone: 'Format: + country code and number, e.g. +85294667788.',
  email: 'An e-mail address, e.g. ann@example.com.',
  'past-date': 'Format: dd/mm/yyyy (ISO dates such as 2024-05-31 are accepted too); not in the future.',
  country:
    'A two-letter ISO 3166 code such as HK, or a country name in English such as Hong Kong; CINNOX gets the code.',
  'sender-number': 'Format: + country code and number, e.g. +85230001234, as the drop-down gives it.',
};

/**
 * The ceiling of each format, in UTF-16 code units: longer than any value of the format, so a longer text is
 * refused on its length alone, before its format is read.
 */
export const FORMAT_MAX_UNITS: Readonly<Record<Format, number>> = {
  // E.164 numbers have at most 15 digits: with +, spaces, brackets, dashes or an extension, far fewer than 64.
  phone: 64,
  // RFC 5321: an address (a path of at most 256 octets, its brackets aside) is at most 254 characters.
  email: 254,
  // dd/mm/yyyy, or an ISO date with a time and an offset (2024-05-31T12:00:00.000+08:00 is 29).
  'past-date': 64,
  // The contact's Country holds 50 characters (the CINNOX Zapier guide), each up to 4 units.
  country: 200,
  'sender-number': 64,
};

/** Each format's check (an e-mail address is zod's, then `isInternationalEmail`). */
export const FORMAT_CHECKS: Record<Exclude<Format, 'email'>, (label: string, text: string) => Checked> = {
  phone: normalizePhone,
  'past-date': normalizePastDate,
  country: normalizeCountry,
  'sender-number': checkSenderNumber,
};
