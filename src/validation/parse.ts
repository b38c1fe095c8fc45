/**
 * Validation from field specs (src/fields/spec.ts): runs before any request, and throws one error naming
 * every bad field, its limit and what was given. src/validation/index.ts loads this module with
 * `await import('./parse')`: the build bundles it on its own (dist/validate.js), so an app start neither
 * parses nor runs it. The checks that need a library are bundles of their own, loaded on the first value
 * of their kind (scripts/build.ts, 'call'): phone.ts (libphonenumber-js metadata) and email.ts (zod).
 */
import { describeChoice, maxUnitsOf, type FieldFormat, type FieldSpec, type InputOf, type Rule } from '../fields/spec';
import { normalizeCountry } from './countries';
import { normalizePastDate } from './dates';
import { checkEmail } from './email';
import { inputErrorMessage } from './message';
import { checkSenderNumber, normalizePhone } from './phone';
import { controlCharIssue, countChars, isInvisible, preview, type Checked } from './text';

/** The check of each format: the value to send (normalised), or the error message. */
const FORMAT_CHECKS: Record<FieldFormat, (label: string, text: string) => Checked> = {
  email: checkEmail,
  phone: normalizePhone,
  'past-date': normalizePastDate,
  country: normalizeCountry,
  'sender-number': checkSenderNumber,
};

const formatted = (n: number): string => n.toLocaleString('en-US');

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
  const control = controlCharIssue(spec.label, text);
  if (control) {
    ctx.issues.push(control);
    return undefined;
  }
  if (spec.maxChars !== undefined) {
    const n = countChars(text);
    if (n > spec.maxChars) {
      ctx.issues.push(`${spec.label} must be at most ${spec.maxChars} characters; got ${n} (${preview(text)}).`);
      return undefined;
    }
  }
  // What CINNOX stores, whatever it counts: combining marks and joined emoji are one character but many units.
  const maxUnits = maxUnitsOf(spec);
  if (maxUnits !== undefined && text.length > maxUnits) {
    ctx.issues.push(
      `${spec.label} is too long for CINNOX: ${formatted(text.length)} UTF-16 code units, at most ${formatted(maxUnits)} (${preview(text)}).`,
    );
    return undefined;
  }
  if (spec.choices && !Object.hasOwn(spec.choices, text)) {
    const choices = Object.entries(spec.choices).map(([value, label]) => describeChoice(value, label));
    ctx.issues.push(`${spec.label} must be one of ${choices.join(', ')}; got ${preview(text)}.`);
    return undefined;
  }
  if (spec.format) {
    const result = FORMAT_CHECKS[spec.format](spec.label, text);
    if (result.error) ctx.issues.push(result.error);
    return result.value;
  }
  return text;
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && isInvisible(value)) ||
  (Array.isArray(value) && value.every(isEmpty));

/** One field's value from inputData, checked and normalised: empty optional fields become undefined, never "". */
function checkField(spec: FieldSpec, raw: unknown, issues: string[]): unknown {
  if (isEmpty(raw)) {
    if (spec.required) issues.push(`${spec.label} is required.`);
    return undefined;
  }
  if (spec.list) {
    const items = (Array.isArray(raw) ? raw : String(raw).split(',')).filter((v) => !isEmpty(v));
    return items.map((item) => checkOne(spec, item, { issues }));
  }
  return checkOne(spec, Array.isArray(raw) ? raw.join(',') : raw, { issues });
}

export class InputError extends Error {
  override name = 'InputError';
  readonly issues: string[];
  constructor(issues: string[]) {
    super(inputErrorMessage(issues));
    this.issues = issues;
  }
}

/**
 * Parses inputData against the specs plus cross-field `rules` (each returns an issue message or nothing).
 * Throws InputError listing every problem.
 */
export function parseInput<const Specs extends readonly FieldSpec[]>(
  specs: Specs,
  inputData: Record<string, unknown>,
  rules: readonly Rule<InputOf<Specs>>[] = [],
): InputOf<Specs> {
  // Zapier leaves unfilled fields out of inputData: every spec's own check runs all the same (an empty
  // optional field → undefined, an empty required one → named). Keys no spec names are left out.
  const given: Record<string, unknown> = inputData ?? {};
  const data: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const spec of specs) {
    data[spec.key] = checkField(spec, Object.hasOwn(given, spec.key) ? given[spec.key] : undefined, issues);
  }
  if (issues.length === 0) {
    for (const rule of rules) {
      const message = rule(data as InputOf<Specs>);
      if (message) issues.push(message);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return data as InputOf<Specs>;
}
