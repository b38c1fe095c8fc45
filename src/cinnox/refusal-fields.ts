/**
 * The Zapier fields a CINNOX refusal names: CINNOX's reasons name its keys (`senderNumber`, `text`), and the
 * message a Zap builder reads names the field of each (Sender Number, Text), from the operation's refusal labels
 * (`InputSchema.refusalLabels`, src/input/schema.ts: each field declares the CINNOX key it is sent as).
 */

/**
 * CINNOX key → the Zapier label of the field sent as it, per operation (`InputSchema.refusalLabels`, derived from
 * each field's `cinnox`): CINNOX's parameter errors name its keys (`senderNumber`), and the message names the
 * Zapier field (Sender Number) next to them.
 */
export type RefusalLabels = Readonly<Record<string, string>>;

/**
 * Each CINNOX key the fields are sent as → the labels of the fields sent as it, in the Zap editor's order: one
 * label, two joined by "and" (Social Messaging Type and Social Messaging Name/ID), more by " / " (the address).
 */
export function refusalLabelsOf(fields: readonly { label: string; cinnox: readonly string[] }[]): RefusalLabels {
  const labels = new Map<string, string[]>();
  for (const f of fields) for (const key of f.cinnox) labels.set(key, [...(labels.get(key) ?? []), f.label]);
  return Object.fromEntries(
    [...labels].map(([key, named]) => [key, named.length === 2 ? named.join(' and ') : named.join(' / ')]),
  );
}

/**
 * Words that make a plain word of CINNOX's reason read as a field name when they follow it ("text is required",
 * "pin must be alphanumeric", "messages exceed 5000 characters") or, for the first four, precede it ("Invalid
 * text", "missing name").
 */
const FIELD_WORDS_AFTER = new Set(
  'invalid missing empty required is are was must should cannot format exceed exceeds too not has length'.split(' '),
);
const FIELD_WORDS_BEFORE = new Set(['invalid', 'missing', 'empty', 'required']);

/**
 * Where a CINNOX key occurs in the reason as a field name. A key with a capital or a digit (`senderNumber`,
 * `inquiryID`) is one wherever it occurs, in any case. A plain lower-case key (`text`, `type`, `name`) is also a
 * word of CINNOX's prose ("Unknown data type"): it names the field only quoted, or with a word of FIELD_WORDS_*
 * beside it, separated by spaces alone.
 */
function namesField(
  key: string,
  reason: string,
  word: RegExpMatchArray,
  words: RegExpMatchArray[],
  i: number,
): boolean {
  if (!/^[a-z]+$/.test(key)) return true;
  const start = word.index!;
  const end = start + word[0].length;
  const mark = reason[start - 1];
  if (mark && `'"\``.includes(mark) && reason[end] === mark) return true;
  const before = words[i - 1];
  const after = words[i + 1];
  const spaced = (from: number, to: number): boolean => /^\s+$/.test(reason.slice(from, to));
  return (
    (before !== undefined &&
      FIELD_WORDS_BEFORE.has(before[0].toLowerCase()) &&
      spaced(before.index! + before[0].length, start)) ||
    (after !== undefined && FIELD_WORDS_AFTER.has(after[0].toLowerCase()) && spaced(end, after.index!))
  );
}

/**
 * A refusal's message with the Zapier field of each CINNOX key CINNOX's reason names (`senderNumber` is Sender
 * Number), from the operation's refusal labels; unchanged when the reason names none.
 */
export function withZapierFields(message: string, reason: string, fields: RefusalLabels | undefined): string {
  if (!reason || !fields) return message;
  const byName = new Map(Object.entries(fields).map(([api, label]) => [api.toLowerCase(), [api, label] as const]));
  const named = new Map<string, string>();
  const words = [...reason.matchAll(/[A-Za-z][A-Za-z0-9]*/g)];
  words.forEach((word, i) => {
    const found = byName.get(word[0].toLowerCase());
    if (found && namesField(found[0], reason, word, words, i)) named.set(found[0], found[1]);
  });
  if (named.size === 0) return message;
  const list = [...named].map(([api, label]) => `${api} is ${label}`).join(', ');
  const stop = /[.!?)]$/.test(message) ? '' : '.';
  return `${message}${stop} In this step's fields: ${list}.`;
}
