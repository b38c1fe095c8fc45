/**
 * External contacts, both directions:
 * - validated input (src/fields/contacts.ts) → the CINNOX create / update body (src/cinnox/contract.ts
 *   ContactBody, A9) and the create / update result (the field keys with the values sent, plus `id`);
 * - a CINNOX contact list record (docs/cinnox-api.md §3.1) → the Find External Contact result (camelCase
 *   keys), phone numbers with their "+" back;
 * - the CINNOX calls several contact operations share: the search by name, the read by id, the create, the update.
 */
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { cinnoxRequest, keyById, list, readPages, type AuthBundle } from '../cinnox/client';
import { NOT_CONFIRMED_CODE, isHttp404, isNotFound } from '../cinnox/errors';
import type { RefusalLabels } from '../cinnox/refusal-fields';
import { quote, secretsOf } from '../cinnox/quote';
import {
  CONTACT_CREATE_PATH,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  SOCIAL_CONTACT_KEYS,
  contactUpdatePath,
  writtenIdOf,
  type ContactAddress,
  type ContactBody,
  type ContactRecord,
  type ContactWriteResult,
} from '../cinnox/contract';
import { asText } from '../cinnox/values';
import {
  CONTACT_KEYS,
  CREATE_CONTACT_INPUT,
  DEFAULT_EMAIL_TYPE,
  DEFAULT_PHONE_TYPE,
  type EMAIL_TYPES,
  type PHONE_TYPES,
  type ContactInput,
} from '../fields/contacts';
import { inputFieldsOf } from '../input/schema';
import { recordTable, type OutputOf } from './table';

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

/**
 * The id of the contact CINNOX created (A31: `id`, flat or under `result`). A create answered without one is an
 * error, not a success with a blank id: CINNOX did not say which contact it made (or whether it made one), and a
 * later step mapping External Contact ID would get nothing.
 */
export function createdContactId(z: Pick<ZObject, 'errors'>, answer: unknown): string {
  const id = writtenIdOf(answer);
  if (id) return id;
  const said = JSON.stringify(answer ?? null) ?? '';
  throw new z.errors.Error(
    `CINNOX answered without the contact's id (its answer: ${said.length > 200 ? `${said.slice(0, 200)}…` : said}), so this step cannot say which contact it created. ` +
      'Check the contact list in CINNOX (was the contact created?) before replaying this step, so the contact is not created twice.',
    NOT_CONFIRMED_CODE,
    400,
  );
}

// ---------------------------------------------------------------------------------------------
// CINNOX record → Find External Contact result
// ---------------------------------------------------------------------------------------------

/** The found contact's full name as the search compares it. */
export const contactFullName = (record: Pick<ContactRecord, 'firstName' | 'lastName'>): string =>
  [record.firstName, record.lastName]
    .map((part) => asText(part))
    .filter(Boolean)
    .join(' ');

/**
 * The contact list record (docs/cinnox-api.md §3.1) as Find External Contact returns it, and as the contact
 * triggers' Contact Details: each key once, read from the CINNOX key of the same name unless `from` says
 * otherwise; phone numbers with their "+" restored (CINNOX returns JSON numbers), absent values null. Full Name is
 * what the search compares (Find or Create External Contact's unique match).
 */
