import type { ZObject } from 'zapier-platform-core';
import { normalizeCountry, normalizePastDate, normalizePhone } from '../../src/input/formats';
import {
  countChars,
  input,
  inputFieldsOf,
  parseInput as parse,
  rule,
  text,
  type InputSchema,
  type Shape,
} from '../../src/input/schema';
import { choice, integer } from '../../src/input/choices';

const first_name = text({ label: 'First Name', helpText: 'First name.', maxChars: 5 });
const level = choice({ label: 'Level', helpText: 'Level.' }, { Primary: 'Primary', Secondary: 'Secondary' });
const phone = text({ label: 'Phone Number', helpText: 'Phone.', format: 'phone' });
const email = text({ label: 'Email Address', helpText: 'Email.', format: 'email', required: true });
const born = text({ label: 'Birth Date', helpText: 'Born.', format: 'past-date' });
const country = text({ label: 'Country', helpText: 'Country.', maxChars: 50, format: 'country' });
const to = text({ label: 'Recipient Number', helpText: 'To.', format: 'phone', list: true });

/** Zapier's error class as core builds it: the message is the user's text. */
const z = { errors: { Error: class extends Error {} } } as unknown as Pick<ZObject, 'errors'>;
const parseInput = <F extends Shape>(schema: InputSchema<F>, inputData: Record<string, unknown>) =>
  parse(z, schema, inputData);

describe('input fields', () => {
  it('state the limit and format in the help text', () => {
    expect(inputFieldsOf(input({ first_name }))).toEqual([
      {
        key: 'first_name',
        label: 'First Name',
        helpText: 'First name. At most 5 characters.',
        required: false,
        type: 'string',
      },
    ]);
    expect(inputFieldsOf(input({ phone }))[0]!.helpText).toBe(
      'Phone. Format: + country code and number, e.g. +85294667788.',
    );
    expect(inputFieldsOf(input({ level }))[0]!.choices).toEqual({ Primary: 'Primary', Secondary: 'Secondary' });
    expect(inputFieldsOf(input({ n: integer({ label: 'N', helpText: 'N.', min: 1, max: 10 }) }))[0]).toMatchObject({
      type: 'integer',
      helpText: 'N. From 1 to 10.',
    });
  });
});

