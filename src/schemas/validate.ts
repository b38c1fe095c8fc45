/**
 * Validation from field specs (src/schemas/fields.ts), with zod: runs before any request, and throws one
 * error naming every bad field, its limit and what was given. zod (mini) and libphonenumber-js are
 * imported here only, and this module is loaded lazily by the operations that need it.
 */
import * as z from 'zod/mini';
// /min metadata: a number is checked against its country's lengths and overall pattern, not per number type,
// so a few unassigned ranges pass (+85299999999). /max would refuse them but adds 20.4 KB gzipped
// (dist/validate.js 40,456 → 61,314 bytes gzip), more than the deployable zip's size budget leaves.
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/min';
import type { FieldSpec } from './fields';

export type Parsed = Record<string, unknown>;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Characters as a person counts them: an emoji or an accented letter is one. */
export const countChars = (text: string): number => {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
};

const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
};

const PHONE_EXAMPLE = '+85294667788';

/** Phone number → E.164, or an error message. */
export function normalizePhone(label: string, raw: string): { value?: string; error?: string } {
  const text = raw.replace(/[\s().-]/g, '');
  if (!text.startsWith('+')) {
    return { error: `${label} ${preview(raw)} must start with + and the country code, e.g. ${PHONE_EXAMPLE}.` };
  }
  try {
    const phone = parsePhoneNumberWithError(text);
    if (!isValidPhoneNumber(text))
      return {
        error: `${label} ${preview(raw)} is not a valid phone number for ${phone.country ?? `country code +${phone.countryCallingCode}`}; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
      };
    return { value: phone.number };
  } catch {
    return {
      error: `${label} ${preview(raw)} is not a phone number; enter + country code and number, e.g. ${PHONE_EXAMPLE}.`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Countries: CINNOX's reference (§3.2) asks for the ISO 3166 two-letter code
// ---------------------------------------------------------------------------------------------

/** Two-letter region codes Intl knows that are no country or territory. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/** Common English names Intl's display names do not give (older or longer forms). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  'great britain': 'GB',
  turkey: 'TR',
  'czech republic': 'CZ',
  macau: 'MO',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  burma: 'MM',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'cabo verde': 'CV',
};

/** A country name as it is looked up: no case, accents, punctuation or "&" vs "and" / "St." vs "Saint" differences. */
const countryKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint');

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
export function normalizeCountry(label: string, raw: string): { value?: string; error?: string } {
  const text = raw.trim();
  const { codes, byName } = countries();
  const code =
    /^[a-z]{2}$/i.test(text) && codes.has(text.toUpperCase()) ? text.toUpperCase() : byName.get(countryKey(text));
  if (code) return { value: code };
  return {
    error: `${label} ${preview(raw)} is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.`,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy or ISO date → dd/mm/yyyy, or an error message. `now` is for tests. */
export function normalizePastDate(label: string, raw: string, now = new Date()): { value?: string; error?: string } {
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
    return { error: `${label} ${preview(raw)} is not a real calendar date.` };
  }
  // "Today" where it is latest (UTC+14), so no time zone sees a valid date refused.
  const latestToday = new Date(now.getTime() + 14 * 3600 * 1000);
  const today = Date.UTC(latestToday.getUTCFullYear(), latestToday.getUTCMonth(), latestToday.getUTCDate());
  if (date.getTime() > today) return { error: `${label} ${preview(raw)} is in the future.` };
  return { value: `${pad(day)}/${pad(month)}/${year}` };
}

const emailSchema = z.email();

/** One value of a field (a list field checks each element with this). */
function checkOne(spec: FieldSpec, raw: unknown, ctx: { issues: string[] }): unknown {
  if (spec.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const text = String(raw).trim().toLowerCase();
    if (['true', 'yes', '1'].includes(text)) return true;
    if (['false', 'no', '0'].includes(text)) return false;
    ctx.issues.push(`${spec.label} must be yes or no; got ${preview(raw)}.`);
    return undefined;
  }
  if (spec.type === 'integer') {
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isInteger(n)) {
      ctx.issues.push(`${spec.label} must be a whole number; got ${preview(raw)}.`);
      return undefined;
    }
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      ctx.issues.push(`${spec.label} must be from ${spec.min} to ${spec.max}; got ${n}.`);
      return undefined;
    }
    return n;
  }
  const text = typeof raw === 'string' ? raw.trim() : String(raw).trim();
  if (spec.maxChars !== undefined) {
    const n = countChars(text);
    if (n > spec.maxChars) {
      ctx.issues.push(`${spec.label} must be at most ${spec.maxChars} characters; got ${n} (${preview(text)}).`);
      return undefined;
    }
  }
  if (spec.choices && !Object.hasOwn(spec.choices, text)) {
    ctx.issues.push(`${spec.label} must be one of ${Object.keys(spec.choices).join(', ')}; got ${preview(text)}.`);
    return undefined;
  }
  if (spec.format === 'email' && !z.safeParse(emailSchema, text).success) {
    ctx.issues.push(`${spec.label} ${preview(text)} is not an e-mail address (e.g. ann@example.com).`);
    return undefined;
  }
  if (spec.format === 'phone' || spec.format === 'past-date' || spec.format === 'country') {
    const normalize = { phone: normalizePhone, 'past-date': normalizePastDate, country: normalizeCountry }[spec.format];
    const result = normalize(spec.label, text);
    if (result.error) ctx.issues.push(result.error);
    return result.value;
  }
  return text;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.every(isEmpty));

/** The zod schema of a set of field specs: empty optional fields become undefined, never "". */
export function schemaOf(specs: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const spec of specs) {
    shape[spec.key] = z.pipe(
      z.unknown(),
      z.transform((raw: unknown, ctx) => {
        const issues: string[] = [];
        let value: unknown;
        if (isEmpty(raw)) {
          if (spec.required) issues.push(`${spec.label} is required.`);
          value = undefined;
        } else if (spec.list) {
          const items = (Array.isArray(raw) ? raw : String(raw).split(',')).filter((v) => !isEmpty(v));
          value = items.map((item) => checkOne(spec, item, { issues }));
        } else {
          value = checkOne(spec, Array.isArray(raw) ? raw.join(',') : raw, { issues });
        }
        for (const message of issues) ctx.issues.push({ code: 'custom', message, input: raw });
        return value;
      }),
    );
  }
  return z.object(shape);
}

export class InputError extends Error {
  override name = 'InputError';
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Nothing was sent to CINNOX. ${issues.join(' ')}`);
    this.issues = issues;
  }
}

/**
 * Parses inputData against the specs plus cross-field `rules` (each returns an issue message or nothing).
 * Throws InputError listing every problem.
 */
export function parseInput(
  specs: readonly FieldSpec[],
  inputData: Record<string, unknown>,
  rules: ((parsed: Parsed) => string | undefined)[] = [],
): Parsed {
  // Zapier leaves unfilled fields out of inputData, and zod refuses an absent key ("Invalid input"):
  // give every spec's key a value so its own check runs (empty optional → undefined, empty required → named).
  const input: Record<string, unknown> = { ...(inputData ?? {}) };
  for (const spec of specs) if (!Object.hasOwn(input, spec.key)) input[spec.key] = undefined;
  const result = z.safeParse(schemaOf(specs), input);
  const issues = result.success ? [] : result.error.issues.map((i) => i.message);
  if (result.success) {
    for (const rule of rules) {
      const message = rule(result.data as Parsed);
      if (message) issues.push(message);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return result.data as Parsed;
}
