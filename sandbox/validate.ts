// CINNOX's error contract (docs/cinnox-api.md §0.3) and request validation as strict as the
// reference describes. Messages use CINNOX's documented texts where there is one ("negative offset",
// "exceed maximum limit 500", "invalid query: (x)", "Unknown data type", "Invalid senderNumber", …).

export const CODES = Object.freeze({
  methodNotFound: 6450001,
  badParameters: 6451000,
  badServiceResponse: 6451001,
  tooManyRequests: 6451010,
  noRecords: 6451011,
  invalidToken: 6452000,
  invalidAppId: 6452001,
  smsSenderFormat: 7210103,
  smsRecipientFormat: 7210104,
});

/** An error CINNOX answers with HTTP 400 and `{code, message}`. */
export class CinnoxError extends Error {
  code: number;
  status: number;
  constructor(code: number, message: string, status = 400) {
    super(message);
    this.name = 'CinnoxError';
    this.code = code;
    this.status = status;
  }
}

export const badParameters = (message: string): CinnoxError => new CinnoxError(CODES.badParameters, message);
export const noRecords = (): CinnoxError => new CinnoxError(CODES.noRecords, 'No records found');

/** §3.4 / §3.6 / §1.4: offset ≥ 0, limit 1…500 (default 50). */
export const LIST_LIMIT_MAX = 500;
export const LIST_LIMIT_DEFAULT = 50;
/** Reports: the longest startAt…endAt window accepted ("Exceed maximum query day %d"); NOT DOCUMENTED, 90 as for the enquiry matrix. */
export const MAX_QUERY_DAYS = 90;
/** §1.3 */
export const MESSAGE_PUSH_MAX_MESSAGES = 10;
export const MESSAGE_PUSH_MAX_CHARS = 5000;

/** Refuses query parameters the endpoint does not know: "invalid query: (a), (b)". */
export function onlyParams(query: URLSearchParams, allowed: readonly string[]): void {
  const unknown = [...new Set([...query.keys()].filter((k) => !allowed.includes(k)))];
  if (unknown.length > 0) throw badParameters(`invalid query: ${unknown.map((k) => `(${k})`).join(', ')}`);
}

export function paging(query: URLSearchParams): { offset: number; limit: number } {
  const read = (name: string, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^-?\d+$/.test(raw.trim())) throw badParameters(`invalid query: (${name})`);
    return Number(raw);
  };
  const offset = read('offset', 0);
  const limit = read('limit', LIST_LIMIT_DEFAULT);
  if (offset < 0) throw badParameters('negative offset');
  if (limit < 0) throw badParameters('negative limit');
  if (limit > LIST_LIMIT_MAX) throw badParameters(`exceed maximum limit ${LIST_LIMIT_MAX}`);
  return { offset, limit: limit === 0 ? LIST_LIMIT_DEFAULT : limit };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** A reports time window (A6): both startAt and endAt, RFC3339, endAt not before startAt, at most MAX_QUERY_DAYS. */
export function timeWindow(query: URLSearchParams): { start: number; end: number } {
  const startAt = query.get('startAt') ?? '';
  const endAt = query.get('endAt') ?? '';
  if (!startAt && !endAt) throw badParameters('Empty time range (missing startAt and endAt)');
  if (!startAt || !endAt) throw badParameters('missing one of startAt, endAt');
  const bad = (
    [
      ['startAt', startAt],
      ['endAt', endAt],
    ] as const
  ).filter(([, v]) => !RFC3339.test(v) || !Number.isFinite(Date.parse(v)));
  if (bad.length > 0) throw badParameters(`invalid query: ${bad.map(([k]) => `(${k})`).join(', ')}`);
  const start = Date.parse(startAt);
  const end = Date.parse(endAt);
  if (end < start) throw badParameters('endAt is prior to startAt');
  if (end - start > MAX_QUERY_DAYS * 24 * 3600 * 1000)
    throw badParameters(`Exceed maximum query day ${MAX_QUERY_DAYS}`);
  return { start, end };
}

