/**
 * The inputs of creates and searches, in zod. An operation declares its input once, as `input({...})` of the
 * fields below (text and IDs) and of src/input/choices.ts (choices, whole numbers, yes / no); from that one declaration come its Zapier `inputFields` (`inputFieldsOf`), its input type
 * (`InputOf`) and its validation (`parseInput`): every problem of one input in one InvalidInput error, before
 * any request, each naming the field's label, the value and what to do.
 *
 * zod checks what it knows: required, lists, choices, whole numbers and their bounds, yes / no, e-mail
 * addresses. What zod cannot know is a refinement: lengths, characters as a person counts them (graphemes),
 * control characters, phone numbers, sender numbers, past dates and countries (src/input/formats.ts). A text's
 * length is checked first, against a ceiling every text field has (its limit, its format's, or its own), on the
 * length alone: nothing after it reads more of a text than that ceiling, whatever was sent. Zapier's own conventions (every value may come as text, a list as one comma-separated
 * text, an unfilled field absent or blank) are read once, before zod, by `fromZapier`.
 *
 * A field is what the Zap editor shows of it, known when the app loads, and its zod schema, built on the first
 * parse: zod itself (src/input/zod-lib.ts) is required then, so an app start neither evaluates zod nor builds the
 * schemas of every operation.
 */
import type { PlainInputField, ZObject } from 'zapier-platform-core';
import type * as Zod from 'zod/mini';
import { CINNOX_ID_MAX_UNITS } from '../cinnox/contract';
import { refusalLabelsOf, type RefusalLabels } from '../cinnox/refusal-fields';
import {
  FORMAT_CHECKS,
  FORMAT_HELP,
  FORMAT_MAX_UNITS,
  checkCinnoxId,
  isInternationalEmail,
  preview,
  unicodePattern,
  type Checked,
  type Format,
} from './formats';

/** Error code of every input error, so tests and Zapier logs can tell them apart. */
export const INPUT_ERROR_CODE = 'InvalidInput';

/** What the Zap editor shows of a field (core's PlainInputField without its key: the key is the schema's). */
export interface FieldMeta {
  readonly label: string;
  /** What the field is; the limit, format and choices are appended by the builder. */
  readonly helpText: string;
  readonly required?: boolean;
  /** A list field (Zapier `list: true`): the value is an array, each element checked. */
  readonly list?: boolean;
  /** Zapier dynamic drop-down, e.g. `staff_list.id.name`. */
  readonly dynamic?: string;
  /** Zapier search-powered field, e.g. `find_contact.id`. */
  readonly search?: string;
  readonly altersDynamicFields?: boolean;
  readonly default?: string;
  readonly placeholder?: string;
  /**
   * The CINNOX key this field's value is sent as (a body key or query parameter), or several: the enquiry id is
   * `inquiryID` in the path and `enquiryID` in CINNOX's messages; Zip Code is `zipcode`, inside `addresses`. A
   * CINNOX refusal naming one of them names this field too (`InputSchema.refusalLabels`).
   */
  readonly cinnox?: string | readonly string[];
}

export interface TextMeta extends FieldMeta {
  /** Zapier's multi-line text box instead of one line. */
  readonly multiline?: boolean;
  /**
   * Maximum length in characters as a person counts them (graphemes), after trimming. What CINNOX stores is
   * bounded too: at most `maxUnits` UTF-16 code units (default MAX_UNITS_PER_CHAR × maxChars), so a letter
   * with thousands of combining marks is not one character.
   */
  readonly maxChars?: number;
  /**
   * Maximum length in UTF-16 code units (the strictest count CINNOX may use); see maxChars. Without maxChars it is
   * the field's ceiling alone (a name CINNOX documents no limit for). A field with neither takes its format's
   * (FORMAT_MAX_UNITS); a text with none of the three is measured by its operation (Send SMS's Text).
   */
  readonly maxUnits?: number;
  readonly format?: Format;
}

