/**
 * Cases shared by the Create and Update External Contact tests. The limits are written out here from
 * the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier) (not read from src/fields/contacts.ts), so a wrong
 * limit in the field specs fails a test.
 */
import type { DataMatcherMap } from 'nock';
import {
  notSuccessCode,
  page,
  refusedParameters,
  unconfirmedWrite,
  type OutcomeRow,
  type Seen,
  type Write,
} from './outcomes';

/**
 * [input key, label, limit, CINNOX body carrying value v]. Country (also at most 50 characters) is tested on
 * its own: only a code or a country name passes it, so no value of any length can be checked at the limit.
 */
export const LIMITS: [string, string, number, (v: string) => DataMatcherMap][] = [
  ['first_name', 'First Name', 50, (v) => ({ firstName: v })],
  ['last_name', 'Last Name', 50, (v) => ({ lastName: v })],
  ['company', 'Company', 100, (v) => ({ company: v })],
  ['job_title', 'Job Title', 100, (v) => ({ jobTitle: v })],
  ['team', 'Team', 100, (v) => ({ team: v })],
  ['group', 'Group', 100, (v) => ({ group: v })],
  ['zip_code', 'Zip Code', 10, (v) => ({ addresses: { zipcode: v } })],
  ['street', 'Street', 50, (v) => ({ addresses: { street: v } })],
  ['city', 'City', 50, (v) => ({ addresses: { city: v } })],
  ['state', 'State', 50, (v) => ({ addresses: { state: v } })],
  [
    'social_messaging_name_id',
    'Social Messaging Name/ID',
    100,
    (v) => ({ socialContacts: [{ key: 'line', value: v }] }),
  ],
];

/** Extra input a limit case needs to be valid on its own. */
export const companion = (key: string): Record<string, string> =>
  key === 'social_messaging_name_id' ? { social_messaging_type: 'LINE' } : {};

/** Country inputs and the code CINNOX gets for each. */
export const COUNTRIES: [string, string][] = [
  ['HK', 'HK'],
  ['hk', 'HK'],
  ['  Hong Kong ', 'HK'],
  ['united kingdom', 'GB'],
  ['UK', 'GB'],
  ['Côte d’Ivoire', 'CI'],
  ['Bosnia and Herzegovina', 'BA'],
  ['Saint Lucia', 'LC'],
  ['USA', 'US'],
];

/**
 * What an input error shows of a value (`preview`, src/input/formats.ts): up to 200 UTF-16 code units whole, a
 * longer one as its first 200, an ellipsis and its length.
 */
export const shown = (text: string): string =>
  text.length > 200 ? `"${text.slice(0, 200)}…" (length ${text.length.toLocaleString('en-US')})` : `"${text}"`;