/** The JSON body of a write: an object, else "Unknown data type". */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) throw badParameters('request body is required');
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badParameters('Unknown data type: the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function onlyFields(body: Record<string, unknown>, allowed: readonly string[], where = ''): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw badParameters(`invalid parameter: ${unknown.map((k) => `(${where}${k})`).join(', ')}`);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/**
 * Length as a person counts it (grapheme clusters: 👍🏽 or an accented letter is one): the product's rule
 * for every length limit, and how the app counts them too.
 */
export const charCount = (s: string): number => {
  let n = 0;
  for (const _ of graphemes.segment(s)) n += 1;
  return n;
};

interface StringRules {
  max?: number;
  required?: boolean;
  where?: string;
}
function stringField(body: Record<string, unknown>, key: string, rules: StringRules & { required: true }): string;
function stringField(body: Record<string, unknown>, key: string, rules?: StringRules): string | undefined;
function stringField(body: Record<string, unknown>, key: string, rules: StringRules = {}): string | undefined {
  const value = body[key];
  const name = `${rules.where ?? ''}${key}`;
  if (value === undefined || value === null) {
    if (rules.required) throw badParameters(`${name} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw badParameters(`Unknown data type: ${name} must be a string`);
  if (rules.required && value.trim() === '') throw badParameters(`${name} is required`);
  if (rules.max !== undefined && charCount(value) > rules.max)
    throw badParameters(`${name} exceeds maximum length ${rules.max}`);
  return value;
}

function choiceField(body: Record<string, unknown>, key: string, choices: readonly string[]): string | undefined {
  const value = stringField(body, key);
  if (value !== undefined && !choices.includes(value))
    throw badParameters(`invalid ${key}: "${value}" (one of ${choices.join(', ')})`);
  return value;
}

export const CONTACT_LEVELS = ['Primary', 'Secondary', 'Tertiary'];
export const CONTACT_TYPES = ['Lead', 'Prospect', 'Customer', 'Others'];
export const PHONE_TYPES = ['Mobile', 'Work', 'Home', 'Other'];
export const EMAIL_TYPES = ['Work', 'Personal', 'Other'];
/** A9: socialContacts keys are the contact list's field names. */
export const SOCIAL_KEYS = [
  'facebook',
  'whatsApp',
  'weChat',
  'line',
  'twitter',
  'linkedin',
  'woztellWhatsApp',
  'woztellFacebook',
  'woztellInstagram',
];
const CONTACT_KEYS = [
  'firstName',
  'lastName',
  'level',
  'type',
  'phones',
  'emails',
  'company',
  'jobTitle',
  'team',
  'group',
  'language',
  'birthDate',
  'addresses',
  'socialContacts',
];
const ADDRESS_KEYS = ['street', 'city', 'state', 'zipcode', 'country'];

/** §3.2: "+" and the country code, then the number. */
export const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** ISO 639-1, optionally with a script / region subtag (zh-hans, zh-hant). */
const LANGUAGE = /^[a-z]{2}(-[a-z]{2,4})?$/;
const COUNTRY = /^[A-Z]{2}$/;

function arrayOfObjects(raw: unknown, name: string): Record<string, unknown>[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw badParameters(`Unknown data type: ${name}[${i}] must be an object`);
    return item as Record<string, unknown>;
  });
}

/** DD/MM/YYYY, a real date, not in the future. */
function validBirthDate(text: string): boolean {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getTime() <= Date.now() &&
    y >= 1900
  );
}

/** A validated §3.2 / §3.3 body (A9): the same keys, normalised. */
export interface ContactBody {
  firstName?: string;
  lastName?: string;
  level?: string;
  type?: string;
  company?: string;
  jobTitle?: string;
  team?: string;
  group?: string;
  language?: string;
  birthDate?: string;
  phones?: { type: string; phone: string }[];
  emails?: { type: string; email: string }[];
  addresses?: Record<string, string>;
  socialContacts?: { key: string; value: string }[];
}

/** §3.2 / §3.3 body, validated. Returns the normalised body (same keys). */
export function contactBody(raw: unknown, mode: { create: boolean }): ContactBody {
  const body = objectBody(raw);
  onlyFields(body, CONTACT_KEYS);
  const out: ContactBody = {};
  for (const key of ['firstName', 'lastName'] as const) {
    const v = stringField(body, key, { max: 50 });
    if (v !== undefined) out[key] = v.trim();
  }
  if (mode.create && !out.firstName && !out.lastName) throw badParameters('firstName or lastName is required');
  const level = choiceField(body, 'level', CONTACT_LEVELS);
  if (level !== undefined) out.level = level;
  const type = choiceField(body, 'type', CONTACT_TYPES);
  if (type !== undefined) out.type = type;
  for (const key of ['company', 'jobTitle', 'team', 'group'] as const) {
    const v = stringField(body, key, { max: 100 });
    if (v !== undefined) out[key] = v;
  }
  const language = stringField(body, 'language');
  if (language !== undefined) {
    if (!LANGUAGE.test(language))
      throw badParameters(`invalid language: "${language}" (ISO 639-1 code, e.g. en, zh-hant)`);
    out.language = language;
  }
  const birthDate = stringField(body, 'birthDate');
  if (birthDate !== undefined) {
    if (!validBirthDate(birthDate))
      throw badParameters(`invalid birthDate: "${birthDate}" (format DD/MM/YYYY, a past date)`);
    out.birthDate = birthDate;
  }
  if (body.phones !== undefined) {
    out.phones = arrayOfObjects(body.phones, 'phones').map((p, i) => {
      onlyFields(p, ['type', 'phone'], `phones[${i}].`);
      const t = stringField(p, 'type', { required: true, where: `phones[${i}].` });
      if (!PHONE_TYPES.includes(t))
        throw badParameters(`invalid phones[${i}].type: "${t}" (one of ${PHONE_TYPES.join(', ')})`);
      const phone = stringField(p, 'phone', { required: true, where: `phones[${i}].` });
      if (!E164.test(phone))
        throw badParameters(
          `invalid phones[${i}].phone: "${phone}" ("+" and the country code are required, e.g. +85294667788)`,
        );
      return { type: t, phone };
    });
  }
  if (body.emails !== undefined) {
    out.emails = arrayOfObjects(body.emails, 'emails').map((e, i) => {
      onlyFields(e, ['type', 'email'], `emails[${i}].`);
      const t = stringField(e, 'type', { required: true, where: `emails[${i}].` });
      if (!EMAIL_TYPES.includes(t))
        throw badParameters(`invalid emails[${i}].type: "${t}" (one of ${EMAIL_TYPES.join(', ')})`);
      const email = stringField(e, 'email', { required: true, where: `emails[${i}].` });
      if (!EMAIL.test(email)) throw badParameters(`invalid emails[${i}].email: "${email}"`);
      return { type: t, email };
    });
  }
  if (body.addresses !== undefined) {
    const [a] = arrayOfObjects(body.addresses, 'addresses') as [Record<string, unknown>];
    if (Array.isArray(body.addresses)) throw badParameters('Unknown data type: addresses must be an object');
    onlyFields(a, ADDRESS_KEYS, 'addresses.');
    const address: Record<string, string> = {};
    for (const key of ADDRESS_KEYS) {
      const v = stringField(a, key, {
        max: key === 'zipcode' ? 10 : 50,
        where: 'addresses.',
      });
      if (v !== undefined) address[key] = v;
    }
    if (address.country !== undefined && !COUNTRY.test(address.country)) {
      throw badParameters(
        `invalid addresses.country: "${address.country}" (ISO 3166 two-letter country code, e.g. HK)`,
      );
    }
    out.addresses = address;
  }
  if (body.socialContacts !== undefined) {
    out.socialContacts = arrayOfObjects(body.socialContacts, 'socialContacts').map((s, i) => {
      onlyFields(s, ['key', 'value'], `socialContacts[${i}].`);
      const key = stringField(s, 'key', { required: true, where: `socialContacts[${i}].` });
      if (!SOCIAL_KEYS.includes(key))
        throw badParameters(`invalid socialContacts[${i}].key: "${key}" (one of ${SOCIAL_KEYS.join(', ')})`);
      const value = stringField(s, 'value', { required: true, max: 100, where: `socialContacts[${i}].` });
      return { key, value };
    });
  }
  if (!mode.create && Object.keys(out).length === 0)
    throw badParameters('nothing to update: the request body has no field');
  return out;
}

/** A validated §1.3 message push. */
export interface MessagePush {
  roomID: string | undefined;
  senderEID: string | undefined;
  receiverEID: string | undefined;
  messages: { type: string; text: string }[];
}

/** §1.3 message push; `staffExists` says whether the account has a staff member with that id. */
export function messagePushBody(raw: unknown, staffExists: (eid: string) => boolean): MessagePush {
  const body = objectBody(raw);
  onlyFields(body, ['roomID', 'senderEID', 'receiverEID', 'messages']);
  const roomID = stringField(body, 'roomID');
  const senderEID = stringField(body, 'senderEID');
  const receiverEID = stringField(body, 'receiverEID');
  if (!roomID?.trim() && !receiverEID?.trim()) throw badParameters('roomID or receiverEID is required');
  if (receiverEID && !staffExists(receiverEID)) throw badParameters(`invalid receiverEID: "${receiverEID}"`);
  if (senderEID && !staffExists(senderEID)) throw badParameters(`invalid senderEID: "${senderEID}"`);
  if (body.messages === undefined || body.messages === null) throw badParameters('messages is required');
  if (!Array.isArray(body.messages)) throw badParameters('Unknown data type: messages must be an array');
  if (body.messages.length === 0) throw badParameters('messages is required');
  if (body.messages.length > MESSAGE_PUSH_MAX_MESSAGES)
    throw badParameters(`exceed maximum messages ${MESSAGE_PUSH_MAX_MESSAGES}`);
  const messages = arrayOfObjects(body.messages, 'messages').map((m, i) => {
    onlyFields(m, ['type', 'text'], `messages[${i}].`);
    const type = stringField(m, 'type', { required: true, where: `messages[${i}].` });
    if (type !== 'text')
      throw badParameters(`Unknown data type: messages[${i}].type "${type}" (only "text" is supported)`);
    const text = stringField(m, 'text', { required: true, max: MESSAGE_PUSH_MAX_CHARS, where: `messages[${i}].` });
    return { type, text };
  });
  return { roomID, senderEID, receiverEID, messages };
}

/** A validated A2 Send SMS body. */
export interface SendSms {
  senderNumber: string;
  recipientNumbers: string[];
  text: string;
}

/** A2 Send SMS body; `isSmsSender` says whether the account has this number and it sends SMS. */
export function sendSmsBody(raw: unknown, isSmsSender: (number: string) => boolean): SendSms {
  const body = objectBody(raw);
  onlyFields(body, ['senderNumber', 'recipientNumbers', 'text']);
  const senderNumber = stringField(body, 'senderNumber', { required: true });
  if (!/^(\+?\d{3,15}|[A-Za-z0-9 ]{1,11})$/.test(senderNumber)) {
    throw new CinnoxError(CODES.smsSenderFormat, `senderNumber Invalid format: "${senderNumber}"`);
  }
  if (!isSmsSender(senderNumber))
    throw badParameters(`Invalid senderNumber: "${senderNumber}" is not an SMS number of this account`);
  const recipients: unknown = body.recipientNumbers;
  if (recipients === undefined || recipients === null) throw badParameters('recipientNumbers is required');
  if (!Array.isArray(recipients)) throw badParameters('Unknown data type: recipientNumbers must be an array');
  if (recipients.length === 0) throw badParameters('recipientNumbers is required');
  for (const r of recipients) {
    if (typeof r !== 'string' || !E164.test(r))
      throw new CinnoxError(CODES.smsRecipientFormat, `RecipientNumber Invalid format: ${JSON.stringify(r)}`);
  }
  const text = stringField(body, 'text', { required: true });
  return { senderNumber, recipientNumbers: recipients as string[], text };
}

/** §0.4 PATCH `{enabled, url}`. */
export function subscriptionBody(raw: unknown): { enabled: boolean; url: string } {
  const body = objectBody(raw);
  onlyFields(body, ['enabled', 'url']);
  if (body.enabled === undefined || body.enabled === null) throw badParameters('enabled is required');
  if (typeof body.enabled !== 'boolean') throw badParameters('Unknown data type: enabled must be a boolean');
  const url = stringField(body, 'url', { required: true });
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw badParameters(`invalid url: "${url}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw badParameters(`invalid url: "${url}" (http or https only)`);
  return { enabled: body.enabled, url };
}

// ---------------------------------------------------------------------------------------------
// Send OTP SMS (§1.2), Label / Unlabel an Enquiry (§3.6), Get Enquiry Chat (§2.2).
// ---------------------------------------------------------------------------------------------

/** §0.3: 6451013 "Requested chat logs over the limit". */
export const CHAT_LOG_OVER_LIMIT = 6451013;
/** The most chat messages one Get Enquiry Chat answers (NOT DOCUMENTED: the sandbox's limit). */
export const CHAT_LOG_MAX_MESSAGES = 500;
/** §1.2: "Max 10 digits", numeric, alpha or alphanumeric. */
export const OTP_PIN_MAX = 10;

/** A validated §1.2 Send OTP SMS body. */
export interface SendOtp {
  senderNumber: string;
  recipientNumber: string;
  text: string;
  pin: string;
}

/** §1.2; `isAlphanumericSender` says whether the account has this Alphanumeric sender ID. */
export function sendOtpBody(raw: unknown, isAlphanumericSender: (id: string) => boolean): SendOtp {
  const body = objectBody(raw);
  onlyFields(body, ['senderNumber', 'recipientNumber', 'text', 'pin']);
  const senderNumber = stringField(body, 'senderNumber', { required: true });
  if (!/^[A-Za-z0-9 ]{1,11}$/.test(senderNumber) || /^\+?\d+$/.test(senderNumber))
    throw new CinnoxError(
      CODES.smsSenderFormat,
      `senderNumber Invalid format: "${senderNumber}" (Alphanumeric sender ID only)`,
    );
  if (!isAlphanumericSender(senderNumber))
    throw badParameters(`Invalid senderNumber: "${senderNumber}" is not an Alphanumeric sender ID of this account`);
  const recipientNumber = stringField(body, 'recipientNumber', { required: true });
  if (!E164.test(recipientNumber))
    throw new CinnoxError(
      CODES.smsRecipientFormat,
      `RecipientNumber Invalid format: ${JSON.stringify(recipientNumber)}`,
    );
  const text = stringField(body, 'text', { required: true });
  if (!text.includes('%s')) throw badParameters('invalid text: must contain %s where the PIN is displayed');
  const pin = stringField(body, 'pin', { required: true });
  if (pin.length > OTP_PIN_MAX || !/^[A-Za-z0-9]+$/.test(pin))
    throw badParameters(`invalid pin: at most ${OTP_PIN_MAX} letters or digits`);
  return { senderNumber, recipientNumber, text, pin };
}

/** §3.6 Label / Unlabel an Enquiry body: `labelIds`, a non-empty array of strings. */
export function labelIdsBody(raw: unknown): string[] {
  const body = objectBody(raw);
  onlyFields(body, ['labelIds']);
  const ids: unknown = body.labelIds;
  if (ids === undefined || ids === null) throw badParameters('labelIds is required');
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !id.trim()))
    throw badParameters('Unknown data type: labelIds must be an array of label IDs');
  if (ids.length === 0) throw badParameters('labelIds is required');
  return ids as string[];
}