describe('parseInput', () => {
  it('counts characters as a person does, after trimming', () => {
    expect(countChars('👍🏽ab')).toBe(3);
    expect(parseInput(input({ first_name }), { first_name: '  😀😀😀😀😀  ' })).toEqual({ first_name: '😀😀😀😀😀' });
    expect(() => parseInput(input({ first_name }), { first_name: 'abcdef' })).toThrow(
      'First Name must be at most 5 characters; got 6 ("abcdef").',
    );
  });

  it('turns empty optional fields into undefined and reports every problem at once', () => {
    expect(parseInput(input({ first_name, level }), { first_name: ' ', level: '' })).toEqual({
      first_name: undefined,
      level: undefined,
    });
    expect(() => parseInput(input({ first_name, level, email }), { first_name: 'abcdefg', level: 'Top' })).toThrow(
      'Nothing was sent to CINNOX. First Name must be at most 5 characters; got 7 ("abcdefg"). Level must be one of Primary, Secondary; got "Top". Email Address is required.',
    );
  });

  it('checks e-mail addresses', () => {
    expect(parseInput(input({ email }), { email: 'ann@example.com' })).toEqual({ email: 'ann@example.com' });
    expect(() => parseInput(input({ email }), { email: 'ann@' })).toThrow(
      'Email Address "ann@" is not an e-mail address',
    );
  });

  it('normalizes phone numbers to E.164 and explains the format', () => {
    expect(normalizePhone('Phone Number', '+852 9466 7788')).toEqual({ value: '+85294667788' });
    expect(normalizePhone('Phone Number', '94667788').error).toBe(
      'Phone Number "94667788" must start with + and the country code, e.g. +85294667788.',
    );
    expect(normalizePhone('Phone Number', '+8521').error).toMatch(/is not (a valid phone number|a phone number)/);
    expect(normalizePhone('Phone Number', '+abc').error).toMatch(/not a phone number|not a valid phone number/);
  });

  it.each([
    ['HK', 'HK'],
    ['jp', 'JP'],
    [' Hong Kong ', 'HK'],
    ['HONG KONG SAR CHINA', 'HK'],
    ['united kingdom', 'GB'],
    ['uk', 'GB'],
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['Turkey', 'TR'],
    ["Cote d'Ivoire", 'CI'],
    ['St Kitts & Nevis', 'KN'],
    ['Saint Kitts and Nevis', 'KN'],
    ['Myanmar (Burma)', 'MM'],
    ['Kosovo', 'XK'],
  ])('takes Country %p as the ISO 3166 code %p', (raw, code) => {
    expect(normalizeCountry('Country', raw)).toEqual({ value: code });
    expect(parseInput(input({ country }), { country: raw })).toEqual({ country: code });
  });

  it.each(['Hongkong', 'Atlantis', 'XX', 'eu', 'UN', 'ZZ', 'BU', 'Europe', 'H K'])(
    'refuses Country %p, naming the field, the format and the value',
    (raw) => {
      expect(normalizeCountry('Country', raw)).toEqual({
        error: `Country "${raw}" is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.`,
      });
    },
  );

  it('checks the Country limit before its format, and states both in the help text', () => {
    expect(() => parseInput(input({ country }), { country: 'a'.repeat(51) })).toThrow(
      /^Nothing was sent to CINNOX\. Country must be at most 50 characters; got 51 /,
    );
    expect(inputFieldsOf(input({ country }))[0]!.helpText).toBe(
      'Country. At most 50 characters. A two-letter ISO 3166 code such as HK, or a country name in English such as Hong Kong; CINNOX gets the code.',
    );
  });

  it('validates each element of a list field', () => {
    expect(parseInput(input({ to }), { to: ['+85294667788', '+14155552671'] })).toEqual({
      to: ['+85294667788', '+14155552671'],
    });
    expect(parseInput(input({ to }), { to: '+85294667788,+14155552671' })).toEqual({
      to: ['+85294667788', '+14155552671'],
    });
    expect(() => parseInput(input({ to }), { to: ['+85294667788', '123'] })).toThrow(
      'Recipient Number "123" must start with +',
    );
  });

  it('accepts dd/mm/yyyy and ISO dates, refuses unreal and future ones', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(normalizePastDate('Birth Date', '31/05/1990', now)).toEqual({ value: '31/05/1990' });
    expect(normalizePastDate('Birth Date', '1/2/1990', now)).toEqual({ value: '01/02/1990' });
    expect(normalizePastDate('Birth Date', '1990-05-31', now)).toEqual({ value: '31/05/1990' });
    expect(normalizePastDate('Birth Date', '1990-05-31T00:00:00+08:00', now)).toEqual({ value: '31/05/1990' });
    expect(normalizePastDate('Birth Date', '31/02/1990', now).error).toBe(
      'Birth Date "31/02/1990" is not a real calendar date.',
    );
    expect(normalizePastDate('Birth Date', '24/11/2026', now).error).toBe('Birth Date "24/11/2026" is in the future.');
    expect(normalizePastDate('Birth Date', 'May 5', now).error).toMatch(/is not a date; use dd\/mm\/yyyy/);
    expect(parseInput(input({ born }), { born: '2000-01-01' })).toEqual({ born: '01/01/2000' });
  });

  it('runs cross-field rules after the fields pass', () => {
    const ruled = input({ first_name, email }).check(
      rule<{ first_name?: string }>((p) => (p.first_name === 'a' ? 'A rule failed.' : undefined)),
    );
    expect(() => parseInput(ruled, { first_name: 'a', email: 'ann@example.com' })).toThrow(
      'Nothing was sent to CINNOX. A rule failed.',
    );
    // A rule waits for its fields: the missing e-mail is the only issue.
    expect(() => parseInput(ruled, { first_name: 'a' })).toThrow(
      /^Nothing was sent to CINNOX\. Email Address is required\.$/,
    );
  });

  it('treats a field absent from inputData (Zapier omits unfilled ones) as empty', () => {
    expect(parseInput(input({ first_name, level, born }), { first_name: 'Ann' })).toEqual({
      first_name: 'Ann',
      level: undefined,
      born: undefined,
    });
    expect(parseInput(input({ first_name }), {})).toEqual({ first_name: undefined });
    expect(() => parseInput(input({ first_name, email }), { first_name: 'Ann' })).toThrow(
      'Nothing was sent to CINNOX. Email Address is required.',
    );
  });
});
