/**
 * Countries: CINNOX's reference (docs/cinnox-api.md §3.2) asks for the ISO 3166 two-letter code; a Zap builder
 * may give the code in any case or the English name of the country or region.
 */
import { preview, type Checked } from './text';

/** Two-letter region codes Intl knows that are no country or territory. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/** Common English names Intl's display names do not give (older or longer forms). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  usa: 'US',
  'united states of america': 'US',
  'great britain': 'GB',
  turkey: 'TR',
  'czech republic': 'CZ',
  macau: 'MO',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  burma: 'MM',
  'viet nam': 'VN',
  'russian federation': 'RU',
  'cabo verde': 'CV',
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
    .replace(/\bst\b/g, 'saint');

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
  const code =
    /^[a-z]{2}$/i.test(text) && codes.has(text.toUpperCase()) ? text.toUpperCase() : byName.get(countryKey(text));
  if (code) return { value: code };
  return {
    error: `${label} ${preview(raw)} is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.`,
  };
}
