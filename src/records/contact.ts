/**
 * External contacts, both directions:
 * - validated input (src/fields/contacts.ts) → the CINNOX create / update body (src/cinnox/contract.ts
 *   ContactBody, A9) and the create / update result (the field keys with the values sent, plus `id`);
 * - a CINNOX contact list record (docs/cinnox-api.md §3.1) → the Find External Contact result (camelCase
 *   keys), phone numbers with their "+" back.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import { SOCIAL_CONTACT_KEYS, type ContactAddress, type ContactBody, type ContactRecord } from '../cinnox/contract';
import { asE164, asText } from '../cinnox/values';
import {
  CONTACT_KEYS,
  CREATE_CONTACT_INPUT,
  DEFAULT_EMAIL_TYPE,
  DEFAULT_PHONE_TYPE,
  type ContactInput,
} from '../fields/contacts';
import { inputFieldsOf } from '../input/schema';

/** Contact input after validation and defaults: only what will be sent, as it will be sent. */
export type ContactValues = { -readonly [K in keyof ContactInput]?: NonNullable<ContactInput[K]> };

/**
 * The values to send: empty fields dropped; a Phone / Email Type without its number / address dropped
 * (harmless), and defaulted (Mobile / Work) when the number / address comes without one; a Social Messaging
 * Type without a Name/ID dropped (a Name/ID without a type is refused earlier by `socialTypeRule`).
 */
export function contactValues(input: ContactInput): ContactValues {
  const values: ContactValues = {};
  for (const key of CONTACT_KEYS) {
    const value = input[key];
    if (typeof value === 'string' && value !== '') (values as Record<string, string>)[key] = value;
  }
  if (values.phone_number === undefined) delete values.phone_type;
  else values.phone_type ??= DEFAULT_PHONE_TYPE;
  if (values.email_address === undefined) delete values.email_type;
  else values.email_type ??= DEFAULT_EMAIL_TYPE;
  if (values.social_messaging_name_id === undefined) delete values.social_messaging_type;
  return values;
}

const ADDRESS_KEYS: [keyof ContactAddress, keyof ContactValues][] = [
  ['street', 'street'],
  ['city', 'city'],
  ['state', 'state'],
  ['zipcode', 'zip_code'],
  ['country', 'country'],
];

/** The CINNOX body: only the fields that have a value, so an update never blanks a stored one. */
export function toContactBody(values: ContactValues): ContactBody {
  const body: ContactBody = {};
  const plain: [keyof ContactBody, keyof ContactValues][] = [
    ['firstName', 'first_name'],
    ['lastName', 'last_name'],
    ['level', 'level'],
    ['type', 'type'],
    ['company', 'company'],
    ['jobTitle', 'job_title'],
    ['team', 'team'],
    ['group', 'group'],
    ['language', 'language'],
    ['birthDate', 'birth_date'],
  ];
  for (const [bodyKey, key] of plain) {
    const value = values[key];
    if (value !== undefined) (body as Record<string, unknown>)[bodyKey] = value;
  }
  if (values.phone_number !== undefined)
    body.phones = [{ type: values.phone_type ?? DEFAULT_PHONE_TYPE, phone: values.phone_number }];
  if (values.email_address !== undefined)
    body.emails = [{ type: values.email_type ?? DEFAULT_EMAIL_TYPE, email: values.email_address }];
  const address: ContactAddress = {};
  for (const [addressKey, key] of ADDRESS_KEYS) {
    const value = values[key];
    if (value !== undefined) address[addressKey] = value;
  }
  if (Object.keys(address).length > 0) body.addresses = address;
  const socialType = values.social_messaging_type;
  if (values.social_messaging_name_id !== undefined && socialType !== undefined) {
    body.socialContacts = [{ key: SOCIAL_CONTACT_KEYS[socialType], value: values.social_messaging_name_id }];
  }
  return body;
}

/** The create / update result: every contact field key (null when nothing was sent for it) and CINNOX's id. */
export function contactWriteResult(
  values: ContactValues,
  id: string | null,
  extra: Record<string, string> = {},
): Record<string, string | null> {
  const result: Record<string, string | null> = { id, ...extra };
  for (const key of CONTACT_KEYS) result[key] = values[key] ?? null;
  return result;
}

