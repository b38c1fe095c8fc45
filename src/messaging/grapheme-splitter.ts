/**
 * Stands in for the `grapheme-splitter` package that sms-segments-calculator requires (build.mjs and
 * jest.config.js alias it here): the same split from Node's own ICU (Intl.Segmenter), instead of
 * 117 KB of Unicode tables in the deployed bundle.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export default class GraphemeSplitter {
  splitGraphemes(text: string): string[] {
    return Array.from(segmenter.segment(text), (part) => part.segment);
  }
}