/** [case, input, exact message after "Nothing was sent to CINNOX. "]. */
export const BAD_INPUT: [string, Record<string, unknown>, string][] = [
  [
    'a phone number without +',
    { phone_number: '94667788' },
    'Phone Number "94667788" must start with + and the country code, e.g. +85294667788.',
  ],
  [
    'a phone number too short to be one',
    { phone_number: '+852 1' },
    'Phone Number "+852 1" is not a phone number; enter + country code and number, e.g. +85294667788.',
  ],
  [
    'a phone number its country does not use',
    { phone_number: '+852 1234 5678' },
    'Phone Number "+852 1234 5678" is not a valid phone number for HK; enter + country code and number, e.g. +85294667788.',
  ],
  [
    'an e-mail that is no address',
    { email_address: 'ann.example.com' },
    'Email Address "ann.example.com" is not an e-mail address (e.g. ann@example.com).',
  ],
  [
    'a date that is not a date',
    { birth_date: 'May 1990' },
    'Birth Date "May 1990" is not a date; use dd/mm/yyyy, e.g. 31/05/1990.',
  ],
  ['a date not in the calendar', { birth_date: '30/02/1990' }, 'Birth Date "30/02/1990" is not a real calendar date.'],
  ['a date in the future', { birth_date: '01/01/2999' }, 'Birth Date "01/01/2999" is in the future.'],
  [
    'an unknown country',
    { country: 'Atlantis' },
    'Country "Atlantis" is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.',
  ],
  [
    'a two-letter code no country has',
    { country: 'xx' },
    'Country "xx" is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.',
  ],
  [
    'a region code that is no country',
    { country: 'EU' },
    'Country "EU" is not a known country or region; enter a two-letter ISO 3166 code such as HK, or a country name such as Hong Kong.',
  ],
  ['a level outside its list', { level: 'Gold' }, 'Level must be one of Primary, Secondary, Tertiary; got "Gold".'],
  [
    'a type outside its list',
    { type: 'Partner' },
    'Type must be one of Lead, Prospect, Customer, Others; got "Partner".',
  ],
  [
    'a phone type outside its list',
    { phone_type: 'Personal', phone_number: '+85294667788' },
    'Phone Type must be one of Mobile, Work, Home, Other; got "Personal".',
  ],
  [
    'an email type outside its list',
    { email_type: 'Mobile', email_address: 'ann@example.com' },
    'Email Type must be one of Work, Personal, Other; got "Mobile".',
  ],
  [
    'the spec\'s "zh-ant" typo',
    { language: 'zh-ant' },
    'Language must be one of English (en), Italian (it), Thai (th), Japanese (ja), Traditional Chinese (zh-hant), Simplified Chinese (zh-hans); got "zh-ant".',
  ],
  [
    'a social messaging type outside its list',
    { social_messaging_type: 'Telegram', social_messaging_name_id: 'ann' },
    'Social Messaging Type must be one of Messenger, WhatsApp, WeChat, LINE, Twitter, LinkedIn, WOZTELL (WhatsApp Cloud), WOZTELL (Facebook), WOZTELL (Instagram); got "Telegram".',
  ],
  [
    'a social messaging ID without its type',
    { first_name: 'Ann', social_messaging_name_id: 'ann.lee' },
    'Social Messaging Name/ID "ann.lee" needs a Social Messaging Type: choose one of Messenger, WhatsApp, WeChat, LINE, Twitter, LinkedIn, WOZTELL (WhatsApp Cloud), WOZTELL (Facebook), WOZTELL (Instagram).',
  ],
];

/** Every social messaging type and the socialContacts key CINNOX gets for it (A9). */
export const SOCIAL_KEYS: [string, string][] = [
  ['Messenger', 'facebook'],
  ['WhatsApp', 'whatsApp'],
  ['WeChat', 'weChat'],
  ['LINE', 'line'],
  ['Twitter', 'twitter'],
  ['LinkedIn', 'linkedin'],
  ['WOZTELL (WhatsApp Cloud)', 'woztellWhatsApp'],
  ['WOZTELL (Facebook)', 'woztellFacebook'],
  ['WOZTELL (Instagram)', 'woztellInstagram'],
];

/** The create / update output keys the CINNOX Zapier guide documents, in its order. */
export const WRITE_KEYS = [
  'first_name',
  'last_name',
  'level',
  'type',
  'phone_type',
  'phone_number',
  'email_type',
  'email_address',
  'company',
  'job_title',
  'team',
  'group',
  'language',
  'birth_date',
  'zip_code',
  'street',
  'city',
  'state',
  'country',
  'social_messaging_type',
  'social_messaging_name_id',
];

/**
 * Find External Contact's output keys (docs/cinnox-api.md §3.1, flattened as Zapier flattens them): a create or
 * update result carries them too, so Find or Create External Contact gives one shape whichever path ran.
 */
export const FOUND_KEYS = [
  'id',
  'firstName',
  'lastName',
  'fullName',
  'mobilePhone',
  'workPhone',
  'homePhone',
  'otherPhone',
  'email',
  'personalEmail',
  'otherEmail',
  'facebook',
  'whatsApp',
  'weChat',
  'line',
  'twitter',
  'linkedin',
  'woztellWhatsApp',
  'woztellFacebook',
  'woztellInstagram',
  'companyName',
  'department',
  'jobTitle',
  'birthday',
  'language',
  'addresses__street',
  'addresses__city',
  'addresses__state',
  'addresses__zipcode',
  'addresses__country',
  'customerType',
  'group',
  'level',
  'ownerID',
  'ownerName',
  'ownerDepartment',
  'sharedWith',
  'slavecontacts',
];

/** Where a Phone Type's number and an Email Type's address are in a found contact (§3.1). */
const PHONE_KEYS: Record<string, string> = {
  Mobile: 'mobilePhone',
  Work: 'workPhone',
  Home: 'homePhone',
  Other: 'otherPhone',
};
const EMAIL_KEYS: Record<string, string> = { Work: 'email', Personal: 'personalEmail', Other: 'otherEmail' };

