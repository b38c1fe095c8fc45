/**
 * Countries: CINNOX's reference (docs/cinnox-api.md §3.2) asks for the ISO 3166 two-letter code; a Zap builder
 * may give the code in any case or the English name of the country or region.
 */
import { preview, type Checked } from './text';

/** Two-letter region codes Intl knows that are no country or territory. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/**
 * Common English names and abbreviations Intl's display names do not give (older, longer or informal forms), as
 * `countryKey` writes them: "U.S.A." is "usa", "The Netherlands" is looked up without its "the".
 */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  us: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  uae: 'AE',
  emirates: 'AE',
  holland: 'NL',
  korea: 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'korea south': 'KR',
  rok: 'KR',
  dprk: 'KP',
  'democratic people s republic of korea': 'KP',
  'korea north': 'KP',
  'hong kong sar': 'HK',
  hksar: 'HK',
  'hong kong china': 'HK',
  'macau sar': 'MO',
  'macao sar': 'MO',
  'macau china': 'MO',
  macau: 'MO',
  'mainland china': 'CN',
  prc: 'CN',
  'peoples republic of china': 'CN',
  'people s republic of china': 'CN',
  'china mainland': 'CN',
  'republic of china': 'TW',
  'taiwan roc': 'TW',
  'taiwan province of china': 'TW',
  'republic of ireland': 'IE',
  ksa: 'SA',
  turkey: 'TR',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  burma: 'MM',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'cabo verde': 'CV',
  'lao pdr': 'LA',
  'lao people s democratic republic': 'LA',
  'iran islamic republic of': 'IR',
  'syrian arab republic': 'SY',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'east timor': 'TL',
  'vatican city': 'VA',
  'holy see': 'VA',
};

/** A country name as it is looked up: no case, accents, punctuation or "&" vs "and" / "St." vs "Saint" differences. */
const countryKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bsar\b.*$/, 'sar');

let countryIndex: { codes: Set<string>; byName: Map<string, string> } | undefined;

/** The valid codes and the English names → code map, from Intl (built on first use). */
function countries(): NonNullable<typeof countryIndex> {
  if (countryIndex) return countryIndex;
  const names = (['long', 'short'] as const).map(
    (style) => new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }),
  );
  const codes = new Set<string>();
  const byName = new Map<string, string>();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      // Intl also names retired codes (UK, BU, …): only the canonical one of each region counts.
      if (NOT_COUNTRIES.has(code) || new Intl.Locale(`und-${code}`).region !== code) continue;
      const found = names.map((n) => n.of(code)).filter((n): n is string => n !== undefined);
      if (found.length === 0) continue;
      codes.add(code);
      for (const name of found) if (!byName.has(countryKey(name))) byName.set(countryKey(name), code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES))
    if (codes.has(code) && !byName.has(name)) byName.set(name, code);
  countryIndex = { codes, byName };
  return countryIndex;
}

/** Two-letter code (any case) or English country / region name → the ISO 3166 two-letter code, or an error message. */
export function normalizeCountry(label: string, raw: string): Checked {
  const text = raw.trim();
  const { codes, byName } = countries();
  const key = countryKey(text);
  const code =
    /^[a-z]{2}$/i.test(text) && codes.has(text.toUpperCase())
      ? text.toUpperCase()
      : (byName.get(key) ?? byName.get(key.replace(/^the /, '')) ?? byName.get(key.replace(/ /g, '')));
  if (code) return { value: code };
  return {
    error: `${label} ${preview(raw)} is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.`,
  };
}
