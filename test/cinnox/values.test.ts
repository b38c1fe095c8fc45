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

  it('phone: restores the "+" of a JSON-number phone, leaves anything else', () => {
    expect([
      asE164(85294667788),
      asE164('85294667788'),
      asE164('+85294667788'),
      asE164(1234567),
      asE164('ext 12'),
      asE164(null),
    ]).toEqual(['+85294667788', '+85294667788', '+85294667788', '1234567', 'ext 12', '']);
  });

  it('numberOf / countryOf read either casing and a country list', () => {
    expect(numberOf({ Number: '+85230001234' })).toBe('+85230001234');
    expect(numberOf({ number: 85230001234 })).toBe('85230001234');
    expect(countryOf({ country: ['HK', 'MO'] })).toBe('HK, MO');
    expect(countryOf({ country: 'VE' })).toBe('VE');
  });
});
