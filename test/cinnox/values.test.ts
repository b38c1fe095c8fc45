import { countryOf, numberOf, phone, text } from '../../src/cinnox/values';

describe('reading CINNOX values', () => {
  it('text: empty for nothing, trimmed strings, numbers as text, lists joined, objects as JSON', () => {
    expect([text(undefined), text(null), text('  a b  '), text(85294667788), text(false)]).toEqual([
      '',
      '',
      'a b',
      '85294667788',
      'false',
    ]);
    expect(text(['HK', '', ' SG '])).toBe('HK, SG');
    expect(text({ a: 1 })).toBe('{"a":1}');
  });

  it('phone: restores the "+" of a JSON-number phone, leaves anything else', () => {
    expect([
      phone(85294667788),
      phone('85294667788'),
      phone('+85294667788'),
      phone(1234567),
      phone('ext 12'),
      phone(null),
    ]).toEqual(['+85294667788', '+85294667788', '+85294667788', '1234567', 'ext 12', '']);
  });

  it('numberOf / countryOf read either casing and a country list', () => {
    expect(numberOf({ Number: '+85230001234' })).toBe('+85230001234');
    expect(numberOf({ number: 85230001234 })).toBe('85230001234');
    expect(countryOf({ country: ['HK', 'MO'] })).toBe('HK, MO');
    expect(countryOf({ country: 'VE' })).toBe('VE');
  });
});