export const FOUND_CONTACT = recordTable({
  id: { label: 'External Contact ID', read: 'text', type: 'string', sample: '6f1c2d3e4a5b6c7d8e9f0a1b' },
  firstName: { label: 'First Name', read: 'textOrNull', sample: 'Ann' },
  lastName: { label: 'Last Name', read: 'textOrNull', sample: 'Lee' },
  fullName: {
    label: 'Full Name',
    value: (record: Record<string, unknown>) => contactFullName(record),
    sample: 'Ann Lee',
  },
  mobilePhone: { label: 'Mobile Phone', read: 'e164OrNull', sample: '+85294667788' },
  workPhone: { label: 'Work Phone', read: 'e164OrNull', sample: null },
  homePhone: { label: 'Home Phone', read: 'e164OrNull', sample: null },
  otherPhone: { label: 'Other Phone', read: 'e164OrNull', sample: null },
  email: { label: 'Work Email', read: 'textOrNull', sample: 'ann.lee@example.com' },
  personalEmail: { label: 'Personal Email', read: 'textOrNull', sample: null },
  otherEmail: { label: 'Other Email', read: 'textOrNull', sample: null },
  facebook: { label: 'Facebook ID', read: 'textOrNull', sample: null },
  whatsApp: { label: 'WhatsApp Number', read: 'e164OrNull', sample: '+85294667788' },
  weChat: { label: 'WeChat ID', read: 'textOrNull', sample: null },
  line: { label: 'LINE ID', read: 'textOrNull', sample: null },
  twitter: { label: 'Twitter ID', read: 'textOrNull', sample: null },
  linkedin: { label: 'LinkedIn Account', read: 'textOrNull', sample: null },
  woztellWhatsApp: { label: 'WOZTELL (WhatsApp Cloud) ID', read: 'textOrNull', sample: null },
  woztellFacebook: { label: 'WOZTELL (Facebook) ID', read: 'textOrNull', sample: null },
  woztellInstagram: { label: 'WOZTELL (Instagram) ID', read: 'textOrNull', sample: null },
  companyName: { label: 'Company Name', read: 'textOrNull', sample: 'Example Ltd' },
  department: { label: 'Department / Team', read: 'textOrNull', sample: 'Procurement' },
  jobTitle: { label: 'Job Title', read: 'textOrNull', sample: 'Buyer' },
  birthday: { label: 'Birth Date', read: 'textOrNull', sample: '31/05/1990' },
  language: { label: 'Preferred Language', read: 'textOrNull', sample: 'en' },
  addresses: {
    label: 'Mailing',
    from: ['address', 'addresses'],
    columns: {
      street: { label: 'Street', read: 'textOrNull', sample: "1 Queen's Road Central" },
      city: { label: 'City', read: 'textOrNull', sample: 'Hong Kong' },
      state: { label: 'State', read: 'textOrNull', sample: 'Hong Kong Island' },
      zipcode: { label: 'Zip Code', read: 'textOrNull', sample: '999077' },
      country: { label: 'Country', read: 'textOrNull', sample: 'HK' },
    },
  },
  customerType: { label: 'Customer Type', read: 'textOrNull', sample: 'Customer' },
  group: { label: 'Contact Group', read: 'textOrNull', sample: 'VIP' },
  level: { label: 'Contact Level', read: 'textOrNull', sample: 'Primary' },
  ownerID: { label: 'Owner ID', read: 'textOrNull', from: ['ownerID', 'ownerId'], sample: '5e0f1a2b3c4d5e6f7a8b9c0d' },
  ownerName: { label: 'Owner Name', read: 'textOrNull', sample: 'Ben Chan' },
  ownerDepartment: { label: 'Owner Department', read: 'textOrNull', sample: 'Sales' },
  sharedWith: { label: 'Shared With (Staff IDs)', read: 'listOrNull', sample: '5e0f1a2b3c4d5e6f7a8b9c0e' },
  slavecontacts: {
    label: 'Merged Contacts (Contact IDs)',
    read: 'listOrNull',
    from: ['slaveContacts', 'slavecontacts'],
    sample: null,
  },
});
export type FoundContact = OutputOf<typeof FOUND_CONTACT.columns>;

export const toFoundContact = (record: ContactRecord): FoundContact => FOUND_CONTACT.map(record);
/** outputFields of Find External Contact (nested keys with Zapier's `__`). */
export const FOUND_CONTACT_OUTPUT_FIELDS = FOUND_CONTACT.outputFields;
/** A typical contact as Find External Contact returns it; also the sample of the contact triggers' `details`. */
export const FOUND_CONTACT_SAMPLE: FoundContact = FOUND_CONTACT.sample;

