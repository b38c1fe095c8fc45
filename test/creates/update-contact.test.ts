import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { API_ROOT, App, BASE_URL, appTester, bundleWith, failure } from '../helpers/app';
import {
  BAD_INPUT,
  COUNTRIES,
  FOUND_KEYS,
  LIMITS,
  WRITE_KEYS,
  companion,
  resultWith,
  shown,
} from '../helpers/contact-cases';
import { flatKeys } from '../helpers/hooks';
import {
  createOutcomes,
  notSuccessCode,
  refusedParameters,
  unconfirmedWrite,
  writeNotFound,
  type OutcomeRow,
  type Seen,
  type Write,
} from '../helpers/outcomes';

const updatePath = (id: string) => `${API_ROOT}/management/update_externalcontact/${id}`;
const update = App.creates!.update_contact!;
const perform = update.operation.perform as (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;
const run = (inputData: Record<string, unknown>) => appTester(perform, bundleWith(inputData));

describe('update_contact', () => {
  it('PUTs only the filled fields to the contact and returns them with contact_id and id', async () => {
    const scope = nock(BASE_URL)
      .put(updatePath('c1'), {
        phones: [{ type: 'Mobile', phone: '+85294667788' }],
        addresses: { city: 'Kowloon' },
        birthDate: '01/02/1990',
      })
      .reply(200, { code: 0, id: 'c1' });
    const result = await run({
      contact_id: ' c1 ',
      first_name: '',
      last_name: '   ',
      level: '',
      phone_number: '+85294667788',
      email_type: 'Work',
      email_address: '',
      city: 'Kowloon',
      street: '',
      birth_date: '1/2/1990',
      social_messaging_type: 'LINE',
      social_messaging_name_id: '',
    });
    scope.done();
    expect(result).toEqual({
      contact_id: 'c1',
      ...resultWith({
        id: 'c1',
        phone_type: 'Mobile',
        phone_number: '+85294667788',
        city: 'Kowloon',
        birth_date: '01/02/1990',
      }),
    });
  });

  it('sends every field when every field is filled', async () => {
    const scope = nock(BASE_URL)
      .put(updatePath('c2'), {
        firstName: 'Ann',
        lastName: 'Lee',
        level: 'Tertiary',
        type: 'Others',
        phones: [{ type: 'Home', phone: '+14155552671' }],
        emails: [{ type: 'Other', email: 'ann@example.org' }],
        company: 'Co',
        jobTitle: 'CTO',
        team: 'Tech',
        group: 'G1',
        language: 'ja',
        birthDate: '29/02/2000',
        addresses: { street: 'S', city: 'C', state: 'St', zipcode: '12345', country: 'JP' },
        socialContacts: [{ key: 'facebook', value: 'ann.fb' }],
      })
      .reply(200, { code: 0, id: 'c2' });
    const input = {
      first_name: 'Ann',
      last_name: 'Lee',
      level: 'Tertiary',
      type: 'Others',
      phone_type: 'Home',
      phone_number: '+1 415 555 2671',
      email_type: 'Other',
      email_address: 'ann@example.org',
      company: 'Co',
      job_title: 'CTO',
      team: 'Tech',
      group: 'G1',
      language: 'ja',
      birth_date: '2000-02-29',
      zip_code: '12345',
      street: 'S',
      city: 'C',
      state: 'St',
      country: 'JP',
      social_messaging_type: 'Messenger',
      social_messaging_name_id: 'ann.fb',
    };
    const result = await run({ contact_id: 'c2', ...input });
    scope.done();
    expect(result).toEqual({
      contact_id: 'c2',
      ...resultWith({ id: 'c2', ...input, phone_number: '+14155552671', birth_date: '29/02/2000' }),
    });
    // The values sent under Find External Contact's keys too: Find or Create's update path has its shape.
    expect(result).toMatchObject({
      firstName: 'Ann',
      homePhone: '+14155552671',
      otherEmail: 'ann@example.org',
      facebook: 'ann.fb',
      companyName: 'Co',
      department: 'Tech',
      customerType: 'Others',
      addresses: { street: 'S', city: 'C', state: 'St', zipcode: '12345', country: 'JP' },
    });
  });

  it('puts the contact id in the path encoded, and falls back to it when CINNOX returns no id', async () => {
    const scope = nock(BASE_URL).put(updatePath('a%3Ab%2B%C3%BC'), { team: 'T' }).reply(200, { code: 0 });
    const result = await run({ contact_id: 'a:b+ü', team: 'T' });
    scope.done();
    expect(result).toMatchObject({ id: 'a:b+ü', contact_id: 'a:b+ü', team: 'T', first_name: null });
  });

  it('refuses a missing External Contact ID before any request', async () => {
    const error = await failure(() => run({ first_name: 'Ann' }));
    expect(error).toMatchObject({
      code: 'InvalidInput',
      message: 'Nothing was sent to CINNOX. External Contact ID is required.',
    });
  });

  it.each([
    ['only the id', { contact_id: 'c1' }],
    ['the id and empty fields', { contact_id: 'c1', first_name: ' ', city: '' }],
    [
      'the id and types without their values',
      { contact_id: 'c1', phone_type: 'Work', email_type: 'Work', social_messaging_type: 'LINE' },
    ],
  ])('refuses %s before any request: nothing to update', async (_case, input) => {
    const error = await failure(() => run(input));
    expect(error).toMatchObject({
      code: 'InvalidInput',
      message:
        'Nothing was sent to CINNOX. Nothing to update: fill at least one field besides External Contact ID (a Phone Type, Email Type or Social Messaging Type counts only with its Phone Number, Email Address or Social Messaging Name/ID).',
    });
  });

  describe.each(LIMITS)('%s (%s) at most %i characters', (key, label, limit, body) => {
    it('passes at the limit', async () => {
      const value = 'b'.repeat(limit);
      const scope = nock(BASE_URL).put(updatePath('c3'), body(value)).reply(200, { code: 0, id: 'c3' });
      const result = await run({ contact_id: 'c3', [key]: value, ...companion(key) });
      scope.done();
      expect(result[key]).toBe(value);
    });

    it('fails one past the limit, naming the field, before any request', async () => {
      const value = 'b'.repeat(limit + 1);
      const error = await failure(() => run({ contact_id: 'c3', [key]: value, ...companion(key) }));
      expect(error.message).toBe(
        `Nothing was sent to CINNOX. ${label} must be at most ${limit} characters; got ${limit + 1} (${shown(value)}).`,
      );
    });
  });

  it.each(COUNTRIES.slice(0, 4))('sends Country %p as the ISO 3166 code %p', async (country, code) => {
    const scope = nock(BASE_URL)
      .put(updatePath('c4'), { addresses: { country: code } })
      .reply(200, { code: 0, id: 'c4' });
    const result = await run({ contact_id: 'c4', country });
    scope.done();
    expect(result).toEqual({ contact_id: 'c4', ...resultWith({ id: 'c4', country: code }) });
  });

  it('needs no name: a patch of one field is sent as it is', async () => {
    const scope = nock(BASE_URL).put(updatePath('c5'), { jobTitle: 'CEO' }).reply(200, { code: 0, id: 'c5' });
    await expect(run({ contact_id: 'c5', job_title: 'CEO' })).resolves.toMatchObject({
      id: 'c5',
      job_title: 'CEO',
      first_name: null,
      last_name: null,
    });
    scope.done();
  });

  it.each(BAD_INPUT)('refuses %s before any request', async (_case, input, message) => {
    const error = await failure(() => run({ contact_id: 'c1', ...input }));
    expect(error).toMatchObject({
      name: 'AppError',
      code: 'InvalidInput',
      message: `Nothing was sent to CINNOX. ${message}`,
    });
  });

  it('an unknown id (6451011 on the PUT) names External Contact ID and its value, and points to Find External Contact', async () => {
    const scope = nock(BASE_URL)
      .put(updatePath('gone'), { firstName: 'Ann' })
      .reply(400, { code: 6451011, message: 'No records found' });
    const error = await failure(() => run({ contact_id: 'gone', first_name: 'Ann' }));
    scope.done();
    expect(error).toMatchObject({
      code: 'CinnoxContactNotFound',
      message:
        'CINNOX has no external contact with the External Contact ID "gone". Check External Contact ID: map the ID from a Find External Contact step (by full name) before this one. CINNOX answered: CINNOX found no matching record (CINNOX code 6451011: No records found).',
    });
  });

  it('an unknown id answered with a plain HTTP 404 says the same, and what CINNOX answered', async () => {
    const scope = nock(BASE_URL).put(updatePath('c404'), { firstName: 'Ann' }).reply(404, { message: 'not found' });
    const error = await failure(() => run({ contact_id: 'c404', first_name: 'Ann' }));
    scope.done();
    expect(error).toMatchObject({
      code: 'CinnoxContactNotFound',
      message: `CINNOX has no external contact with the External Contact ID "c404". Check External Contact ID: map the ID from a Find External Contact step (by full name) before this one. CINNOX answered: CINNOX answered HTTP 404 for PUT ${updatePath('c404')}: it does not know this endpoint or record. Check the connection's Base URL; if it is right, report this to the app's developers. ("not found")`,
    });
  });

  it("CINNOX's parameter errors name the Zapier fields of the API fields they mention", async () => {
    const scope = nock(BASE_URL)
      .put(updatePath('c1'), { firstName: 'Ann', birthDate: '31/05/1990' })
      .reply(400, { code: 6451000, message: 'invalid birthDate; Unknown data type: firstName must be a string' });
    const error = await failure(() => run({ contact_id: 'c1', first_name: 'Ann', birth_date: '31/05/1990' }));
    scope.done();
    expect(error).toMatchObject({
      code: 'CinnoxInvalidParameters',
      message:
        "CINNOX refused the request's parameters. Check the fields of this step. (CINNOX code 6451000: invalid birthDate; Unknown data type: firstName must be a string) In this step's fields: birthDate is Birth Date, firstName is First Name.",
    });
  });

  it('declares a required, search-powered External Contact ID and then the create fields, all optional', () => {
    const fields = update.operation.inputFields as {
      key: string;
      label: string;
      helpText: string;
      required: boolean;
      search?: string;
      choices?: Record<string, string>;
    }[];
    expect(fields[0]).toMatchObject({
      key: 'contact_id',
      label: 'External Contact ID',
      required: true,
      search: 'find_contact.id',
    });
    expect(fields.slice(1).map((f) => f.key)).toEqual(WRITE_KEYS);
    expect(fields.slice(1).every((f) => !f.required)).toBe(true);
    // The CINNOX Zapier guide's Update table swaps these two lists; the Create lists are used.
    expect(Object.keys(fields.find((f) => f.key === 'phone_type')!.choices!)).toEqual([
      'Mobile',
      'Work',
      'Home',
      'Other',
    ]);
    expect(Object.keys(fields.find((f) => f.key === 'email_type')!.choices!)).toEqual(['Work', 'Personal', 'Other']);
    // The same fields as Create, except that Phone Number and Email Address say CINNOX may replace the stored ones (A17).
    const createFields = App.creates!.create_contact!.operation.inputFields as { key: string; helpText: string }[];
    const differs = fields.slice(1).filter((f, i) => JSON.stringify(f) !== JSON.stringify(createFields[i]));
    expect(differs.map((f) => f.key)).toEqual(['phone_number', 'email_address']);
    const help = (key: string) => fields.find((f) => f.key === key)!.helpText;
    expect(help('phone_number')).toBe(
      "Phone number of the external contact (one number). CINNOX may replace the contact's stored numbers of this type with this one. Format: + country code and number, e.g. +85294667788.",
    );
    expect(help('email_address')).toBe(
      "Email address of the external contact (one address). CINNOX may replace the contact's stored addresses of this type with this one. An e-mail address, e.g. ann@example.com.",
    );
    expect(fields.slice(1).map((f) => ({ ...f, helpText: undefined }))).toEqual(
      createFields.map((f) => ({ ...f, helpText: undefined })),
    );
  });

  it('labels every sample key in outputFields', () => {
    const sampleKeys = flatKeys(update.operation.sample as Record<string, unknown>).sort();
    const outputFields = update.operation.outputFields as { key: string; label?: string }[];
    expect(outputFields.map((f) => f.key).sort()).toEqual(sampleKeys);
    expect(sampleKeys).toEqual([...new Set(['id', 'contact_id', ...WRITE_KEYS, ...FOUND_KEYS])].sort());
    for (const f of outputFields) expect(f.label).toBeTruthy();
  });
});

describe('update_contact outcomes: each answer CINNOX can give the update', () => {
  const UPDATE: Write = { method: 'PUT', path: '/management/update_externalcontact/c-1' };
  const contactNotFound = (answered: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxContactNotFound',
    message: `CINNOX has no external contact with the External Contact ID "c-1". Check External Contact ID: map the ID from a Find External Contact step (by full name) before this one. CINNOX answered: ${answered}`,
  });
  const unconfirmed = (answer: string): Seen => ({
    error: 'AppError',
    code: 'CinnoxNotConfirmed',
    message: `CINNOX answered the update of the contact with the External Contact ID "c-1" without a code or the contact's id (its answer: ${answer}), so the app cannot tell whether it was updated. Check the contact in CINNOX; replaying this step sends the same values again, which is safe.`,
  });
  const updated = (id: string) => ({ output: { contact_id: 'c-1', ...resultWith({ id, job_title: 'CTO' }) } });
  const UPDATE_ROWS: OutcomeRow[] = [
    ['code 0 with the id', { status: 200, body: { code: 0, id: 'c-1' } }, updated('c-1')],
    ['code 0 with the id under result', { status: 200, body: { code: 0, result: { id: 'c-1' } } }, updated('c-1')],
    // §3.3 answers `code` and `id`: a success code confirms the update without the id (the one asked for)…
    ['code 0 without an id', { status: 200, body: { code: 0 } }, updated('c-1')],
    ['the id without a code', { status: 200, body: { id: 'c-1' } }, updated('c-1')],
    // … and an answer with neither confirms nothing.
    ['HTTP 200 without a code or an id', { status: 200, body: {} }, unconfirmed('{}')],
    ['HTTP 200 with an empty result', { status: 200, body: { result: {} } }, unconfirmed('{"result":{}}')],
    notSuccessCode(1, 'failed'),
    [
      '6451011 No records found',
      { status: 400, body: { code: 6451011, message: 'No records found' } },
      contactNotFound('CINNOX found no matching record (CINNOX code 6451011: No records found).'),
    ],
    [
      '6451000 invalid jobTitle',
      { status: 400, body: { code: 6451000, message: 'invalid jobTitle' } },
      refusedParameters('invalid jobTitle', 'jobTitle is Job Title'),
    ],
    writeNotFound(UPDATE, contactNotFound),
    [
      'no answer: the connection reset after CINNOX read the request',
      { socket: 'reset' },
      unconfirmedWrite(UPDATE, 'reset', 'the contact in CINNOX (was it updated?)'),
    ],
  ];
  createOutcomes(
    'update_contact',
    { contact_id: 'c-1', job_title: 'CTO' },
    { ...UPDATE, body: { jobTitle: 'CTO' } },
    UPDATE_ROWS,
  );
});
