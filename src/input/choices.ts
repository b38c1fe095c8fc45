/**
 * The fields whose value is one of a set, built as src/input/schema.ts builds a text field: a drop-down's choices,
 * a whole number in a range, yes or no.
 */
import { preview } from './formats';
import { field, refuse, type Field, type FieldMeta, type FieldValue } from './schema';

/** A choice as error messages list it: the label the Zap editor shows, with the value when it differs. */
export const describeChoice = (value: string, label: string): string =>
  label === value || label.endsWith(`(${value})`) ? label : `${label} (${value})`;

/** One of `choices` (value → the label the Zap editor shows). */
export function choice<const C extends Readonly<Record<string, string>>, const M extends FieldMeta>(
  meta: M,
  choices: C,
): Field<FieldValue<Extract<keyof C, string>, M>> {
  const listed = Object.entries(choices).map(([value, label]) => describeChoice(value, label));
  const value = (zod: typeof import('./zod-lib')) =>
    zod.enum(Object.keys(choices) as [Extract<keyof C, string>, ...Extract<keyof C, string>[]], {
      error: (issue) => `${meta.label} must be one of ${listed.join(', ')}; got ${preview(issue.input)}.`,
    });
  return field(meta, value, { type: 'string', choices: { ...choices } });
}

/** Choices from a plain list: each value is its own label. */
export const choicesOf = <const V extends string>(values: readonly V[]): Readonly<Record<V, V>> =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>;

/** A whole number from `min` to `max`. */
export function integer<const M extends FieldMeta & { readonly min: number; readonly max: number }>(
  meta: M,
): Field<FieldValue<number, M>> {
  const { label, min, max } = meta;
  // Both checks on the text, the range only once it is a whole number (`refuse` stops at the first that fails):
  // zod's `int`, `gte` and `lte` would add 0.8 KB to the zip for this one field.
  const value = (zod: typeof import('./zod-lib')) =>
    zod.pipe(
      zod.string().check(
        refuse(
          zod,
          (v: string) => Number.isInteger(Number(v)),
          (v) => `${label} must be a whole number; got ${preview(v)}.`,
        ),
        refuse(
          zod,
          (v: string) => Number(v) >= min && Number(v) <= max,
          (v) => `${label} must be from ${min} to ${max}; got ${String(Number(v))}.`,
        ),
      ),
      zod.transform(Number),
    );
  return field(meta, value, { type: 'integer' }, [`From ${min} to ${max}.`]);
}

/** The words a yes / no field takes, upper / lower case aside: Zapier's boolean field sends true / false. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  '1': true,
  false: false,
  no: false,
  '0': false,
};

/**
 * Yes or no, as Zapier's boolean field sends it (true / false) or a person types it (yes / no, 1 / 0). A lookup
 * rather than zod's `stringbool`, which would add 0.6 KB to the deployable zip for the same six words.
 */
export function boolean<const M extends FieldMeta>(meta: M): Field<FieldValue<boolean, M>> {
  const value = (zod: typeof import('./zod-lib')) =>
    zod.pipe(
      zod.string().check(
        refuse(
          zod,
          (v: string) => Object.hasOwn(BOOLEAN_WORDS, v.toLowerCase()),
          (v) => `${meta.label} must be yes or no; got ${preview(v)}.`,
        ),
      ),
      zod.transform((v: string) => BOOLEAN_WORDS[v.toLowerCase()]!),
    );
  return field(meta, value, { type: 'boolean' });
}
