/**
 * Field specs: one definition per input field, the single source of both the Zapier input field
 * (label, help text stating the limit and format, choices) and the validation (src/validation).
 *
 * A set of specs is declared with `defineFieldSpecs([...])` (one spec with `defineFieldSpec({...})`), which
 * keeps its keys, `required`, `type`, `list` and choice keys as literal types: `InputOf<typeof SPECS>` is then
 * the type of the validated input, and renaming a key is a compile error wherever the old key is read.
 *
 * This module is plain data and loads nothing heavy: the validation (src/validation/parse.ts) is loaded when an
 * operation runs, and the phone metadata and zod only when a phone or e-mail value is checked.
 */
import type { PlainInputField } from 'zapier-platform-core';

export type FieldFormat =
  /** E.164 phone number, checked with libphonenumber-js, sent as E.164. */
  | 'phone'
  /** An e-mail address. */
  | 'email'
  /** A calendar date, not in the future: dd/mm/yyyy or ISO (2024-05-31, 2024-05-31T00:00:00Z); sent as dd/mm/yyyy. */
  | 'past-date'
  /** A country: ISO 3166 two-letter code (any case) or English country / region name; sent as the upper-case code. */
  | 'country'
  /** One of the account's numbers: + and the country code (as the drop-down gives it); sent without spaces. */
  | 'sender-number';

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  /** What the field is; the limit, format and choices are appended by `toInputField`. */
  readonly helpText: string;
  readonly required?: boolean;
  /**
   * Maximum length in characters as a person counts them (grapheme clusters), after trimming. What CINNOX stores
   * is bounded too: at most `maxUnits` UTF-16 code units (default MAX_UNITS_PER_CHAR × maxChars), so a letter
   * with thousands of combining marks is not one character.
   */
  readonly maxChars?: number;
  /** Maximum length in UTF-16 code units (the strictest count CINNOX may use); see maxChars. */
  readonly maxUnits?: number;
  /** Allowed values (value → label shown in Zapier). */
  readonly choices?: Readonly<Record<string, string>>;
  readonly format?: FieldFormat;
  /** Zapier field type; default string. */
  readonly type?: 'string' | 'text' | 'integer' | 'boolean' | 'datetime';
  /** A list field (Zapier `list: true`): the value is an array, each element validated. */
  readonly list?: boolean;
  /** Zapier dynamic drop-down, e.g. `staff_list.id.name`. */
  readonly dynamic?: string;
  /** Zapier search-powered field, e.g. `find_contact.id`. */
  readonly search?: string;
  readonly altersDynamicFields?: boolean;
  readonly default?: string;
  readonly placeholder?: string;
  /** Integer bounds (type integer). */
  readonly min?: number;
  readonly max?: number;
}

/** One spec, with its literal types kept (see the module comment). */
export const defineFieldSpec = <const S extends FieldSpec>(spec: S): S => spec;
/** A set of specs in the Zap editor's order, with their literal types kept. */
export const defineFieldSpecs = <const S extends readonly FieldSpec[]>(specs: S): S => specs;

/** One validated value of a spec: boolean, integer, one of its choice keys, or text. */
type ScalarOf<S extends FieldSpec> = S extends { readonly type: 'boolean' }
  ? boolean
  : S extends { readonly type: 'integer' }
    ? number
    : S extends { readonly choices: infer C }
      ? Extract<keyof C, string>
      : string;
type ValueOf<S extends FieldSpec> = S extends { readonly list: true } ? ScalarOf<S>[] : ScalarOf<S>;

/** A spec's validated value: undefined when the field is optional and was left empty. */
export type FieldValue<S extends FieldSpec> = S extends { readonly required: true }
  ? ValueOf<S>
  : ValueOf<S> | undefined;

/** The validated input of a set of specs: every key, typed from its spec. */
export type InputOf<Specs extends readonly FieldSpec[]> = { [S in Specs[number] as S['key']]: FieldValue<S> };

/**
 * API field → Zapier label, per operation: CINNOX's parameter errors name API fields (`senderNumber`), and the
 * operation names its Zapier field (Sender Number) next to them. Only API names a Zap builder would not
 * recognise: a plain word (`city`, `level`, `type`, `text`) is left out, as CINNOX also uses it in its prose.
 */
export type ApiFieldLabels = Readonly<Record<string, string>>;

/** A cross-field rule: an issue message for the validated input, or nothing. */
export type Rule<I> = (input: I) => string | undefined;

const FORMAT_HELP: Record<FieldFormat, string> = {
  phone: 'Format: + country code and number, e.g. +85294667788.',
  email: 'An e-mail address, e.g. ann@example.com.',
  'past-date': 'Format: dd/mm/yyyy (ISO dates such as 2024-05-31 are accepted too); not in the future.',
  country:
    'A two-letter ISO 3166 code such as HK, or a country name in English such as Hong Kong; CINNOX gets the code.',
  'sender-number': 'Format: + country code and number, e.g. +85230001234, as the drop-down gives it.',
};

/** A choice as error messages list it: the label the Zap editor shows, with the value when it differs. */
export const describeChoice = (value: string, label: string): string =>
  label === value || label.endsWith(`(${value})`) ? label : `${label} (${value})`;

/**
 * UTF-16 code units allowed per character of a field's limit when the spec sets no maxUnits: room for any
 * accented letter, CJK character or emoji with a skin tone (up to 4 units), not for a flood of combining marks.
 */
export const MAX_UNITS_PER_CHAR = 4;
/** A spec's bound in UTF-16 code units, if it has a length limit. */
export const maxUnitsOf = (spec: FieldSpec): number | undefined =>
  spec.maxUnits ?? (spec.maxChars === undefined ? undefined : spec.maxChars * MAX_UNITS_PER_CHAR);

export function describeLimits(spec: FieldSpec): string {
  const parts: string[] = [];
  if (spec.maxChars !== undefined)
    parts.push(
      spec.maxUnits !== undefined && spec.maxUnits <= spec.maxChars
        ? `At most ${spec.maxChars} characters (most emoji count 2 or more).`
        : `At most ${spec.maxChars} characters.`,
    );
  if (spec.format) parts.push(FORMAT_HELP[spec.format]);
  if (spec.min !== undefined && spec.max !== undefined) parts.push(`From ${spec.min} to ${spec.max}.`);
  return parts.join(' ');
}

/** The Zapier input field of a spec: its help text states the limit and format. */
export function toInputField(spec: FieldSpec): PlainInputField {
  const help = [spec.helpText, describeLimits(spec)].filter(Boolean).join(' ');
  return {
    key: spec.key,
    label: spec.label,
    helpText: help,
    required: spec.required ?? false,
    type: spec.type ?? 'string',
    ...(spec.choices ? { choices: { ...spec.choices } } : {}),
    ...(spec.list ? { list: true } : {}),
    ...(spec.dynamic ? { dynamic: spec.dynamic } : {}),
    ...(spec.search ? { search: spec.search } : {}),
    ...(spec.altersDynamicFields ? { altersDynamicFields: true } : {}),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
  };
}

export const toInputFields = (specs: readonly FieldSpec[]): PlainInputField[] => specs.map(toInputField);

/** Choices from a plain list: each value is its own label. */
export const choicesOf = <const V extends string>(values: readonly V[]): Readonly<Record<V, V>> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>;
