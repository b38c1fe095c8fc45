/**
 * A record's key table: each Zapier output key of a CINNOX record, declared once with its label, the CINNOX
 * key(s) it is read from (the output key itself unless `from` says otherwise) and how (src/cinnox/values.ts), and
 * its sample value. From the table come the output's type (`OutputOf`), the mapping (`map`), the operation's
 * `outputFields` (a nested table's keys in Zapier's `a__b` notation) and its `sample`.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import { isoDateTime } from '../cinnox/dates';
import { asE164, asText } from '../cinnox/values';

/** How a value is read: text ('' when absent), or null when absent; E.164 restores a phone number's "+". */
const READERS = {
  /** The value as CINNOX sent it (a number, a list, a flag), null when absent. */
  asIs: (value: unknown): unknown => value ?? null,
  text: (value: unknown): string => asText(value),
  e164: (value: unknown): string => asE164(value),
  textOrNull: (value: unknown): string | null => asText(value) || null,
  e164OrNull: (value: unknown): string | null => asE164(value) || null,
  /** A date as ISO 8601 in UTC; '' when absent or not a date. */
  isoDate: (value: unknown): string => isoDateTime(value) ?? '',
  /** A date as ISO 8601 in UTC; null when absent or not a date. */
  isoDateOrNull: (value: unknown): string | null => isoDateTime(value),
  /** A whole number (a count); null when absent or not a whole number. */
  integerOrNull: (value: unknown): number | null => {
    const text = asText(value);
    return text !== '' && Number.isInteger(Number(text)) ? Number(text) : null;
  },
  /** A list of ids (or one id): each as text, empty ones left out; absent is null. */
  listOrNull: (value: unknown): string | string[] | null =>
    Array.isArray(value) ? value.map((v) => asText(v)).filter(Boolean) : asText(value) || null,
};
type Read = keyof typeof READERS;

export interface Column<R extends Read = Read> {
  label: string;
  read: R;
  sample: ReturnType<(typeof READERS)[R]>;
  /** The CINNOX key(s) to read, the first present one wins; the output key itself when left out. */
  from?: string | readonly string[];
  type?: PlainOutputField['type'];
}
/** An object of columns read from one CINNOX object (the first of `from` present). */
export interface Nested {
  /** What each of its columns' labels starts with. */
  label: string;
  from: readonly string[];
  columns: Readonly<Record<string, Column>>;
}
/** A value made from the whole record (e.g. a number under either of its casings, a country from a code). */
export interface Derived<V = unknown> {
  label: string;
  value: (record: Record<string, unknown>) => V;
  sample: V;
  type?: PlainOutputField['type'];
}
type Columns = Readonly<Record<string, Column | Nested | Derived>>;

type ValueOf<C> = C extends Column<infer R> ? ReturnType<(typeof READERS)[R]> : C extends Derived<infer V> ? V : never;
/** The Zapier output of a record whose table is `T`. */
export type OutputOf<T extends Columns> = {
  -readonly [K in keyof T]: T[K] extends Nested
    ? { -readonly [S in keyof T[K]['columns']]: ValueOf<T[K]['columns'][S]> }
    : ValueOf<T[K]>;
};

const isNested = (column: Column | Nested | Derived): column is Nested => 'columns' in column;
/** The first CINNOX key of `from` present in the record. */
function valueOf(record: Record<string, unknown>, key: string, from: string | readonly string[] | undefined): unknown {
  const keys = from === undefined ? [key] : typeof from === 'string' ? [from] : from;
  for (const k of keys) if (record[k] !== undefined && record[k] !== null) return record[k];
  return undefined;
}

export interface RecordTable<T extends Columns> {
  readonly columns: T;
  /** A CINNOX record → the Zapier output. */
  map(record: Record<string, unknown>): OutputOf<T>;
  readonly outputFields: PlainOutputField[];
  readonly sample: OutputOf<T>;
}

export function recordTable<const T extends Columns>(columns: T): RecordTable<T> {
  const readColumn = (record: Record<string, unknown>, key: string, column: Column): unknown =>
    READERS[column.read](valueOf(record, key, column.from));
  const map = (record: Record<string, unknown>): OutputOf<T> => {
    const output: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      if (isNested(column)) {
        const inner = (valueOf(record, key, column.from) ?? {}) as Record<string, unknown>;
        output[key] = Object.fromEntries(
          Object.entries(column.columns).map(([sub, c]) => [sub, readColumn(inner, sub, c)]),
        );
      } else if ('value' in column) output[key] = column.value(record);
      else output[key] = readColumn(record, key, column);
    }
    return output as OutputOf<T>;
  };
  const outputFields = Object.entries(columns).flatMap(([key, column]): PlainOutputField[] =>
    isNested(column)
      ? Object.entries(column.columns).map(([sub, c]) => ({
          key: `${key}__${sub}`,
          label: `${column.label} ${c.label}`,
        }))
      : [{ key, label: column.label, ...(column.type ? { type: column.type } : {}) }],
  );
  const sample = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => [
      key,
      isNested(column)
        ? Object.fromEntries(Object.entries(column.columns).map(([sub, c]) => [sub, c.sample]))
        : column.sample,
    ]),
  ) as OutputOf<T>;
  return { columns, map, outputFields, sample };
}