/** The contact list's key (§3.1) of a number / address of each Phone Type / Email Type. */
const PHONE_KEYS: Readonly<Record<(typeof PHONE_TYPES)[number], string>> = {
  Mobile: 'mobilePhone',
  Work: 'workPhone',
  Home: 'homePhone',
  Other: 'otherPhone',
};
const EMAIL_KEYS: Readonly<Record<(typeof EMAIL_TYPES)[number], string>> = {
  Work: 'email',
  Personal: 'personalEmail',
  Other: 'otherEmail',
};

/** The values sent, as a contact list record (§3.1) holding them: read by FOUND_CONTACT as a found contact is. */
function sentAsRecord(values: ContactValues, id: string | null): ContactRecord {
  const record: ContactRecord = {
    id: id ?? '',
    firstName: values.first_name,
    lastName: values.last_name,
    companyName: values.company,
    department: values.team,
    jobTitle: values.job_title,
    birthday: values.birth_date,
    language: values.language,
    customerType: values.type,
    group: values.group,
    level: values.level,
    address: Object.fromEntries(ADDRESS_KEYS.map(([addressKey, key]) => [addressKey, values[key]])),
  };
  if (values.phone_number !== undefined)
    record[PHONE_KEYS[values.phone_type ?? DEFAULT_PHONE_TYPE]] = values.phone_number;
  if (values.email_address !== undefined)
    record[EMAIL_KEYS[values.email_type ?? DEFAULT_EMAIL_TYPE]] = values.email_address;
  if (values.social_messaging_name_id !== undefined && values.social_messaging_type !== undefined)
    record[SOCIAL_CONTACT_KEYS[values.social_messaging_type]] = values.social_messaging_name_id;
  return record;
}

/**
 * The create / update result: every contact field key with the value sent (null when nothing was sent for it),
 * CINNOX's id, and the same values under Find External Contact's keys, so a later step of Find or Create External
 * Contact maps First Name or Company Name whichever path ran (values not sent, and the owner, are null).
 */
export function contactWriteResult(
  values: ContactValues,
  id: string | null,
  extra: Record<string, string | null> = {},
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...toFoundContact(sentAsRecord(values, id)), id, ...extra };
  for (const key of CONTACT_KEYS) result[key] = values[key] ?? null;
  return result;
}

/**
 * outputFields of Create / Update External Contact: the contact field keys, then Find External Contact's (a key
 * both have, such as Group, with Find External Contact's label and type).
 */
const FOUND_FIELDS = new Map(FOUND_CONTACT.outputFields.map((f) => [f.key, f]));
const WRITE_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'External Contact ID', type: 'string' as const },
  ...inputFieldsOf(CREATE_CONTACT_INPUT).map((f) => ({ key: f.key, label: f.label ?? f.key, type: 'string' as const })),
].map((f): PlainOutputField => FOUND_FIELDS.get(f.key) ?? f);
export const CONTACT_WRITE_OUTPUT_FIELDS: PlainOutputField[] = [
  ...WRITE_FIELDS,
  ...FOUND_CONTACT.outputFields.filter((f) => !WRITE_FIELDS.some((w) => w.key === f.key)),
];

/** At most this many requests of 500 when reading the candidates of a name (A7): 5,000 candidates. */
export const CONTACT_SEARCH_MAX_PAGES = 10;

/**
 * The candidates of a full name (A7: the contact list filtered by `fullName`), for Find External Contact and Create
 * or Update External Contact: every page, bounded; the caller keeps the exact matches and decides what an
 * incomplete read means.
 */
export const findContactsByName = (z: ZObject, bundle: AuthBundle, fullName: string, fields: RefusalLabels) =>
  readPages<ContactRecord>(
    z,
    bundle,
    CONTACT_LIST_PATH,
    { [CONTACT_NAME_PARAM]: fullName },
    keyById,
    CONTACT_SEARCH_MAX_PAGES,
    { fields },
  );

