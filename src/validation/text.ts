/**
 * Text as the validation counts and quotes it: characters as a person counts them, and the short
 * quotation of a value that every input error shows.
 */

/** What a value check gives: the value to send, or the error message naming the field. */
export interface Checked {
  value?: string;
  error?: string;
}

/** Printable ASCII, tab and LF: each character is a grapheme of its own (in ASCII only CR LF joins two). */
const ONE_GRAPHEME_PER_CHAR = /^[\t\n -~]*$/;
/** Built on the first text that needs it: the first Intl.Segmenter loads ICU's break rules (≈ 25 ms). */
let segmenter: Intl.Segmenter | undefined;
/** Characters as a person counts them: an emoji or an accented letter is one. */
export const countChars = (text: string): number => {
  if (ONE_GRAPHEME_PER_CHAR.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
};

/** A value as an error message quotes it: its first 40 characters, with an ellipsis when longer. */
export const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
};