/** outputFields of Create / Update External Contact. */
export const CONTACT_WRITE_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'External Contact ID', type: 'string' },
  ...inputFieldsOf(CREATE_CONTACT_INPUT).map((f) => ({ key: f.key, label: f.label, type: 'string' as const })),
];

// ---------------------------------------------------------------------------------------------
// CINNOX record → Find External Contact result
// ---------------------------------------------------------------------------------------------

type Scalar = string | null;
export interface FoundContact {
  id: string;
  firstName: Scalar;
  lastName: Scalar;
  mobilePhone: Scalar;
  workPhone: Scalar;
  homePhone: Scalar;
  otherPhone: Scalar;
  email: Scalar;
  personalEmail: Scalar;
  otherEmail: Scalar;
  facebook: Scalar;
  whatsApp: Scalar;
  weChat: Scalar;
  line: Scalar;
  twitter: Scalar;
  linkedin: Scalar;
  woztellWhatsApp: Scalar;
  woztellFacebook: Scalar;
  woztellInstagram: Scalar;
  companyName: Scalar;
  department: Scalar;
  jobTitle: Scalar;
  birthday: Scalar;
  language: Scalar;
  addresses: Record<keyof ContactAddress, Scalar>;
  customerType: Scalar;
  group: Scalar;
  level: Scalar;
  ownerID: Scalar;
  ownerName: Scalar;
  ownerDepartment: Scalar;
  sharedWith: string | string[] | null;
  slavecontacts: string | string[] | null;
}

/** Text of a record value (src/cinnox/values.ts); absent or empty is null, as Find External Contact shows it. */
const textOrNull = (value: unknown): Scalar => asText(value) || null;
/** A phone number of a record with its "+" restored (CINNOX returns JSON numbers, §3.1). */
const e164OrNull = (value: unknown): Scalar => asE164(value) || null;
const textOrList = (value: unknown): string | string[] | null =>
  Array.isArray(value) ? value.map((v) => asText(v)).filter(Boolean) : textOrNull(value);

/** The found contact's full name as the search compares it. */
export const contactFullName = (record: Pick<ContactRecord, 'firstName' | 'lastName'>): string =>
  [record.firstName, record.lastName]
    .map((part) => (part ?? '').trim())
    .filter(Boolean)
    .join(' ');

export function toFoundContact(record: ContactRecord): FoundContact {
  const address = (record.address ?? record.addresses ?? {}) as ContactAddress;
  return {
    id: String(record.id),
    firstName: textOrNull(record.firstName),
    lastName: textOrNull(record.lastName),
    mobilePhone: e164OrNull(record.mobilePhone),
    workPhone: e164OrNull(record.workPhone),
    homePhone: e164OrNull(record.homePhone),
    otherPhone: e164OrNull(record.otherPhone),
    email: textOrNull(record.email),
    personalEmail: textOrNull(record.personalEmail),
    otherEmail: textOrNull(record.otherEmail),
    facebook: textOrNull(record.facebook),
    whatsApp: e164OrNull(record.whatsApp),
    weChat: textOrNull(record.weChat),
    line: textOrNull(record.line),
    twitter: textOrNull(record.twitter),
    linkedin: textOrNull(record.linkedin),
    woztellWhatsApp: textOrNull(record.woztellWhatsApp),
    woztellFacebook: textOrNull(record.woztellFacebook),
    woztellInstagram: textOrNull(record.woztellInstagram),
    companyName: textOrNull(record.companyName),
    department: textOrNull(record.department),
    jobTitle: textOrNull(record.jobTitle),
    birthday: textOrNull(record.birthday),
    language: textOrNull(record.language),
    addresses: {
      street: textOrNull(address.street),
      city: textOrNull(address.city),
      state: textOrNull(address.state),
      zipcode: textOrNull(address.zipcode),
      country: textOrNull(address.country),
    },
    customerType: textOrNull(record.customerType),
    group: textOrNull(record.group),
    level: textOrNull(record.level),
    ownerID: textOrNull(record.ownerID ?? record.ownerId),
    ownerName: textOrNull(record.ownerName),
    ownerDepartment: textOrNull(record.ownerDepartment),
    sharedWith: textOrList(record.sharedWith),
    slavecontacts: textOrList(record.slaveContacts ?? record.slavecontacts),
  };
}

