/**
 * The CINNOX Open API contract, in one place: every endpoint path, query and body shape this app uses.
 *
 * Facts come from the public reference, as digested in docs/cinnox-api.md (section numbers below), and from
 * the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier).
 * Where the reference is silent, the choice is an ASSUMPTION: a named constant here and a row of the README's
 * assumption table, so a CINNOX engineer can confirm or fix each in one place.
 */

// ---------------------------------------------------------------------------------------------
// Documented endpoints (paths relative to `{BaseURL}/v1/api/apps/{appID}`)
// ---------------------------------------------------------------------------------------------

/** §3.4 Get Staff Contact List: offset, limit (default 50, max 500), fullName. Also the auth test call. */
export const STAFF_LIST_PATH = '/contacts/staffcontact-list';
/** §3.1 Get External Contact List. */
export const CONTACT_LIST_PATH = '/contacts/extcontact-list';
/** §3.2 Create External Contact (POST). */
export const CONTACT_CREATE_PATH = '/management/create_externalcontact';
/** §3.3 Update External Contact (PUT). */
export const contactUpdatePath = (contactId: string): string =>
  `/management/update_externalcontact/${encodeURIComponent(contactId)}`;
/** §3.6 Get Label List: offset, limit, id, name; records under `labelList`. */
export const LABEL_LIST_PATH = '/labels';
/** §2.1 Get Enquiry Details. */
export const ENQUIRY_DETAIL_PATH = '/data/enquiry-detail';
/** §2.3 Get SMS Details. */
export const SMS_DETAIL_PATH = '/data/sms-detail';
/** §1.3 Send Message to the chat room. */
export const MESSAGE_PUSH_PATH = '/message-push';
/** §0.4 PATCH `{name}-event-sub` with `{enabled, url}`. */
export const subscriptionPath = (name: SubscriptionName): string => `/${name}`;

/** Where a CINNOX admin creates, views, regenerates and deletes Zapier accounts (the CINNOX Zapier guide). */
export const DASHBOARD_ZAPIER_PATH = 'Administration > Service Integration > Third Party Integration > Zapier';
/** A CINNOX company may have at most this many Zapier accounts, i.e. App IDs (the CINNOX Zapier guide). */
export const MAX_ZAPIER_ACCOUNTS = 10;

/** §1.3: at most 5000 characters per message. */
export const MESSAGE_PUSH_MAX_CHARS = 5000;
/** §3.4 / §3.6 / §1.4: the list endpoints return at most 500 records a request. */
export const LIST_PAGE_MAX = 500;
/** §0.3: 500 requests a minute per service account. */
export const RATE_LIMIT_PER_MINUTE = 500;
/**
 * What Zapier is told of that rate: the actions and searches of one connection (`scope: ['auth']`, one CINNOX
 * Zapier account) share at most 250 runs a minute, half of CINNOX's 500, because other Zapier connections of the
 * same CINNOX service (up to 10 accounts) share CINNOX's 500, and a paged read or a drop-down makes several
 * requests. Zapier holds the runs past it back and retries them, before CINNOX refuses them (6451010).
 */
export const CINNOX_THROTTLE = { window: 60, limit: 250, scope: ['auth' as const] };

// ---------------------------------------------------------------------------------------------
// ASSUMPTIONS (NOT DOCUMENTED in the public reference). Each is a row of the README's assumption table.
// ---------------------------------------------------------------------------------------------

/** A1 Send SMS (§1.1): path. */
export const SEND_SMS_PATH = '/sms';
/**
 * A2 Send SMS body: `senderNumber` and `recipientNumbers` (the error texts name senderNumber and
 * RecipientNumber; one text to several recipients is documented, the array's name is not) and `text`.
 * A3 Send SMS response: `{code, result: [{recipientNumber, transactionID, status, responseCode, exception}]}`, one
 * result per recipient, with the statuses and exceptions of the SMS receipt (§1.10): a recipient whose `status` is
 * one of SMS_NOT_SENT_STATUSES, or whose `exception` is not blank, was not sent the SMS.
 */
export interface SendSmsBody {
  senderNumber: string;
  recipientNumbers: string[];
  text: string;
}
export interface SendSmsRecipientResult {
  recipientNumber?: string;
  transactionID?: string;
  status?: string;
  responseCode?: string | number;
  exception?: string;
}
/** A3: the recipient statuses that mean the SMS was not sent to that recipient (§1.10: Rejected, Undelivered). */
export const SMS_NOT_SENT_STATUSES: readonly string[] = ['Rejected', 'Undelivered'];

