/**
 * External contact field specs: one definition per field, shared by Create and Update External Contact,
 * the single source of the Zapier input fields and of the validation. A limit lives only here
 * (test/helpers/contact-cases.ts writes each one out again, so a changed limit fails a test).
 *
 * Lists and limits are those of the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier). Its Update table
 * swaps the Phone Type and Email Type lists and spells zh-hant "zh-ant": both typos; the Create lists are used.
 * The cross-field rules of the contact actions are here too.
 */
import { SOCIAL_CONTACT_KEYS } from '../cinnox/contract';
import { choicesOf, defineFieldSpec, defineFieldSpecs, type ApiFieldLabels, type InputOf, type Rule } from './spec';

export const CONTACT_LEVELS = ['Primary', 'Secondary', 'Tertiary'] as const;
export const CONTACT_TYPES = ['Lead', 'Prospect', 'Customer', 'Others'] as const;
export const PHONE_TYPES = ['Mobile', 'Work', 'Home', 'Other'] as const;
export const EMAIL_TYPES = ['Work', 'Personal', 'Other'] as const;
/** ISO 639-1 codes (value) and the names the Zap editor shows. */
export const CONTACT_LANGUAGES = {
  en: 'English (en)',
  it: 'Italian (it)',
  th: 'Thai (th)',
  ja: 'Japanese (ja)',
  'zh-hant': 'Traditional Chinese (zh-hant)',
  'zh-hans': 'Simplified Chinese (zh-hans)',
} as const;
export const SOCIAL_MESSAGING_TYPES = Object.keys(SOCIAL_CONTACT_KEYS) as (keyof typeof SOCIAL_CONTACT_KEYS)[];

/** Sent when a Phone Number / Email Address is given without its type. */
export const DEFAULT_PHONE_TYPE = 'Mobile' satisfies (typeof PHONE_TYPES)[number];
export const DEFAULT_EMAIL_TYPE = 'Work' satisfies (typeof EMAIL_TYPES)[number];

/** The contact fields in the Zap editor's order; keys are also the create / update output keys. */
export const CONTACT_FIELDS = defineFieldSpecs([
  {
    key: 'first_name',
    label: 'First Name',
    helpText: 'First name of the external contact (Create External Contact needs a First Name or a Last Name).',
    maxChars: 50,
  },
  {
    key: 'last_name',
    label: 'Last Name',
    helpText: 'Last name of the external contact (Create External Contact needs a First Name or a Last Name).',
    maxChars: 50,
  },
  { key: 'level', label: 'Level', helpText: 'Level of the external contact.', choices: choicesOf(CONTACT_LEVELS) },
  { key: 'type', label: 'Type', helpText: 'Type of the external contact.', choices: choicesOf(CONTACT_TYPES) },
  {
    key: 'phone_type',
    label: 'Phone Type',
    helpText: `Type of the Phone Number; ${DEFAULT_PHONE_TYPE} when left empty. Ignored without a Phone Number.`,
    choices: choicesOf(PHONE_TYPES),
  },
  {
    key: 'phone_number',
    label: 'Phone Number',
    helpText: 'Phone number of the external contact (one number).',
    format: 'phone',
  },
  {
    key: 'email_type',
    label: 'Email Type',
    helpText: `Type of the Email Address; ${DEFAULT_EMAIL_TYPE} when left empty. Ignored without an Email Address.`,
    choices: choicesOf(EMAIL_TYPES),
  },
  {
    key: 'email_address',
    label: 'Email Address',
    helpText: 'Email address of the external contact (one address).',
    format: 'email',
  },
  { key: 'company', label: 'Company', helpText: 'Company name of the external contact.', maxChars: 100 },
  { key: 'job_title', label: 'Job Title', helpText: 'Job title of the external contact.', maxChars: 100 },
  { key: 'team', label: 'Team', helpText: 'Team name of the external contact.', maxChars: 100 },
  { key: 'group', label: 'Group', helpText: 'Group name of the external contact.', maxChars: 100 },
  { key: 'language', label: 'Language', helpText: 'Preferred language (ISO 639-1 code).', choices: CONTACT_LANGUAGES },
  { key: 'birth_date', label: 'Birth Date', helpText: 'Date of birth of the external contact.', format: 'past-date' },
  { key: 'zip_code', label: 'Zip Code', helpText: 'Zip code of the address.', maxChars: 10 },
  { key: 'street', label: 'Street', helpText: 'Street of the address.', maxChars: 50 },
  { key: 'city', label: 'City', helpText: 'City of the address.', maxChars: 50 },
  { key: 'state', label: 'State', helpText: 'State of the address.', maxChars: 50 },
  { key: 'country', label: 'Country', helpText: 'Country of the address.', maxChars: 50, format: 'country' },
  {
    key: 'social_messaging_type',
    label: 'Social Messaging Type',
    helpText: 'The social messaging channel of the Social Messaging Name/ID.',
    choices: choicesOf(SOCIAL_MESSAGING_TYPES),
  },
  {
    key: 'social_messaging_name_id',
    label: 'Social Messaging Name/ID',
    helpText: "The contact's ID or account name on that channel; needs a Social Messaging Type.",
    maxChars: 100,
  },
]);