/** outputFields of Find External Contact (nested keys with Zapier's `__`). */
export const FOUND_CONTACT_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'External Contact ID' },
  { key: 'firstName', label: 'First Name' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'mobilePhone', label: 'Mobile Phone' },
  { key: 'workPhone', label: 'Work Phone' },
  { key: 'homePhone', label: 'Home Phone' },
  { key: 'otherPhone', label: 'Other Phone' },
  { key: 'email', label: 'Work Email' },
  { key: 'personalEmail', label: 'Personal Email' },
  { key: 'otherEmail', label: 'Other Email' },
  { key: 'facebook', label: 'Facebook ID' },
  { key: 'whatsApp', label: 'WhatsApp Number' },
  { key: 'weChat', label: 'WeChat ID' },
  { key: 'line', label: 'LINE ID' },
  { key: 'twitter', label: 'Twitter ID' },
  { key: 'linkedin', label: 'LinkedIn Account' },
  { key: 'woztellWhatsApp', label: 'WOZTELL (WhatsApp Cloud) ID' },
  { key: 'woztellFacebook', label: 'WOZTELL (Facebook) ID' },
  { key: 'woztellInstagram', label: 'WOZTELL (Instagram) ID' },
  { key: 'companyName', label: 'Company Name' },
  { key: 'department', label: 'Department / Team' },
  { key: 'jobTitle', label: 'Job Title' },
  { key: 'birthday', label: 'Birth Date' },
  { key: 'language', label: 'Preferred Language' },
  { key: 'addresses__street', label: 'Mailing Street' },
  { key: 'addresses__city', label: 'Mailing City' },
  { key: 'addresses__state', label: 'Mailing State' },
  { key: 'addresses__zipcode', label: 'Mailing Zip Code' },
  { key: 'addresses__country', label: 'Mailing Country' },
  { key: 'customerType', label: 'Customer Type' },
  { key: 'group', label: 'Contact Group' },
  { key: 'level', label: 'Contact Level' },
  { key: 'ownerID', label: 'Owner ID' },
  { key: 'ownerName', label: 'Owner Name' },
  { key: 'ownerDepartment', label: 'Owner Department' },
  { key: 'sharedWith', label: 'Shared With (Staff IDs)' },
  { key: 'slavecontacts', label: 'Merged Contacts (Contact IDs)' },
];

/** A typical contact as Find External Contact returns it; also the sample of the contact triggers' `details`. */
export const FOUND_CONTACT_SAMPLE: FoundContact = {
  id: '6f1c2d3e4a5b6c7d8e9f0a1b',
  firstName: 'Ann',
  lastName: 'Lee',
  mobilePhone: '+85294667788',
  workPhone: null,
  homePhone: null,
  otherPhone: null,
  email: 'ann.lee@example.com',
  personalEmail: null,
  otherEmail: null,
  facebook: null,
  whatsApp: '+85294667788',
  weChat: null,
  line: null,
  twitter: null,
  linkedin: null,
  woztellWhatsApp: null,
  woztellFacebook: null,
  woztellInstagram: null,
  companyName: 'Example Ltd',
  department: 'Procurement',
  jobTitle: 'Buyer',
  birthday: '31/05/1990',
  language: 'en',
  addresses: {
    street: "1 Queen's Road Central",
    city: 'Hong Kong',
    state: 'Hong Kong Island',
    zipcode: '999077',
    country: 'HK',
  },
  customerType: 'Customer',
  group: 'VIP',
  level: 'Primary',
  ownerID: '5e0f1a2b3c4d5e6f7a8b9c0d',
  ownerName: 'Ben Chan',
  ownerDepartment: 'Sales',
  sharedWith: '5e0f1a2b3c4d5e6f7a8b9c0e',
  slavecontacts: null,
};