/** A4 Get Number List (§1.4): `GET /{numberType}` with offset/limit, numberType as the CINNOX Zapier guide's drop-down names it. */
export const NUMBER_TYPES = {
  'access-numbers': 'Virtual Number',
  cli: 'Service Number',
  'sms-numbers': 'Alphanumeric',
} as const;
export type NumberType = keyof typeof NUMBER_TYPES;
export const numberListPath = (type: NumberType): string => `/${type}`;

/** A5 Enquiry detail by case number (§2.1): query parameter name, sent with A6's window (a report needs one). */
export const ENQUIRY_CASE_NUMBER_PARAM = 'displayCaseNumber';
/** A6 Recent enquiries / SMS details (§2.1, §2.3): a time window via startAt / endAt (RFC3339), with offset/limit. */
export const REPORT_WINDOW_DAYS = 7;

/** A7 External contact search (§3.1): by `fullName` ("First Last"); CINNOX may match loosely, the app keeps exact matches. */
export const CONTACT_NAME_PARAM = 'fullName';
/** A8 One external contact by id (§3.1): the list filtered by `id`, as the label list is (§3.6). */
export const CONTACT_ID_PARAM = 'id';

/**
 * A9 Contact body details (§3.2): phones[] and emails[] as arrays of {type, phone|email}; addresses one object;
 * socialContacts an array of {key, value} where key is the contact-list field name of that social channel.
 */
export const SOCIAL_CONTACT_KEYS = {
  Messenger: 'facebook',
  WhatsApp: 'whatsApp',
  WeChat: 'weChat',
  LINE: 'line',
  Twitter: 'twitter',
  LinkedIn: 'linkedin',
  'WOZTELL (WhatsApp Cloud)': 'woztellWhatsApp',
  'WOZTELL (Facebook)': 'woztellFacebook',
  'WOZTELL (Instagram)': 'woztellInstagram',
} as const;

/** A10 IM to a staff member (§1.3): message-push with `receiverEID` = the staff member's id and no roomID. */
export const STAFF_IM_USES_RECEIVER_EID = true;

/**
 * A11 Which subscription carries which trigger (§0.4, §3.5, §2.5, §1.10, §3.6). The combined
 * `contact-event-sub` is the one documented to fire on merge and ownership transfer as well as
 * create / edit / delete, so all five contact triggers use it.
 */
export const SUBSCRIPTIONS = {
  contact: 'contact-event-sub',
  enquiry: 'inquiry-event-sub',
  sms: 'outbound-sms-event-sub',
  label: 'label-event-sub',
  // Inbound SMS, calls, recordings and staff (§1.9, §1.8, §2.6, §3.5).
  inboundSms: 'inbound-sms-event-sub',
  call: 'call-event-sub',
  recording: 'recording-event-sub',
  staff: 'staff-contact-event-sub',
} as const;
export type EventGroup = keyof typeof SUBSCRIPTIONS;
export type SubscriptionName = (typeof SUBSCRIPTIONS)[EventGroup];

/**
 * A12 Event statuses not in the reference: contact merge / transfer ("merge", "transfer", with
 * fromOwnerID / toOwnerID, the CINNOX Zapier guide's names) and label events ("create" / "update" / "deleted",
 * with id, name, colorCode).
 */
export const EVENT_STATUS = {
  contactCreated: 'create',
  contactEdited: 'edit',
  contactMerged: 'merge',
  contactTransferred: 'transfer',
  contactDeleted: 'delete',
  enquiryOpened: 'Opened',
  enquiryHandling: 'Handling',
  enquiryClosed: 'Closed',
  enquiryMissed: 'Missed',
  labelCreated: 'create',
  labelEdited: 'update',
  labelDeleted: 'deleted',
  // Calls, recordings and staff (documented: §1.8, §2.6, §3.5).
  callStarted: 'CallStart',
  callEnded: 'CallEnd',
  recordingSucceeded: 'success',
  recordingFailed: 'fail',
  staffCreated: 'staffCreate',
  staffEdited: 'staffEdit',
  staffDeleted: 'staffDelete',
} as const;