/**
 * One external contact by its ID (A8: the contact list filtered by `id`), for the contact-details hydrator and any
 * operation that reads a contact by its External Contact ID: the record with that id, or undefined when CINNOX lists none (6451011 included). An answer
 * listing only other contacts is A8 failing, never "no such contact": `cannot` says what the step then cannot do.
 */
export async function findContactById(
  z: ZObject,
  bundle: AuthBundle,
  contactId: string,
  { cannot, fields }: { cannot: string; fields?: RefusalLabels },
): Promise<ContactRecord | undefined> {
  const listed = await list<ContactRecord>(
    z,
    bundle,
    CONTACT_LIST_PATH,
    { [CONTACT_ID_PARAM]: contactId, offset: 0, limit: 1 },
    fields,
  );
  const record = listed.find((c) => c?.id !== undefined && String(c.id) === contactId);
  if (!record && listed.length > 0) {
    throw new z.errors.Error(
      `CINNOX's answer did not contain the external contact with ID "${contactId}" (it listed another contact), so ${cannot}. CINNOX may not filter the contact list by id (assumption A8): report this to the app's developers.`,
      'CinnoxUnexpectedResponse',
      502,
    );
  }
  return record;
}

/** Creates an external contact (§3.2): CINNOX's answer, which `createdContactId` reads the new id from. */
export const createExternalContact = async (z: ZObject, bundle: AuthBundle, body: ContactBody, fields: RefusalLabels) =>
  (
    await cinnoxRequest<ContactWriteResult>(z, bundle, {
      method: 'POST',
      path: CONTACT_CREATE_PATH,
      body,
      fields,
      check: 'the contact list in CINNOX (was the contact created?)',
    })
  ).data;

/**
 * Updates one external contact with the values given (Update External Contact, Create or Update External
 * Contact): one PUT; CINNOX not knowing the id (6451011 or a plain 404) is said in the words of `idLabel`, the
 * step's ID field; a refusal naming a CINNOX key, in the words of the step's `fields` (its refusal labels). The
 * write result keeps the id asked for as `contact_id`.
 */
export async function updateExternalContact(
  z: ZObject,
  bundle: AuthBundle,
  contactId: string,
  values: ContactValues,
  { idLabel, fields }: { idLabel: string; fields: RefusalLabels },
): Promise<Record<string, unknown>> {
  const response = await cinnoxRequest<ContactWriteResult>(z, bundle, {
    method: 'PUT',
    path: contactUpdatePath(contactId),
    body: toContactBody(values),
    fields,
    check: 'the contact in CINNOX (was it updated?)',
  })
    .then((answer) => answer.data)
    .catch((error: unknown) => {
      if (isNotFound(error) || isHttp404(error)) {
        throw new z.errors.Error(
          `CINNOX has no external contact with the ${idLabel} "${contactId}". Check ${idLabel}: map the ID from a Find External Contact step (by full name) before this one. CINNOX answered: ${error.text}`,
          'CinnoxContactNotFound',
          404,
        );
      }
      throw error;
    });
  // §3.3 answers `code` and `id`: either confirms the update; an answer with neither confirms nothing.
  const id = writtenIdOf(response);
  const code = (response as { code?: unknown } | undefined)?.code;
  if (!id && (code === undefined || code === null || code === '')) {
    throw new z.errors.Error(
      `CINNOX answered the update of the contact with the ${idLabel} "${contactId}" without a code or the contact's id (its answer: ${quote(response ?? null, secretsOf(bundle.authData), true)}), so the app cannot tell whether it was updated. ` +
        'Check the contact in CINNOX; replaying this step sends the same values again, which is safe.',
      NOT_CONFIRMED_CODE,
      400,
    );
  }
  return contactWriteResult(values, id || contactId, { contact_id: contactId });
}