/** The validated contact fields (Create External Contact's input; Update's, but for its contact id). */
export type ContactInput = InputOf<typeof CONTACT_FIELDS>;

/** Update External Contact: the contact id, then the same fields, all optional (a patch). */
export const CONTACT_ID_FIELD = defineFieldSpec({
  key: 'contact_id',
  label: 'External Contact ID',
  helpText:
    'The ID of the external contact to update; use a Find External Contact step to look it up by name. Only the fields filled below are changed.',
  required: true,
  search: 'find_contact.id',
});

/**
 * A17: CINNOX does not document whether one phones / emails entry in an update is added to the contact's
 * stored ones or replaces them; the update's help text says so.
 */
const UPDATE_HELP_NOTES: Readonly<Record<string, string>> = {
  phone_number: "CINNOX may replace the contact's stored numbers of this type with this one.",
  email_address: "CINNOX may replace the contact's stored addresses of this type with this one.",
};
export const UPDATE_CONTACT_FIELDS = defineFieldSpecs([
  CONTACT_ID_FIELD,
  ...CONTACT_FIELDS.map((f) =>
    UPDATE_HELP_NOTES[f.key] ? { ...f, helpText: `${f.helpText} ${UPDATE_HELP_NOTES[f.key]}` } : f,
  ),
]);

/** Find External Contact. */
export const FULL_NAME_FIELD = defineFieldSpec({
  key: 'full_name',
  label: 'Full Name',
  helpText:
    'First name, a space, and last name, e.g. "Ann Lee". Exact match only: spaces at either end and repeated spaces are ignored, and upper / lower case does not matter.',
  required: true,
});
export const FIND_CONTACT_FIELDS = defineFieldSpecs([FULL_NAME_FIELD]);

const labelOf = (key: string): string => CONTACT_FIELDS.find((f) => f.key === key)?.label ?? key;

/** The contact body's API fields (docs/cinnox-api.md §3.2, A9) → the Zapier labels of Create / Update External Contact. */
export const CONTACT_API_FIELDS: ApiFieldLabels = {
  firstName: labelOf('first_name'),
  lastName: labelOf('last_name'),
  phones: labelOf('phone_number'),
  emails: labelOf('email_address'),
  jobTitle: labelOf('job_title'),
  birthDate: labelOf('birth_date'),
  zipcode: labelOf('zip_code'),
  addresses: `${labelOf('street')} / ${labelOf('city')} / ${labelOf('state')} / ${labelOf('zip_code')} / ${labelOf('country')}`,
  socialContacts: `${labelOf('social_messaging_type')} and ${labelOf('social_messaging_name_id')}`,
};

/** Cross-field rule of Create External Contact: CINNOX needs a first or a last name ("firstName or lastName is required"). */
export const nameRequiredRule: Rule<Pick<ContactInput, 'first_name' | 'last_name'>> = (input) =>
  input.first_name === undefined && input.last_name === undefined
    ? `Fill a ${labelOf('first_name')} or a ${labelOf('last_name')}: CINNOX needs at least one of them to create a contact.`
    : undefined;

/** Cross-field rule: a Social Messaging Name/ID cannot be sent without its type. */
export const socialTypeRule: Rule<Pick<ContactInput, 'social_messaging_name_id' | 'social_messaging_type'>> = (
  input,
) =>
  input.social_messaging_name_id !== undefined && input.social_messaging_type === undefined
    ? `${labelOf('social_messaging_name_id')} "${input.social_messaging_name_id}" needs a ${labelOf('social_messaging_type')}: choose one of ${SOCIAL_MESSAGING_TYPES.join(', ')}.`
    : undefined;