/**
 * UTF-16 code units allowed per character of a field's limit when it sets no maxUnits: room for any accented
 * letter, CJK character or emoji with a skin tone (up to 4 units), not for a flood of combining marks.
 */
export const MAX_UNITS_PER_CHAR = 4;

/**
 * The ceiling, in UTF-16 code units, of a name CINNOX documents no limit for (a staff member's or a label's, searched
 * for): far above any name, so only a mapped document or a mistake reaches it.
 */
export const UNDOCUMENTED_NAME_MAX_UNITS = 1_000;

/**
 * The most entries a list field takes (Send SMS's recipients, an enquiry's labels): far more than one step sends,
 * so a mapped list of thousands is refused on its count before any entry is read.
 */
export const MAX_LIST_ITEMS = 1_000;
/** The most problems one input error lists (the rest are counted): a list of bad entries makes a short message. */
export const MAX_ISSUES_SHOWN = 10;

// ---- Text as a person counts it ---------------------------------------------------------------------

/** Printable ASCII, tab and LF: each character is a grapheme of its own (in ASCII only CR LF joins two). */
const ONE_GRAPHEME_PER_CHAR = /^[\t\n -~]*$/;
/** Built on the first text that needs it: the first Intl.Segmenter loads ICU's break rules (≈ 25 ms). */
let segmenter: Intl.Segmenter | undefined;
/** The characters of a text as a person counts them: an emoji or an accented letter is one. */
export function graphemes(text: string): string[] {
  if (ONE_GRAPHEME_PER_CHAR.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (part) => part.segment);
}
export const countChars = (text: string): number =>
  ONE_GRAPHEME_PER_CHAR.test(text) ? text.length : graphemes(text).length;

const formatted = (n: number): string => n.toLocaleString('en-US');

/**
 * The refusal of a text longer than its field allows, else undefined. The ceiling (`maxUnits`) is checked on the
 * length alone; characters are counted in at most the ceiling's worth of the text and one unit more, so what a
 * text costs to refuse never grows with its size. Every character boundary in that part is one of the whole text
 * (a boundary depends only on what precedes it and the next unit), so the whole text has at least as many
 * characters as the part.
 */
function lengthIssue(label: string, text: string, maxChars: number | undefined, maxUnits: number): string | undefined {
  if (maxChars !== undefined) {
    const cut = text.length > maxUnits + 1;
    const counted = countChars(cut ? text.slice(0, maxUnits + 1) : text);
    if (counted > maxChars)
      return `${label} must be at most ${maxChars} characters; got ${cut ? `more than ${counted - 1}` : counted} (${preview(text)}).`;
  }
  if (text.length > maxUnits)
    return `${label} is too long for CINNOX: ${formatted(text.length)} UTF-16 code units, at most ${formatted(maxUnits)} (${preview(text)}).`;
  return undefined;
}

/**
 * Text a person sees nothing of: white space, format characters (zero-width spaces and joiners, bidi marks and
 * isolates, soft hyphens, word joiners), combining marks on nothing, and the blank fillers (Hangul, Braille).
 */
const INVISIBLE_ONLY = unicodePattern(String.raw`^[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$`, 'u');
const isInvisible = (text: string): boolean => INVISIBLE_ONLY().test(text);