/**
 * A13 Get Event Hook List (§1.7): `GET /event-hooks` answering `{code, result: [{name, enabled, url, updatedAt}]}`.
 * The list is advisory: only CINNOX's own auth errors stop a subscription; anything else (404, 6450001 method
 * not found, 5xx, a body that is not a list) means the app cannot tell whether another Zap holds the
 * subscription, and the subscription goes ahead (src/cinnox/client.ts `listEventHooks`).
 */
export const EVENT_HOOK_LIST_PATH = '/event-hooks';
/** A13: an Event Hook List entry names its subscription with or without the `-event-sub` suffix, in any case. */
export const isEventHookFor = (entryName: unknown, name: SubscriptionName): boolean => {
  const base = (n: string) =>
    n
      .trim()
      .toLowerCase()
      .replace(/-event-sub$/, '');
  return typeof entryName === 'string' && base(entryName) === base(name);
};

/**
 * §0.4 (and A13's list): `enabled` as CINNOX writes it: a boolean, the words "true" / "false" in any case (the
 * reference writes "true"/"false" and "True / False"), or 1 / 0 (number or text). Anything else is undefined:
 * not clearly on, not clearly off.
 */
export function enabledOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

/**
 * A14 URL verification (§0.4): CINNOX accepts any 2xx from the subscribed URL; Zapier's hook URLs cannot
 * echo `{code, result: {challenge}}`. If CINNOX insists on the echo, subscribing answers `enabled: false`
 * and the trigger says so. Code: `subscribe`, src/hooks/subscription.ts (CinnoxSubscriptionRefused).
 */

/** A15 List envelopes (§0.2): records come as a bare array or under `result`, `data` or the documented key. */
export const LIST_ENVELOPE_KEYS = ['result', 'data', 'records', 'list', 'labelList', 'contacts', 'numbers'] as const;

/**
 * A16 Codes in an HTTP 2xx body (§0.2, §0.3): a CINNOX error code (≥ 1,000,000) is an error, and any other `code`
 * but 0 or 200 (or none) is a failure too, for writes and reads. No code is success only where something else in
 * the answer confirms the write (an SMS's transaction, a contact's id, an OTP's status, the labels applied): the
 * message push, whose code §1.3 documents as its only sign of success, fails without one. Code: `cinnoxErrorCode`
 * and `SUCCESS_CODES`, src/cinnox/errors.ts; `pushText`, src/messaging/im-push.ts.
 */

/**
 * A17 Update External Contact (§3.3) merges: a field left out of the PUT body keeps its stored value, so
 * the app sends only the filled fields (and only the filled parts of `addresses`). Whether one entry in
 * `phones` / `emails` / `socialContacts` replaces or joins the stored ones of that type is not documented
 * (Update External Contact's help texts say so). Code: `toContactBody`, src/records/contact.ts.
 */

/**
 * A18 The enquiry event's `eid` ("Record ID of the enquiry", §2.5) is the Enquiry Details record id
 * (§2.1 `_id`; `id` in the docs), not its `inquiry` ID: the enquiry triggers' performList reads the
 * record id under these keys, in this order, and nothing else.
 */
export const ENQUIRY_RECORD_ID_KEYS = ['_id', 'id'] as const;

/**
 * A19 The Enquiry Details statuses that match each enquiry event status (§2.5), for the enquiry triggers'
 * performList. §2.1 lists "ongoing", "followed-up", "missed", "closed"; CINNOX's user guide
 * (docs/cinnox-api.md §5, second reading) defines "Open" (in the queue, waiting to be picked up) as a status
 * of its own before "Ongoing" (a staff member picks it up). So: Opened → open (a new enquiry nobody has
 * picked up yet); Handling → ongoing or followed-up (a staff member has taken up the enquiry, or followed up a
 * missed one); Closed → closed; Missed → missed. That the record's status is spelt "open" is the assumption.
 */
export const ENQUIRY_RECORD_STATUSES: Readonly<Record<string, readonly string[]>> = {
  [EVENT_STATUS.enquiryOpened]: ['open'],
  [EVENT_STATUS.enquiryHandling]: ['ongoing', 'followed-up'],
  [EVENT_STATUS.enquiryClosed]: ['closed'],
  [EVENT_STATUS.enquiryMissed]: ['missed'],
};

// ---------------------------------------------------------------------------------------------
// Record shapes (documented fields; everything optional because CINNOX omits empty ones)
// ---------------------------------------------------------------------------------------------

