/**
 * Stands in for the `grapheme-splitter` package that sms-segments-calculator requires (scripts/build.ts and
 * jest.config.ts alias it here): the same split from Node's own ICU (Intl.Segmenter, set up once in
 * src/input/schema.ts), instead of 117 KB of Unicode tables in the deployed bundle.
 */
import { graphemes } from '../input/schema';

export default class GraphemeSplitter {
  splitGraphemes(text: string): string[] {
    return graphemes(text);
  }
}
