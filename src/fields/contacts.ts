/**
 * External contact fields, declared once for Create External Contact, Update External Contact (the same
 * fields, with two notes of A17) and Find External Contact: the Zapier input fields and the validation come
 * from here (src/input/schema.ts). A limit lives only here
 * (test/helpers/contact-cases.ts writes each one out again, so a changed limit fails a test).
 *
 * Lists and limits are those of the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier). Its Update table
 * swaps the Phone Type and Email Type lists and spells zh-hant "zh-ant": both typos; the Create lists are used.
 * The cross-field rules of the contact actions are here too.
 */
import { CONTACT_NAME_PARAM, SOCIAL_CONTACT_KEYS, type ContactAddress, type ContactBody } from '../cinnox/contract';
import { preview } from '../input/formats';
import { MAX_UNITS_PER_CHAR, id, input, labelOf, rule, text, type InputOf } from '../input/schema';
import { choice, choicesOf } from '../input/choices';

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

/**
 * The CINNOX keys a contact field is sent as: its key in the body (§3.2, A9), an address part's key inside
 * `addresses` too, and a name's part of `fullName`, Create or Update External Contact's search by name (A7).
 */
const sentAs = (...keys: (keyof ContactBody | keyof ContactAddress | typeof CONTACT_NAME_PARAM)[]) => keys;

/** The CINNOX Zapier guide's limit of a First Name and of a Last Name. */
const NAME_MAX_CHARS = 50;

/**
 * The contact fields in the Zap editor's order; keys are also the create / update output keys. `notes` adds a
 * sentence to a field's help text (Update External Contact's A17 notes).
 */
export const contactFields = (notes: Readonly<Record<string, string>> = {}) => {
  const help = (key: string, helpText: string): string => (notes[key] ? `${helpText} ${notes[key]}` : helpText);
  return {
    first_name: text({
      label: 'First Name',
      helpText: 'First name of the external contact (Create External Contact needs a First Name or a Last Name).',
      maxChars: NAME_MAX_CHARS,
      cinnox: sentAs('firstName', CONTACT_NAME_PARAM),
    }),
    last_name: text({
      label: 'Last Name',
      helpText: 'Last name of the external contact (Create External Contact needs a First Name or a Last Name).',
      maxChars: NAME_MAX_CHARS,
      cinnox: sentAs('lastName', CONTACT_NAME_PARAM),
    }),
    level: choice(
      { label: 'Level', helpText: 'Level of the external contact.', cinnox: sentAs('level') },
      choicesOf(CONTACT_LEVELS),
    ),
    type: choice(
      { label: 'Type', helpText: 'Type of the external contact.', cinnox: sentAs('type') },
      choicesOf(CONTACT_TYPES),
    ),
    // Phone Type and Email Type are sent inside `phones` / `emails`, which a refusal names as the number / address.
    phone_type: choice(
      {
        label: 'Phone Type',
        helpText: `Type of the Phone Number; ${DEFAULT_PHONE_TYPE} when left empty. Ignored without a Phone Number.`,
      },
      choicesOf(PHONE_TYPES),
    ),
    phone_number: text({
      label: 'Phone Number',
      helpText: help('phone_number', 'Phone number of the external contact (one number).'),
      format: 'phone',
      cinnox: sentAs('phones'),
    }),
    email_type: choice(
      {
        label: 'Email Type',
        helpText: `Type of the Email Address; ${DEFAULT_EMAIL_TYPE} when left empty. Ignored without an Email Address.`,
      },
      choicesOf(EMAIL_TYPES),
    ),
    email_address: text({
      label: 'Email Address',
      helpText: help('email_address', 'Email address of the external contact (one address).'),
      format: 'email',
      cinnox: sentAs('emails'),
    }),
    company: text({
      label: 'Company',
      helpText: 'Company name of the external contact.',
      maxChars: 100,
      cinnox: sentAs('company'),
    }),
    job_title: text({
      label: 'Job Title',
      helpText: 'Job title of the external contact.',
      maxChars: 100,
      cinnox: sentAs('jobTitle'),
    }),
    team: text({
      label: 'Team',
      helpText: 'Team name of the external contact.',
      maxChars: 100,
      cinnox: sentAs('team'),
    }),
    group: text({
      label: 'Group',
      helpText: 'Group name of the external contact.',
      maxChars: 100,
      cinnox: sentAs('group'),
    }),
    language: choice(
      { label: 'Language', helpText: 'Preferred language (ISO 639-1 code).', cinnox: sentAs('language') },
      CONTACT_LANGUAGES,
    ),
    birth_date: text({
      label: 'Birth Date',
      helpText: 'Date of birth of the external contact.',
      format: 'past-date',
      cinnox: sentAs('birthDate'),
    }),
    zip_code: text({
      label: 'Zip Code',
      helpText: 'Zip code of the address.',
      maxChars: 10,
      cinnox: sentAs('zipcode', 'addresses'),
    }),
    street: text({
      label: 'Street',
      helpText: 'Street of the address.',
      maxChars: 50,
      cinnox: sentAs('street', 'addresses'),
    }),
    city: text({ label: 'City', helpText: 'City of the address.', maxChars: 50, cinnox: sentAs('city', 'addresses') }),
    state: text({
      label: 'State',
      helpText: 'State of the address.',
      maxChars: 50,
      cinnox: sentAs('state', 'addresses'),
    }),
    country: text({
      label: 'Country',
      helpText: 'Country of the address.',
      maxChars: 50,
      format: 'country',
      cinnox: sentAs('country', 'addresses'),
    }),
    social_messaging_type: choice(
      {
        label: 'Social Messaging Type',
        helpText: 'The social messaging channel of the Social Messaging Name/ID.',
        cinnox: sentAs('socialContacts'),
      },
      choicesOf(SOCIAL_MESSAGING_TYPES),
    ),
    social_messaging_name_id: text({
      label: 'Social Messaging Name/ID',
      helpText: "The contact's ID or account name on that channel; needs a Social Messaging Type.",
      maxChars: 100,
      cinnox: sentAs('socialContacts'),
    }),
  };
};