interface ContactPhone {
  type: string;
  phone: string;
}
interface ContactEmail {
  type: string;
  email: string;
}
export interface ContactAddress {
  street?: string;
  city?: string;
  state?: string;
  zipcode?: string;
  country?: string;
}
interface SocialContact {
  key: string;
  value: string;
}
/** §3.2 / §3.3 body. */
export interface ContactBody {
  firstName?: string;
  lastName?: string;
  level?: string;
  type?: string;
  phones?: ContactPhone[];
  emails?: ContactEmail[];
  company?: string;
  jobTitle?: string;
  team?: string;
  group?: string;
  language?: string;
  birthDate?: string;
  addresses?: ContactAddress;
  socialContacts?: SocialContact[];
}
export interface ContactWriteResult {
  code?: number;
  id?: string;
  result?: unknown;
}

/** §3.1 record. */
export interface ContactRecord {
  id: string;
  firstName?: unknown;
  lastName?: unknown;
  /** Every other key, and each one's reading: FOUND_CONTACT in src/records/contact.ts. */
  [key: string]: unknown;
}

/** §3.4 record. */
export interface StaffRecord {
  id: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  email?: string;
  status?: string;
  [key: string]: unknown;
}

/** §3.6 record. */
export interface LabelRecord {
  id: string;
  name?: string;
  colorName?: string;
  colorCode?: string;
  createdBy?: string;
  updatedBy?: string;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** §1.5 / A4 record. */
export interface NumberRecord {
  serviceID?: string;
  ServiceID?: string;
  number?: string | number;
  Number?: string | number;
  type?: string;
  country?: string | string[];
  expireDate?: string;
  name?: string | number;
  supportSMS?: boolean;
  supportCall?: boolean;
  [key: string]: unknown;
}

/** §2.1 record (the documented fields; more arrive and are passed through). */
export interface EnquiryRecord {
  _id?: string;
  id?: string;
  displayCaseNumber?: string;
  inquiry?: string;
  status?: string;
  createdAt?: string;
  [key: string]: unknown;
}

/** §2.3 record. */
export interface SmsDetailRecord {
  id?: string;
  smsID?: string;
  recipient?: string | number;
  recipientCountryCode?: string;
  status?: string;
  carrierStatus?: string;
  createdAt?: string;
  updatedAt?: string;
  [key: string]: unknown;
}

/** §1.3 body and response. */
export interface MessagePushBody {
  roomID?: string;
  senderEID?: string;
  receiverEID?: string;
  messages: { type: 'text'; text: string }[];
}
export interface MessagePushResult {
  code?: number;
  /** CINNOX's reason when `code` is not 0 (§0.2's error body). */
  message?: string;
  result?: Record<string, unknown>;
}

/** §0.4 subscription body and response. */
export interface SubscriptionBody {
  enabled: boolean;
  url: string;
}
export interface SubscriptionResult {
  code?: number;
  enabled?: boolean;
  url?: string;
  updatedAt?: string;
}
/** A13 record. */
export interface EventHookRecord {
  name: string;
  enabled?: boolean;
  url?: string;
  updatedAt?: string;
}

// ---------------------------------------------------------------------------------------------
// Inbound SMS, call, recording and staff triggers (paths, assumptions A20–A24, shapes)
// ---------------------------------------------------------------------------------------------

/** §2.4 Get Call Log Details. */
export const CALL_LOG_PATH = '/data/call-log';

/**
 * A20 One call from the call log (§2.4): `GET /data/call-log?callID={call id}` within A24's window, the call id
 * being the call event's `message.id` (§1.8). The reference names neither the call log's query parameters nor the
 * key of the call's id in its records: the app reads the record whose `callID` (else `id`) is the call's and no other.
 */
export const CALL_LOG_CALL_ID_PARAM = 'callID';
/** A20: the keys of a call log record that hold the call's id, in this order. */
export const CALL_LOG_ID_KEYS = ['callID', 'callId', 'id'] as const;

/**
 * A21 A call log record (§2.4 lists only `status`, `inquiryID`, `displayCaseNumber`, `virtualNumber`,
 * `callerInfo.*`): it carries Get Call Details' `caller`, `callee`, `callDirection`, `fromEID`, `toEID`,
 * `callDate`, `callEndTime` and a `duration` in seconds (when absent, the app counts callEndTime − callDate).
 */
export interface CallLogRecord {
  id?: string;
  callID?: string;
  caller?: string | number;
  callee?: string | number;
  callDirection?: string;
  status?: string;
  duration?: number | string;
  callDate?: string;
  callEndTime?: string;
  fromEID?: string;
  toEID?: string;
  inquiryID?: string;
  displayCaseNumber?: string;
  virtualNumber?: string | number;
  [key: string]: unknown;
}
/** A21: the keys of a call log record Get Call Details reads (the call key table, src/records/call.ts). */
export const CALL_LOG_RECORD_KEYS = [
  'caller',
  'callee',
  'callDirection',
  'fromEID',
  'toEID',
  'callDate',
  'callEndTime',
  'duration',
] as const;

/**
 * A22 Inbound SMS appear in Get SMS Details (§2.3) with `usage` "inbound" (the reference lists only direct,
 * verification, openAPI-sms and openAPI-otp): New Inbound SMS's performList keeps those records.
 */
export const INBOUND_SMS_USAGE = 'inbound';

/**
 * A23 A call event's `message.callees` (§1.8 documents one object `{eid, number}`) may also be an array of
 * such objects (a call that rings several staff members): the app reads both.
 */
export const CALLEES_MAY_BE_ARRAY = true;

/**
 * A24 The call log (§2.4) takes the report window of A6 (`startAt` / `endAt`, RFC3339) with `offset` /
 * `limit`, newest first, as Enquiry Details and SMS Details do: the call triggers' performList reads it.
 */
export const CALL_LOG_WINDOW_DAYS = REPORT_WINDOW_DAYS;

// ---------------------------------------------------------------------------------------------
// Send OTP SMS, labels on enquiries, Find Staff Member, Find Label, Get Enquiry Transcript
// (documented endpoints first, then the assumptions A25–A29).
// ---------------------------------------------------------------------------------------------

/** §1.2 Send OTP SMS (POST): `{senderNumber, recipientNumber, text, pin}` → `{serviceID, status, transactionID}`. */
export const SEND_OTP_PATH = '/send_otp';
/** §1.2: the text must contain this variable; CINNOX puts the PIN in its place. */
export const OTP_PIN_VARIABLE = '%s';
/** §1.2: "Max 10 digits"; numeric, alphabetic or alphanumeric. */
export const OTP_PIN_MAX_CHARS = 10;
export interface SendOtpBody {
  senderNumber: string;
  recipientNumber: string;
  text: string;
  pin: string;
}
export interface SendOtpResult {
  code?: number;
  serviceID?: string;
  status?: boolean | string;
  transactionID?: string;
}

/** §3.6 Label / Unlabel an Enquiry: POST / DELETE with `{labelIds}`. */
export const enquiryLabelsPath = (inquiryID: string): string => `/inquiries/${encodeURIComponent(inquiryID)}/labels`;
export interface EnquiryLabelsBody {
  labelIds: string[];
}
/** §3.6: `notExistLabelIds` null when every label exists; `labelIds` the applied (POST) or remaining (DELETE) ones, else null. */
export interface EnquiryLabelsResult {
  code?: number;
  notExistLabelIds?: string[] | null;
  labelIds?: string[] | null;
  updatedAt?: string;
}

/** §3.4: the staff list's name filter. */
export const STAFF_NAME_PARAM = 'fullName';
/** §3.6: the label list's name filter. */
export const LABEL_NAME_PARAM = 'name';

/** §2.2 Get Enquiry Chat Details: `enquiryID` takes the `inquiry` ID or the displayCaseNumber; closed enquiries only. */
export const ENQUIRY_CHAT_PATH = '/data/enquiry-chat';
export const ENQUIRY_CHAT_ID_PARAM = 'enquiryID';
/** §0.3: 6451013 "Requested chat logs over the limit". */
export const CHAT_LOG_OVER_LIMIT_CODE = 6451013;
/** §2.2 record (documented fields; more arrive and are ignored). */
export interface EnquiryChatRecord {
  createdAt?: string;
  fromEID?: string;
  msgID?: string;
  msgContentType?: string;
  msgEventType?: string;
  msgText?: string;
  inquiryID?: string;
  content?: {
    ts?: number | string;
    from?: { eid?: string; [key: string]: unknown };
    msg?: { text?: string; type?: number | string };
    plainText?: string;
  };
  [key: string]: unknown;
}

/**
 * A25 Label / Unlabel an Enquiry (§3.6): the path's `{inquiryID}` is the Enquiry Details record id (`_id`, what
 * the enquiry triggers output as "Enquiry Record ID", A18, and Find Enquiry as `_id`), not the `inquiry` ID.
 * Code: `enquiryLabelsPath` above takes that id.
 */

/**
 * A26 Send OTP SMS answer (§1.2, `status` Boolean "True/False"): `{serviceID, status, transactionID}` flat or
 * under `result`. The SMS was sent only when `status` is clearly true (`otpSentOf`: read strictly, as `enabledOf`
 * reads `enabled`); `false` (boolean, or the text "False" in any case) means CINNOX did not send it; anything
 * else (no status, 0, "fail", an answer that is not an object) does not confirm it, and the step fails.
 */
export const OTP_FAILED_STATUSES: readonly unknown[] = [false, 'false'];
/** A26: true only for a `status` that is clearly true (true, "true" in any case, 1). */
export const otpSentOf = (status: unknown): boolean => enabledOf(status) === true;

/**
 * A27 Unlabel an Enquiry (§3.6 "successful when no labels remain"): the removal succeeded when none of the
 * removed labels is among the `labelIds` CINNOX answers as remaining; other labels of the enquiry may remain.
 * Code: src/creates/remove-enquiry-labels.ts (CinnoxLabelNotRemoved).
 */

/**
 * A28 Get Enquiry Chat (§2.2) of an enquiry that is not closed answers 6451011 "No records found"; an id it
 * does not know, 6451000 "invalid enquiryID". The messages come as a list (A15) in any order: the app sorts
 * them by time.
 */
export const CHAT_NOT_CLOSED_CODE = 6451011;

/**
 * A29 A chat message's sender name and time (§2.2 documents only EIDs): the name under the first of these
 * keys that has one (top level, then `content.from`), else the sender's EID; the time is `createdAt`, else
 * `content.ts` (milliseconds since 1970).
 */
export const CHAT_SENDER_NAME_KEYS = ['fromName', 'senderName', 'displayName', 'name'] as const;

// ---------------------------------------------------------------------------------------------
// Scheduled triggers on the reports (A30)
// ---------------------------------------------------------------------------------------------

/** §2.4: the call log's `status` values (a call's result). */
export const CALL_RESULTS = [
  'Call Ended',
  'Not Answered',
  'Abandoned',
  'Cancelled',
  'Declined',
  'Busy',
  'Unreachable',
  'Call Failed',
] as const;
/** The results a "missed" filter keeps: the call reached CINNOX and nobody took it (not a failure to connect). */
export const CALL_RESULTS_MISSED = ['Not Answered', 'Abandoned', 'Cancelled', 'Declined', 'Busy'] as const;
/** §2.4 Get Call Details' `callDirection` values, read from the call log record too (A21). */
export const CALL_DIRECTIONS = ['Inbound', 'Outbound'] as const;
/** §2.1: Enquiry Details' `status` values, with A19's "open". */
export const ENQUIRY_STATUSES = ['open', 'ongoing', 'followed-up', 'missed', 'closed'] as const;
/**
 * An enquiry's `channel`, each channel (by §2.1's value where §2.1 has one) with every spelling CINNOX documents for
 * it: §2.1's values, §2.5's event `channel` values, the Reports overview's channel list (§2.1), and the CINNOX Zapier
 * guide's (Get Enquiry detail: Directory, Web Link, Campaign, "Messager" (sic), Third Party Channel…; the enquiry
 * triggers: "Directory - Web Link", Messenger, CINNOX…). "Directory - Web Link" is both a Directory and a Web Link
 * enquiry. Compared as A30 compares (case, spaces, hyphens and underscores aside).
 */
export const ENQUIRY_CHANNEL_SPELLINGS = {
  Weblink: ['Weblink', 'Web Link', 'Directory - Web Link'],
  Directory: ['Directory', 'Tag/Directory', 'Directory - Web Link'],
  Campaign: ['Campaign'],
  VirtualNumber: ['VirtualNumber', 'Virtual Number'],
  Email: ['Email', 'EMAIL'],
  ThirdParty: ['ThirdParty', 'THIRDPARTY', 'Third Party Channel'],
  FACEBOOK: ['FACEBOOK', 'Facebook Messenger', 'Messenger', 'Messager'],
  WHATSAPP: ['WHATSAPP', 'WhatsApp'],
  WECHAT: ['WECHAT', 'WeChat'],
  LINE: ['LINE'],
  WOZTELL: ['WOZTELL'],
  INSTAGRAM: ['INSTAGRAM'],
  CHATBOT: ['CHATBOT'],
  CINNOX: ['CINNOX'],
} as const satisfies Record<string, readonly string[]>;
export type EnquiryChannel = keyof typeof ENQUIRY_CHANNEL_SPELLINGS;
/** Every documented spelling of an enquiry's `channel` (A30 judges a report's values against them). */
export const ENQUIRY_CHANNELS: readonly string[] = [...new Set(Object.values(ENQUIRY_CHANNEL_SPELLINGS).flat())];
/** §2.3 SMS Details' `status` (CINNOX's: submitted to the carrier, or refused) and `carrierStatus` values. */
export const SMS_STATUSES = ['Submitted', 'Rejected'] as const;
export const SMS_CARRIER_STATUSES = ['Queued', 'Delivered', 'Undelivered'] as const;
/** §2.3 SMS Details' `usage` values of each kind of SMS a Zap filters on (inbound: A22). */
export const SMS_USAGES = {
  inbound: [INBOUND_SMS_USAGE],
  outbound: ['direct', 'openAPI-sms'],
  otp: ['verification', 'openAPI-otp'],
} as const;

/**
 * A30 The reports (Enquiry Details §2.1, SMS Details §2.3, the call log §2.4) list the records of A6's window
 * newest first, and filter by nothing the reference documents (§2.1 and §2.3 name no query parameter; the error
 * table's "Invalid channel type" names no parameter). So the scheduled triggers send only the window and paging,
 * filter status, channel, direction, result, number and usage in the app, comparing the documented values above
 * (case, spaces, hyphens and underscores ignored), and read pages of LIST_PAGE_MAX until REPORT_POLL_MAX_ITEMS
 * records pass the filters or the report ends. A report that lists its oldest records first while holding more than
 * one poll reads fails the poll, rather than miss the newest; so does a record a chosen filter would drop only
 * because its value is none of the documented ones, rather than drop it unseen.
 */
export const REPORT_POLL_MAX_ITEMS = 100;
/** A30: at most this many pages of LIST_PAGE_MAX per poll (2,000 records), within the call's time budget. */
export const REPORT_POLL_MAX_PAGES = 4;

// ---------------------------------------------------------------------------------------------
// Write answers (A31)
// ---------------------------------------------------------------------------------------------

/**
 * A31 Create / Update External Contact (§3.2 / §3.3) answer `{code, id}`; the id may also come under `result`
 * (`{code, result: {id}}`, or `result` the id itself), as lists (A15) and Send OTP SMS's answer (A26) may. The id
 * as text, '' when the answer carries none: a create answered without an id did not say which contact it made.
 */
export function writtenIdOf(answer: unknown): string {
  const text = (value: unknown): string =>
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return '';
  const { id, result } = answer as { id?: unknown; result?: unknown };
  if (text(id)) return text(id);
  if (result && typeof result === 'object' && !Array.isArray(result)) return text((result as { id?: unknown }).id);
  return text(result);
}
// IDs (A32)
// ---------------------------------------------------------------------------------------------

/**
 * A32 What a CINNOX ID is (the reference gives no format; its examples are 24-character object IDs, UUIDs and short
 * display case numbers): a record's, a staff member's, a label's or a room's ID, a display case number and an App
 * ID are at most CINNOX_ID_MAX_UNITS UTF-16 code units and contain no white space and none of NOT_IN_CINNOX_IDS's
 * characters, which a URL reads as a path separator, an escape, a query or a fragment. An ID input (`id` in
 * src/input/schema.ts) and the App ID (src/cinnox/base-url.ts) refuse anything else before any request, so an ID in
 * a path stays one segment of it whatever a gateway decodes.
 */
export const CINNOX_ID_MAX_UNITS = 128;
export const NOT_IN_CINNOX_IDS = /[\s/\\%?#]/;
/** A32: the keys of a listed record that hold the IDs Zaps map into ID fields (record, enquiry, room, case number). */
export const CINNOX_ID_KEYS = ['id', '_id', 'inquiryID', 'roomID', 'displayCaseNumber'] as const;
