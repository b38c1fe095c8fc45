import { asE164, asText, countryOf, numberOf } from '../../src/cinnox/values';

describe('reading CINNOX values', () => {
  it('text: empty for nothing, trimmed strings, numbers as text, lists joined, objects as JSON', () => {
    expect([asText(undefined), asText(null), asText('  a b  '), asText(85294667788), asText(false)]).toEqual([
      '',
      '',
      'a b',
      '85294667788',
      'false',
    ]);
    expect(asText(['HK', '', ' SG '])).toBe('HK, SG');
    expect(asText({ a: 1 })).toBe('{"a":1}');
  });

  it.each([
    ['a JSON-number phone', 85294667788, '+85294667788'],
    ['digits as text', '85294667788', '+85294667788'],
    ['E.164 already', '+85294667788', '+85294667788'],
    ['spaced, with its "+"', '+852 9466 7788', '+85294667788'],
    ['with brackets, dots and dashes', '(852) 9466-7788', '+85294667788'],
    ['15 digits', 123456789012345, '+123456789012345'],
    ['16 digits: no E.164 number', '1234567890123456', '1234567890123456'],
    ['7 digits: an extension or a short code', 1234567, '1234567'],
    ['a national number starting with 0', '0294667788', '0294667788'],
    ['an Alphanumeric sender ID', 'CINNOX', 'CINNOX'],
    ['text with an extension', 'ext 12', 'ext 12'],
    ['nothing', null, ''],
  ])('phone, %s: %p → %p', (_what, value, e164) => {
    expect(asE164(value)).toBe(e164);
  });

  it('numberOf / countryOf read either casing and a country list', () => {
    expect(numberOf({ Number: '+85230001234' })).toBe('+85230001234');
    expect(numberOf({ number: 85230001234 })).toBe('85230001234');
    expect(countryOf({ country: ['HK', 'MO'] })).toBe('HK, MO');
    expect(countryOf({ country: 'VE' })).toBe('VE');
  });
});
