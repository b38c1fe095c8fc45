/**
 * Validation from field specs (src/fields/spec.ts), with zod: runs before any request, and throws one
 * error naming every bad field, its limit and what was given. zod (mini) and libphonenumber-js are
 * imported by this module and the checks it uses (phone.ts, dates.ts, countries.ts, email.ts) only, and
 * src/validation/index.ts loads it with `await import('./parse')`: the build bundles it on its own, so an
 * app start neither parses nor runs it.
 */
import * as z from 'zod/mini';
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
  // Zapier leaves unfilled fields out of inputData, and zod refuses an absent key ("Invalid input"):
  // give every spec's key a value so its own check runs (empty optional → undefined, empty required → named).
  const input: Record<string, unknown> = { ...(inputData ?? {}) };
  for (const spec of specs) if (!Object.hasOwn(input, spec.key)) input[spec.key] = undefined;
  const result = z.safeParse(schemaOf(specs), input);
  const issues = result.success ? [] : result.error.issues.map((i) => i.message);
  if (result.success) {
    for (const rule of rules) {
      const message = rule(result.data as InputOf<Specs>);
      if (message) issues.push(message);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return result.data as InputOf<Specs>;
}
