/**
 * Text as the validation counts and quotes it: characters as a person counts them, and the short
 * quotation of a value that every input error shows.
 */

/** What a value check gives: the value to send, or the error message naming the field. */
export interface Checked {
  value?: string;
  error?: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Characters as a person counts them: an emoji or an accented letter is one. */
export const countChars = (text: string): number => {
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
};

/** A value as an error message quotes it: its first 40 characters, with an ellipsis when longer. */
export const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
};