/** The first control character other than tab, newline (and the CR of a CRLF newline): NUL, ESC, DEL, C1… */
const CONTROL = unicodePattern(String.raw`(?!\r\n)[\p{Cc}](?<![\t\n])`, 'u');
function controlCharIssue(label: string, text: string): string | undefined {
  const found = CONTROL().exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${label} contains the control character U+${code} (at character ${found.index + 1}), which CINNOX cannot store: remove it (tab and newline are allowed).`;
}

// ---- Zapier's values --------------------------------------------------------------------------------

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && isInvisible(value)) ||
  (Array.isArray(value) && value.every(isEmpty));

const asText = (value: unknown): string => (typeof value === 'string' ? value : String(value)).trim();

/**
 * A value as Zapier gives it → what the field's schema parses: undefined when unfilled (blank, invisible, an
 * empty list), a list field's elements (an array, or one comma-separated text), other values as trimmed text.
 */
function fromZapier(meta: FieldMeta, raw: unknown, ctx: { issues: unknown[] }): unknown {
  if (isEmpty(raw)) {
    if (meta.required) ctx.issues.push({ code: 'custom', message: `${meta.label} is required.`, input: raw });
    return undefined;
  }
  if (meta.list) {
    const items = (Array.isArray(raw) ? raw : String(raw).split(',')).filter((v) => !isEmpty(v));
    if (items.length <= MAX_LIST_ITEMS) return items.map(asText);
    ctx.issues.push({
      code: 'custom',
      message: `${meta.label} has ${formatted(items.length)} entries; one step takes at most ${formatted(MAX_LIST_ITEMS)}: split them across several steps.`,
      input: raw,
    });
    return undefined;
  }
  return asText(Array.isArray(raw) ? raw.join(',') : raw);
}

// ---- Fields -----------------------------------------------------------------------------------------

/** What the Zap editor shows of a field (a PlainInputField without its key), read by inputFieldsOf. */
interface ZapierField {
  label: string;
  helpText: string;
  required: boolean;
  type: 'string' | 'text' | 'integer' | 'boolean';
  choices?: Record<string, string>;
  list?: boolean;
  dynamic?: string;
  search?: string;
  altersDynamicFields?: boolean;
  default?: string;
  placeholder?: string;
}

/** zod, required on the first parse (src/input/zod-lib.ts). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zodLib = (): typeof import('./zod-lib') => require('./zod-lib') as typeof import('./zod-lib');

type Value<T, M extends FieldMeta> = M extends { readonly list: true } ? T[] : T;
/** A field's parsed value: undefined when it is optional and was left empty. */
export type FieldValue<T, M extends FieldMeta> = M extends { readonly required: true }
  ? Value<T, M>
  : Value<T, M> | undefined;

/** A field of an input: what the Zap editor shows, and its zod schema (built once, on the first parse). */
export interface Field<V = unknown> {
  readonly zapier: ZapierField;
  /** The CINNOX keys its value is sent as (FieldMeta.cinnox). */
  readonly cinnox: readonly string[];
  schema(): Zod.ZodMiniType<V>;
}

const NO_KEYS: readonly string[] = [];

/** A field from its value schema: Zapier's conventions first, then (each element of a list) the schema. */
export function field<T, const M extends FieldMeta>(
  meta: M,
  value: (zod: typeof import('./zod-lib')) => Zod.ZodMiniType<T>,
  zapier: Pick<ZapierField, 'type' | 'choices'>,
  limits: string[] = [],
): Field<FieldValue<T, M>> {
  let built: Zod.ZodMiniType<FieldValue<T, M>> | undefined;
  return {
    zapier: {
      label: meta.label,
      helpText: [meta.helpText, ...limits].filter(Boolean).join(' '),
      required: meta.required ?? false,
      ...zapier,
      ...(meta.list ? { list: true } : {}),
      ...(meta.dynamic ? { dynamic: meta.dynamic } : {}),
      ...(meta.search ? { search: meta.search } : {}),
      ...(meta.altersDynamicFields ? { altersDynamicFields: true } : {}),
      ...(meta.default !== undefined ? { default: meta.default } : {}),
      ...(meta.placeholder ? { placeholder: meta.placeholder } : {}),
    },
    cinnox: meta.cinnox === undefined ? NO_KEYS : typeof meta.cinnox === 'string' ? [meta.cinnox] : meta.cinnox,
    schema: () => {
      if (built) return built;
      const zod = zodLib();
      const parsed: Zod.ZodMiniType = meta.list ? zod.array(value(zod)) : value(zod);
      built = zod.pipe(
        zod.transform((raw: unknown, ctx) => fromZapier(meta, raw, ctx)),
        meta.required ? parsed : zod.optional(parsed),
      ) as unknown as Zod.ZodMiniType<FieldValue<T, M>>;
      return built;
    },
  };
}

/** A refinement whose message is made from the value. */
export const refuse = <T>(zod: typeof import('./zod-lib'), ok: (value: T) => boolean, message: (value: T) => string) =>
  zod.refine<T>(ok, { error: (issue) => message(issue.input as T), abort: true });

/**
 * A text field: its length first (nothing after it reads more than the field's ceiling), then control characters,
 * then its format.
 */
export function text<const M extends TextMeta>(meta: M): Field<FieldValue<string, M>> {
  return textField(meta);
}

/** An ID field's meta: what the Zap editor shows, and what to do when a value is not an ID (where to map one from). */
export interface IdMeta extends FieldMeta {
  readonly hint: string;
}

/**
 * A CINNOX ID (a record's, a staff member's, a label's or a room's ID, a display case number): at most
 * CINNOX_ID_MAX_UNITS, and nothing no CINNOX ID holds (A32), so an ID sent in a path stays one segment of it.
 */
export function id<const M extends IdMeta>(meta: M): Field<FieldValue<string, M>> {
  return textField({ ...meta, maxUnits: CINNOX_ID_MAX_UNITS }, (label, value) =>
    checkCinnoxId(label, value, meta.hint),
  );
}

/** `text` and `id`: a text field, its value then checked by its format or by `check`. */
function textField<const M extends TextMeta>(
  meta: M,
  check?: (label: string, text: string) => Checked,
): Field<FieldValue<string, M>> {
  const { label, maxChars, format } = meta;
  // What CINNOX stores, whatever it counts: combining marks and joined emoji are one character but many units.
  const maxUnits =
    meta.maxUnits ??
    (maxChars !== undefined ? maxChars * MAX_UNITS_PER_CHAR : format ? FORMAT_MAX_UNITS[format] : undefined);
  const value = (zod: typeof import('./zod-lib')): Zod.ZodMiniType<string> => {
    const checks: Zod.core.$ZodCheck<string>[] = [];
    const issueOf = (find: (text: string) => string | undefined) =>
      zod.check<string>((ctx) => {
        const issue = find(ctx.value);
        if (issue) ctx.issues.push({ code: 'custom', message: issue, input: ctx.value, continue: false });
      });
    if (maxUnits !== undefined) checks.push(issueOf((v) => lengthIssue(label, v, maxChars, maxUnits)));
    checks.push(issueOf((v) => controlCharIssue(label, v)));
    if (format === 'email') {
      const EMAIL = zod.email();
      checks.push(
        refuse(
          zod,
          (v) => zod.safeParse(EMAIL, v).success || isInternationalEmail(v),
          (v) => `${label} ${preview(v)} is not an e-mail address (e.g. ann@example.com).`,
        ),
      );
    }
    const plain = zod.string().check(...checks);
    const checked = check ?? (format && format !== 'email' ? FORMAT_CHECKS[format] : undefined);
    if (!checked) return plain;
    return zod.pipe(
      plain,
      zod.transform((v: string, ctx) => {
        const result = checked(label, v);
        if (result.error) ctx.issues.push({ code: 'custom', message: result.error, input: v });
        return result.value ?? v;
      }),
    );
  };
  const limits: string[] = [];
  if (maxChars !== undefined)
    limits.push(
      meta.maxUnits !== undefined && meta.maxUnits <= maxChars
        ? `At most ${maxChars} characters (most emoji count 2 or more).`
        : `At most ${maxChars} characters.`,
    );
  if (format) limits.push(FORMAT_HELP[format]);
  return field(meta, value, { type: meta.multiline ? 'text' : 'string' }, limits);
}

// ---- Inputs -----------------------------------------------------------------------------------------

export type Shape = Readonly<Record<string, Field>>;
/** A rule across fields: the issue's message, or nothing. Rules run once every field has passed. */
export type Rule<I> = (input: I) => string | undefined;
/** The validated input of an operation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InputOf<S extends InputSchema<any>> = S extends InputSchema<infer F> ? ShapeValue<F> : never;
type ShapeValue<F extends Shape> = { -readonly [K in keyof F]: F[K] extends Field<infer V> ? V : never };

/** An operation's input: its fields in the Zap editor's order, and the rules across them. */
export interface InputSchema<F extends Shape = Shape> {
  readonly shape: F;
  readonly rules: readonly Rule<ShapeValue<F>>[];
  /**
   * Each CINNOX key its fields are sent as → their labels: how a refusal naming the key names the fields. Built on
   * the first request that reads it, not at the app's start (about 3 ms of every start for all the inputs).
   */
  readonly refusalLabels: RefusalLabels;
  /** The same input with more rules across its fields. */
  check(...rules: Rule<ShapeValue<F>>[]): InputSchema<F>;
  /** Its zod object, built on the first parse. */
  zod(): Zod.ZodMiniType;
}

/** An operation's input: its fields in the Zap editor's order. */
export function input<const F extends Shape>(shape: F, rules: readonly Rule<ShapeValue<F>>[] = []): InputSchema<F> {
  let built: Zod.ZodMiniType | undefined;
  let labels: RefusalLabels | undefined;
  return {
    shape,
    rules,
    get refusalLabels() {
      return (labels ??= refusalLabelsOf(
        Object.values(shape).map((f) => ({ label: f.zapier.label, cinnox: f.cinnox })),
      ));
    },
    check: (...more) => input(shape, [...rules, ...more]),
    zod: () => {
      if (built) return built;
      const zod = zodLib();
      built = zod.object(Object.fromEntries(Object.entries(shape).map(([key, f]) => [key, f.schema()]))).check(
        ...rules.map((message) =>
          zod.check<Record<string, unknown>>((ctx) => {
            const text = message(ctx.value as ShapeValue<F>);
            if (text) ctx.issues.push({ code: 'custom', message: text, input: ctx.value });
          }),
        ),
      );
      return built;
    },
  };
}

/** A rule across fields (kept for reading: `input(…).check(rule(…))`). */
export const rule = <I>(message: Rule<I>): Rule<I> => message;

/** The label of one field (for messages that name it). */
export const labelOf = (f: Field): string => f.zapier.label;

/** The Zapier input fields of an input, in its order. */
export const inputFieldsOf = <F extends Shape>(schema: InputSchema<F>): PlainInputField[] =>
  Object.entries(schema.shape).map(([key, f]) => ({ key, ...f.zapier }));

/** The text of every input error: nothing was sent, then each problem found. */
const inputErrorMessage = (issues: readonly string[]): string => {
  const more = issues.length - MAX_ISSUES_SHOWN;
  const shown = more > 0 ? [...issues.slice(0, MAX_ISSUES_SHOWN), `And ${formatted(more)} more.`] : issues;
  return `Nothing was sent to CINNOX. ${shown.join(' ')}`;
};

/**
 * The input, validated and typed; keys no field names are left out. Throws one InvalidInput error listing every
 * problem, before any request.
 */
export function parseInput<F extends Shape>(
  z: Pick<ZObject, 'errors'>,
  schema: InputSchema<F>,
  inputData: Record<string, unknown> | undefined,
): ShapeValue<F> {
  const result = zodLib().safeParse(schema.zod(), inputData ?? {});
  if (result.success) return result.data as ShapeValue<F>;
  throw new z.errors.Error(inputErrorMessage(result.error.issues.map((i) => i.message)), INPUT_ERROR_CODE, 400);
}

/**
 * Refuses the input, as parseInput does, for an issue found after it (Send SMS's parts, counted once for both
 * the check and the output). Does nothing when there is no issue.
 */
export function refuseInput(z: Pick<ZObject, 'errors'>, issue: string): never;
export function refuseInput(z: Pick<ZObject, 'errors'>, issue: string | undefined): void;
export function refuseInput(z: Pick<ZObject, 'errors'>, issue: string | undefined): void {
  if (issue) throw new z.errors.Error(inputErrorMessage([issue]), INPUT_ERROR_CODE, 400);
}
