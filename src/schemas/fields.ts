/**
 * Field specs: one definition per input field, the single source of both the Zapier input field
 * (label, help text stating the limit and format, choices) and the validation (src/schemas/validate.ts).
 *
 * This module is plain data and loads nothing heavy: zod and the phone metadata are loaded by
 * validate.ts only when an operation runs.
 */

export type FieldFormat =
  /** E.164 phone number, checked with libphonenumber-js, sent as E.164. */
  | 'phone'
  /** An e-mail address. */
  | 'email'
  /** A calendar date, not in the future: dd/mm/yyyy or ISO (2024-05-31, 2024-05-31T00:00:00Z); sent as dd/mm/yyyy. */
  | 'past-date'
  /** A country: ISO 3166 two-letter code (any case) or English country / region name; sent as the upper-case code. */
  | 'country';

export interface FieldSpec {
  key: string;
  label: string;
  /** What the field is; the limit, format and choices are appended by `toInputField`. */
  helpText: string;
  required?: boolean;
  /** Maximum length in characters as a person counts them (grapheme clusters), after trimming. */
  maxChars?: number;
  /** Allowed values (value → label shown in Zapier). */
  choices?: Readonly<Record<string, string>>;
  format?: FieldFormat;
  /** Zapier field type; default string. */
  type?: 'string' | 'text' | 'integer' | 'boolean' | 'datetime';
  /** A list field (Zapier `list: true`): the value is an array, each element validated. */
  list?: boolean;
  /** Zapier dynamic drop-down, e.g. `staff_list.id.name`. */
  dynamic?: string;
  /** Zapier search-powered field, e.g. `find_contact.id`. */
  search?: string;
  altersDynamicFields?: boolean;
  default?: string;
  placeholder?: string;
  /** Integer bounds (type integer). */
  min?: number;
  max?: number;
}

const FORMAT_HELP: Record<FieldFormat, string> = {
  phone: 'Format: + country code and number, e.g. +85294667788.',
  email: 'An e-mail address, e.g. ann@example.com.',
  'past-date': 'Format: dd/mm/yyyy (ISO dates such as 2024-05-31 are accepted too); not in the future.',
  country:
    'A two-letter ISO 3166 code such as HK, or a country name in English such as Hong Kong; CINNOX gets the code.',
};

export function describeLimits(spec: FieldSpec): string {
  const parts: string[] = [];
  if (spec.maxChars !== undefined) parts.push(`At most ${spec.maxChars} characters.`);
  if (spec.format) parts.push(FORMAT_HELP[spec.format]);
  if (spec.min !== undefined && spec.max !== undefined) parts.push(`From ${spec.min} to ${spec.max}.`);
  return parts.join(' ');
}

export interface ZapierInputField {
  key: string;
  label: string;
  helpText: string;
  required: boolean;
  type?: FieldSpec['type'];
  choices?: Record<string, string>;
  list?: boolean;
  dynamic?: string;
  search?: string;
  altersDynamicFields?: boolean;
  default?: string;
  placeholder?: string;
}

export function toInputField(spec: FieldSpec): ZapierInputField {
  const help = [spec.helpText, describeLimits(spec)].filter(Boolean).join(' ');
  return {
    key: spec.key,
    label: spec.label,
    helpText: help,
    required: spec.required ?? false,
    ...(spec.type ? { type: spec.type } : { type: 'string' as const }),
    ...(spec.choices ? { choices: { ...spec.choices } } : {}),
    ...(spec.list ? { list: true } : {}),
    ...(spec.dynamic ? { dynamic: spec.dynamic } : {}),
    ...(spec.search ? { search: spec.search } : {}),
    ...(spec.altersDynamicFields ? { altersDynamicFields: true } : {}),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
  };
}

export const toInputFields = (specs: readonly FieldSpec[]): ZapierInputField[] => specs.map(toInputField);

/** Choices from a plain list: each value is its own label. */
export const choicesOf = (values: readonly string[]): Record<string, string> =>
  Object.fromEntries(values.map((v) => [v, v]));
