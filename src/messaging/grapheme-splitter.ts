/**
 * Stands in for the `grapheme-splitter` package that sms-segments-calculator requires (scripts/build.ts and
 * jest.config.ts alias it here): the same split from Node's own ICU (Intl.Segmenter), instead of
 * 117 KB of Unicode tables in the deployed bundle.
 */
/** Printable ASCII, tab and LF: each character is a grapheme of its own (in ASCII only CR LF joins two). */
const ONE_GRAPHEME_PER_CHAR = /^[\t\n -~]*$/;
/** Built on the first text that needs it: the first Intl.Segmenter loads ICU's break rules (≈ 25 ms). */
let segmenter: Intl.Segmenter | undefined;

export default class GraphemeSplitter {
  splitGraphemes(text: string): string[] {
    if (ONE_GRAPHEME_PER_CHAR.test(text)) return text.split('');
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (part) => part.segment);
  }
}
