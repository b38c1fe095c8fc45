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

/**
 * Text a person sees nothing of: white space, format characters (zero-width spaces and joiners, bidi marks and
 * isolates, soft hyphens, word joiners), combining marks on nothing, and the blank fillers (Hangul, Braille).
 */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;
export const isInvisible = (text: string): boolean => INVISIBLE_ONLY.test(text);

/** The first control character other than tab, newline (and the CR of a CRLF newline): NUL, ESC, DEL, C1… */
const CONTROL = /(?!\r\n)[\p{Cc}](?<![\t\n])/u;
export function controlCharIssue(label: string, text: string): string | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${label} contains the control character U+${code} (at character ${found.index + 1}), which CINNOX cannot store: remove it (tab and newline are allowed).`;
}

/** A value as an error message quotes it: its first 40 characters, with an ellipsis when longer. */
export const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
};