/** The values of a write result (`set`: the write keys sent) under Find External Contact's keys; the rest null. */
export function foundShape(set: Record<string, string | null>): Record<string, unknown> {
  const v = (key: string): string | null => set[key] ?? null;
  const shape: Record<string, unknown> = {
    id: set.id ?? '',
    firstName: v('first_name'),
    lastName: v('last_name'),
    fullName: [set.first_name, set.last_name].filter(Boolean).join(' '),
    ...Object.fromEntries(
      [...Object.values(PHONE_KEYS), ...Object.values(EMAIL_KEYS), ...SOCIAL_KEYS.map(([, key]) => key)].map((k) => [
        k,
        null,
      ]),
    ),
    companyName: v('company'),
    department: v('team'),
    jobTitle: v('job_title'),
    birthday: v('birth_date'),
    language: v('language'),
    addresses: {
      street: v('street'),
      city: v('city'),
      state: v('state'),
      zipcode: v('zip_code'),
      country: v('country'),
    },
    customerType: v('type'),
    group: v('group'),
    level: v('level'),
    ownerID: null,
    ownerName: null,
    ownerDepartment: null,
    sharedWith: null,
    slavecontacts: null,
  };
  if (set.phone_number) shape[PHONE_KEYS[set.phone_type!]!] = set.phone_number;
  if (set.email_address) shape[EMAIL_KEYS[set.email_type!]!] = set.email_address;
  const social = SOCIAL_KEYS.find(([type]) => type === set.social_messaging_type)?.[1];
  if (social && set.social_messaging_name_id) shape[social] = set.social_messaging_name_id;
  return shape;
}

/** A result with every write key null except `set`, and `set` under Find External Contact's keys. */
export const resultWith = (set: Record<string, string | null>): Record<string, unknown> => ({
  ...foundShape(set),
  ...Object.fromEntries(WRITE_KEYS.map((k) => [k, null])),
  ...set,
});

/** Create External Contact's write (and Create or Update's, when no contact has the name). */
export const CREATE_WRITE: Write = { method: 'POST', path: '/management/create_externalcontact' };
const created = (id: string) => ({ output: resultWith({ id, first_name: 'Ann', last_name: 'Lee' }) });
const noId = (said: string): Seen => ({
  error: 'AppError',
  code: 'CinnoxNotConfirmed',
  message: `CINNOX answered without the contact's id (its answer: ${said}), so this step cannot say which contact it created. Check the contact list in CINNOX (was the contact created?) before replaying this step, so the contact is not created twice.`,
});
/** What a create of Ann Lee can be answered, and what the Zap builder sees (test/creates/every-write.test.ts: the rest). */
export const CREATE_ANSWERS: OutcomeRow[] = [
  ['code 0 with the id', { status: 200, body: { code: 0, id: 'c-9' } }, created('c-9')],
  // A31: the id under `result`.
  ['code 0 with the id under result', { status: 200, body: { code: 0, result: { id: 'c-9' } } }, created('c-9')],
  ['code 0 with result the id itself', { status: 200, body: { code: 0, result: 'c-9' } }, created('c-9')],
  ['code 0 with the id as a number', { status: 200, body: { code: 0, id: 12345 } }, created('12345')],
  ['code 0 without an id', { status: 200, body: { code: 0 } }, noId('{"code":0}')],
  [
    'code 0 with a blank id',
    { status: 200, body: { code: 0, id: ' ', result: {} } },
    noId('{"code":0,"id":" ","result":{}}'),
  ],
  ['HTTP 200 with no body', page(200, ''), noId('{}')],
  notSuccessCode(1, 'failed'),
  [
    '6451000 firstName or lastName is required',
    { status: 400, body: { code: 6451000, message: 'firstName or lastName is required' } },
    refusedParameters('firstName or lastName is required', 'firstName is First Name, lastName is Last Name'),
  ],
  [
    'HTTP 400 with a reason and no CINNOX code',
    { status: 400, body: { message: 'jobTitle too long' } },
    {
      error: 'AppError',
      code: 'CinnoxError',
      message:
        "CINNOX refused the request (HTTP 400): jobTitle too long. In this step's fields: jobTitle is Job Title.",
    },
  ],
  [
    'no answer: the connection reset after CINNOX read the request',
    { socket: 'reset' },
    unconfirmedWrite(CREATE_WRITE, 'reset', 'the contact list in CINNOX (was the contact created?)'),
  ],
];
