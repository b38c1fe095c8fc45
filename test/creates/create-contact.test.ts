import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  BAD_INPUT,
  COUNTRIES,
  CREATE_ANSWERS,
  CREATE_WRITE,
  FOUND_KEYS,
  LIMITS,
  SOCIAL_KEYS,
  WRITE_KEYS,
  companion,
  resultWith,
  shown,
} from '../helpers/contact-cases';
import { flatKeys } from '../helpers/hooks';
import { createOutcomes } from '../helpers/outcomes';

const CREATE = `${API_ROOT}/management/create_externalcontact`;
const create = App.creates!.create_contact!;
const perform = create.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

describe('create_contact', () => {
  it('sends every filled field in CINNOX shape, normalized, and returns the spec keys with the values sent', async () => {
    const scope = nock(BASE_URL)
      .post(CREATE, {
        firstName: 'Ann',
        lastName: 'Lee',
        level: 'Secondary',
        type: 'Customer',
        phones: [{ type: 'Work', phone: '+85294667788' }],
        emails: [{ type: 'Personal', email: 'ann@example.com' }],
        company: 'Example Ltd',
        jobTitle: 'Buyer',
        team: 'Procurement',
        group: 'VIP',
        language: 'zh-hant',
        birthDate: '31/05/1990',
        addresses: {
          street: "1 Queen's Road Central",
          city: 'Hong Kong',
          state: 'HK Island',
          zipcode: '999077',
          country: 'HK',
        },
        socialContacts: [{ key: 'woztellWhatsApp', value: '+85294667788' }],
      })
      .reply(200, { code: 0, id: 'c1' });
    const result = await run({
      first_name: '  Ann ',
      last_name: 'Lee',
      level: 'Secondary',
      type: 'Customer',
      phone_type: 'Work',
      phone_number: '+852 9466-7788',
      email_type: 'Personal',
      email_address: ' ann@example.com ',
      company: 'Example Ltd',
      job_title: 'Buyer',
      team: 'Procurement',
      group: 'VIP',
      language: 'zh-hant',
      birth_date: '1990-05-31T00:00:00+08:00',
      zip_code: '999077',
      street: "1 Queen's Road Central",
      city: 'Hong Kong',
      state: 'HK Island',
      country: 'HK',
      social_messaging_type: 'WOZTELL (WhatsApp Cloud)',
      social_messaging_name_id: '+85294667788',
    });
    scope.done();
    expect(result).toEqual(
      resultWith({
        id: 'c1',
        first_name: 'Ann',
        last_name: 'Lee',
        level: 'Secondary',
        type: 'Customer',
        phone_type: 'Work',
        phone_number: '+85294667788',
        email_type: 'Personal',
        email_address: 'ann@example.com',
        company: 'Example Ltd',
        job_title: 'Buyer',
        team: 'Procurement',
        group: 'VIP',
        language: 'zh-hant',
        birth_date: '31/05/1990',
        zip_code: '999077',
        street: "1 Queen's Road Central",
        city: 'Hong Kong',
        state: 'HK Island',
        country: 'HK',
        social_messaging_type: 'WOZTELL (WhatsApp Cloud)',
        social_messaging_name_id: '+85294667788',
      }),
    );
    // Find External Contact's keys, with the values sent: Find or Create maps them whichever path ran.
    expect(result).toMatchObject({
      firstName: 'Ann',
      lastName: 'Lee',
      fullName: 'Ann Lee',
      mobilePhone: null,
      workPhone: '+85294667788',
      email: null,
      personalEmail: 'ann@example.com',
      woztellWhatsApp: '+85294667788',
      companyName: 'Example Ltd',
      department: 'Procurement',
      jobTitle: 'Buyer',
      birthday: '31/05/1990',
      language: 'zh-hant',
      addresses: {
        street: "1 Queen's Road Central",
        city: 'Hong Kong',
        state: 'HK Island',
        zipcode: '999077',
        country: 'HK',
      },
      customerType: 'Customer',
      group: 'VIP',
      level: 'Secondary',
      ownerID: null,
    });
    expect(flatKeys(result).sort()).toEqual([...new Set(['id', ...WRITE_KEYS, ...FOUND_KEYS])].sort());
  });

  it('sends no defaults the user did not choose: no level, type or empty fields; Mobile / Work for an untyped phone / email', async () => {
    const scope = nock(BASE_URL)
      .post(CREATE, {
        lastName: 'Lee',
        phones: [{ type: 'Mobile', phone: '+14155552671' }],
        emails: [{ type: 'Work', email: 'lee@example.com' }],
      })
      .reply(200, { code: 0, id: 'c9' });
    const result = await run({
      first_name: '',
      last_name: 'Lee',
      level: '',
      phone_number: '+14155552671',
      email_address: 'lee@example.com',
      city: '  ',
      social_messaging_type: '',
    });
    scope.done();
    expect(result).toEqual(
      resultWith({
        id: 'c9',
        last_name: 'Lee',
        phone_type: 'Mobile',
        phone_number: '+14155552671',
        email_type: 'Work',
        email_address: 'lee@example.com',
      }),
    );
  });

  it('ignores a Phone, Email or Social Messaging Type given without its number, address or ID', async () => {
    const scope = nock(BASE_URL).post(CREATE, { firstName: 'Ann' }).reply(200, { code: 0, id: 'c2' });
    const result = await run({
      first_name: 'Ann',
      phone_type: 'Home',
      email_type: 'Other',
      social_messaging_type: 'LINE',
    });
    scope.done();
    expect(result).toEqual(resultWith({ id: 'c2', first_name: 'Ann' }));
  });

  it.each(SOCIAL_KEYS)('sends social messaging type %p as socialContacts key %p', async (type, key) => {
    const scope = nock(BASE_URL)
      .post(CREATE, { firstName: 'Ann', socialContacts: [{ key, value: 'ann.lee' }] })
      .reply(200, { code: 0, id: 'c3' });
    const result = await run({ first_name: 'Ann', social_messaging_type: type, social_messaging_name_id: 'ann.lee' });
    scope.done();
    expect(result).toMatchObject({ social_messaging_type: type, social_messaging_name_id: 'ann.lee' });
  });

  /** A contact needs a name: the cases of other fields bring a First Name along. */
  const named = (key: string) => (key === 'first_name' || key === 'last_name' ? {} : { first_name: 'Ann' });
  const namedBody = (key: string) => (key === 'first_name' || key === 'last_name' ? {} : { firstName: 'Ann' });

  describe.each(LIMITS)('%s (%s) at most %i characters', (key, label, limit, body) => {
    it('passes at the limit (an emoji counts as one character)', async () => {
      const value = `${'a'.repeat(limit - 1)}👍🏽`;
      const scope = nock(BASE_URL)
        .post(CREATE, { ...namedBody(key), ...body(value) })
        .reply(200, { code: 0, id: 'c4' });
      const result = await run({ ...named(key), [key]: value, ...companion(key) });
      scope.done();
      expect(result[key]).toBe(value);
    });

    it('fails one past the limit, naming the field, before any request', async () => {
      const value = 'a'.repeat(limit + 1);
      const error = await failure(() => run({ ...named(key), [key]: value, ...companion(key) }));
      expect(error.code).toBe('InvalidInput');
      expect(error.message).toBe(
        `Nothing was sent to CINNOX. ${label} must be at most ${limit} characters; got ${limit + 1} (${shown(value)}).`,
      );
    });
  });

  it.each(BAD_INPUT)('refuses %s before any request', async (_case, input, message) => {
    const error = await failure(() => run(input));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'InvalidInput',
      message: `Nothing was sent to CINNOX. ${message}`,
    });
  });

  it('lists every problem at once', async () => {
    const error = await failure(() => run({ first_name: 'a'.repeat(51), phone_number: '123', email_address: 'x@' }));
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. First Name must be at most 50 characters; got 51 (${shown('a'.repeat(51))}). Phone Number "123" must start with + and the country code, e.g. +85294667788. Email Address "x@" is not an e-mail address (e.g. ann@example.com).`,
    );
  });

  it.each([
    ['an empty contact', { first_name: ' ', phone_type: 'Mobile' }],
    [
      'a contact without a name',
      { phone_number: '+85294667788', email_address: 'ann@example.com', company: 'Example Ltd' },
    ],
  ])('refuses %s before any request: a First Name or a Last Name is required', async (_case, input) => {
    const error = await failure(() => run(input));
    expect(error).toMatchObject({
      code: 'InvalidInput',
      message:
        'Nothing was sent to CINNOX. Fill a First Name or a Last Name: CINNOX needs at least one of them to create a contact.',
    });
  });

  it.each(COUNTRIES)('sends Country %p as the ISO 3166 code %p', async (country, code) => {
    const scope = nock(BASE_URL)
      .post(CREATE, { firstName: 'Ann', addresses: { city: 'Somewhere', country: code } })
      .reply(200, { code: 0, id: 'c5' });
    const result = await run({ first_name: 'Ann', city: 'Somewhere', country });
    scope.done();
    expect(result).toEqual(resultWith({ id: 'c5', first_name: 'Ann', city: 'Somewhere', country: code }));
  });

  it('refuses a Country over 50 characters by its limit, before any request', async () => {
    const value = 'a'.repeat(51);
    const error = await failure(() => run({ first_name: 'Ann', country: value }));
    expect(error.message).toBe(
      `Nothing was sent to CINNOX. Country must be at most 50 characters; got 51 (${shown(value)}).`,
    );
  });

  it('passes on CINNOX refusing the parameters', async () => {
    const scope = nock(BASE_URL).post(CREATE, { firstName: 'Ann' }).reply(400, { code: 6451000, message: 'Bad query' });
    const error = await failure(() => run({ first_name: 'Ann' }));
    scope.done();
    expect(error).toMatchObject({
      code: 'CinnoxInvalidParameters',
      message:
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: Bad query)",
    });
  });

  it('declares the fields with the spec lists and limits in the help text', () => {
    const fields = create.operation.inputFields as {
      key: string;
      label: string;
      helpText: string;
      required: boolean;
      choices?: Record<string, string>;
    }[];
    expect(fields.map((f) => f.key)).toEqual(WRITE_KEYS);
    expect(fields.every((f) => f.required === false)).toBe(true);
    const field = (key: string) => fields.find((f) => f.key === key)!;
    expect(field('first_name').helpText).toBe(
      'First name of the external contact (Create External Contact needs a First Name or a Last Name). At most 50 characters.',
    );
    expect(field('last_name').helpText).toBe(
      'Last name of the external contact (Create External Contact needs a First Name or a Last Name). At most 50 characters.',
    );
    expect(field('country').helpText).toBe(
      'Country of the address. At most 50 characters. A two-letter ISO 3166 code such as HK, or a country name in English such as Hong Kong; CINNOX gets the code.',
    );
    expect(field('phone_number').helpText).not.toContain('replace');
    expect(field('zip_code').helpText).toContain('At most 10 characters.');
    expect(field('phone_number').helpText).toContain('Format: + country code and number, e.g. +85294667788.');
    expect(field('birth_date').helpText).toContain('Format: dd/mm/yyyy');
    expect(Object.keys(field('phone_type').choices!)).toEqual(['Mobile', 'Work', 'Home', 'Other']);
    expect(Object.keys(field('email_type').choices!)).toEqual(['Work', 'Personal', 'Other']);
    expect(field('language').choices).toEqual({
      en: 'English (en)',
      it: 'Italian (it)',
      th: 'Thai (th)',
      ja: 'Japanese (ja)',
      'zh-hant': 'Traditional Chinese (zh-hant)',
      'zh-hans': 'Simplified Chinese (zh-hans)',
    });
  });

  it('labels every sample key in outputFields', () => {
    const sampleKeys = flatKeys(create.operation.sample as Record<string, unknown>).sort();
    const outputFields = create.operation.outputFields as { key: string; label?: string }[];
    expect(outputFields.map((f) => f.key).sort()).toEqual(sampleKeys);
    expect(flatKeys(create.operation.sample as Record<string, unknown>).sort()).toEqual(
      [...new Set(['id', ...WRITE_KEYS, ...FOUND_KEYS])].sort(),
    );
    for (const f of outputFields) expect(f.label).toBeTruthy();
  });
});

describe('create_contact outcomes: each answer CINNOX can give the create', () => {
  createOutcomes(
    'create_contact',
    { first_name: 'Ann', last_name: 'Lee' },
    { ...CREATE_WRITE, body: { firstName: 'Ann', lastName: 'Lee' } },
    CREATE_ANSWERS,
  );
});