const CONTACT_FIELDS = contactFields();
/** The contact fields' keys, in order: the create / update output keys. */
export const CONTACT_KEYS = Object.keys(CONTACT_FIELDS) as (keyof typeof CONTACT_FIELDS)[];
const labelOfField = (key: keyof typeof CONTACT_FIELDS): string => labelOf(CONTACT_FIELDS[key]);

/** The validated contact fields (Create External Contact's input; Update's, but for its contact id). */
export type ContactInput = InputOf<ReturnType<typeof input<typeof CONTACT_FIELDS>>>;

/** Cross-field rule of Create External Contact: CINNOX needs a first or a last name ("firstName or lastName is required"). */
export const nameRequired = rule<Pick<ContactInput, 'first_name' | 'last_name'>>((values) =>
  values.first_name === undefined && values.last_name === undefined
    ? `Fill a ${labelOfField('first_name')} or a ${labelOfField('last_name')}: CINNOX needs at least one of them to create a contact.`
    : undefined,
);

/** Cross-field rule: a Social Messaging Name/ID cannot be sent without its type. */
export const socialTypeRule = rule<Pick<ContactInput, 'social_messaging_name_id' | 'social_messaging_type'>>(
  (values) =>
    values.social_messaging_name_id !== undefined && values.social_messaging_type === undefined
      ? `${labelOfField('social_messaging_name_id')} ${preview(values.social_messaging_name_id)} needs a ${labelOfField('social_messaging_type')}: choose one of ${SOCIAL_MESSAGING_TYPES.join(', ')}.`
      : undefined,
);

/** Create External Contact's input. */
export const CREATE_CONTACT_INPUT = input(CONTACT_FIELDS).check(nameRequired, socialTypeRule);

/** Update External Contact: the contact id, then the same fields, all optional (a patch). */
/** What to do with an External Contact ID that is not one. */
export const CONTACT_ID_HINT = 'Map the ID from a CINNOX trigger or from Find External Contact.';

export const contactIdField = id({
  label: 'External Contact ID',
  helpText:
    'The ID of the external contact to update; use a Find External Contact step to look it up by name. Only the fields filled below are changed.',
  required: true,
  search: 'find_contact.id',
  hint: CONTACT_ID_HINT,
  // The contact's id in the update's path (§3.3).
  cinnox: 'id',
});

/**
 * A17: CINNOX does not document whether one phones / emails entry in an update is added to the contact's
 * stored ones or replaces them; the update's help text says so.
 */
export const UPDATE_HELP_NOTES: Readonly<Record<string, string>> = {
  phone_number: "CINNOX may replace the contact's stored numbers of this type with this one.",
  email_address: "CINNOX may replace the contact's stored addresses of this type with this one.",
};
/** Update External Contact's fields, before its own rule (src/creates/update-contact.ts). */
export const UPDATE_CONTACT_FIELDS = { contact_id: contactIdField, ...contactFields(UPDATE_HELP_NOTES) };

/** Find External Contact. */
export const FIND_CONTACT_INPUT = input({
  full_name: text({
    label: 'Full Name',
    helpText:
      'First name, a space, and last name, e.g. "Ann Lee". Exact match only: spaces at either end and repeated spaces are ignored, and upper / lower case does not matter.',
    required: true,
    // No contact's name is longer: a First Name, a space and a Last Name.
    maxUnits: (NAME_MAX_CHARS * 2 + 1) * MAX_UNITS_PER_CHAR,
    cinnox: CONTACT_NAME_PARAM,
  }),
});
