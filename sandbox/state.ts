// The sandbox's data: a small CINNOX account (staff, external contacts, labels, enquiries, numbers) seeded
// on start and on POST /__admin/reset, plus what happened since (SMS sent, messages pushed, subscriptions,
// events, webhook deliveries, API requests). Record shapes follow the API digest, docs/cinnox-api.md
// (§3.1 contacts, §3.4 staff, §3.6 labels, §2.1 enquiries, §1.4 numbers, §2.3 SMS).
import { randomUUID } from 'node:crypto';
import type { ContactBody } from './validate.ts';

const DAY = 24 * 3600 * 1000;
/** Requests kept in state.requests (oldest dropped). */
export const REQUEST_LOG_MAX = 1000;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A 24-hex id, like CINNOX's record ids, counting up per kind so a fresh sandbox is predictable. */
const hexId = (prefix: string, n: number): string => `${prefix}${n.toString(16).padStart(20, '0')}`;

/** Digits of a phone number as CINNOX lists it: a JSON number without the "+" (§3.1, §1.10). */
export const phoneNumber = (e164: string): number => Number(e164.replace(/\D/g, ''));

/** §3.4 staff record. */
export interface Staff {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  phone: number;
  status: string;
  role: string;
  dataScope: string;
  jobTitle: string;
  department: string;
  timezone: string;
  extensionNumber: number;
  avatarUrl: string;
  twoFactorAuthentication: boolean;
  microsoftActiveDirectory: boolean;
  directStaffEnquiry: boolean;
  directchatEnquiry: string;
  directCallEnquiry: string;
}

/**
 * §3.1 external contact record. Phone, e-mail and social fields are named after the body's types and keys
 * (mobilePhone, personalEmail, whatsApp, …), and a merge copies the other contact's fields: hence the index.
 */
export interface Contact {
  id: string;
  firstName: string;
  lastName: string;
  customerType: string;
  level: string;
  ownerId: string;
  ownerName: string;
  ownerDepartment: string;
  sharedWith: string;
  slaveContacts: string[];
  createdAt: string;
  updatedAt: string;
  address?: Record<string, string>;
  addresses?: Record<string, string>;
  [field: string]: unknown;
}

/** §3.6 label record, plus the digest's colorCode. */
export interface Label {
  id: string;
  name: string;
  colorName: string;
  colorCode: string;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** §2.1 enquiry record, with the keys of "Get Enquiry detail". */
export interface Enquiry {
  _id: string;
  id: string;
  uniqueKey: string;
  createdAt: string;
  svcID: string;
  inquiry: string;
  tag: string;
  visitor: string;
  roomID: string;
  initChannel: string;
  omniType: string;
  ip: string;
  language: string;
  location: string;
  locationDetail: { regionCode: string; subdivision: string; city: string; province: string };
  platform: string;
  /** A19: open (waiting to be picked up) → ongoing (picked up) → closed, or open → missed. */
  status: 'open' | 'ongoing' | 'closed' | 'missed';
  closedByType: string;
  displayCaseNumber: string;
  channel: string;
  destinationID: string;
  destinationName: string;
  destinationType: string;
  destinationEndPoint: string;
  handledType: string;
  handledTarget: string;
  handledPartyName: string;
  huntedStaffTargetHistory: string[];
  channelDetail: { type: string; id: string; maaiiDisplayName: string };
  inquiryType: string;
  updatedAt: string;
  closedAt: string;
  inquiryGroup: string;
  transferredParty: string;
  pickedUpAt: string;
  missedAt: string;
  reopenedAt: string;
  handledPartyDepartment: string;
  visitorName: string;
  closeDuration: number;
  historyJoined: string[];
  attachment: boolean;
  staffFirstName: string;
  staffLastName: string;
  visitorFirstName: string;
  visitorLastName: string;
  inquiryDeepLink: string;
  cid: string;
}

/** What an enquiry may be opened with (POST /__admin/enquiries, the seeded account). */
export interface EnquiryOptions {
  at?: number;
  channel?: string;
  initChannel?: string;
  destinationType?: string;
  inquiryType?: string;
  visitorFirstName?: string;
  visitorLastName?: string;
}

/** §1.4 number record (A4), in the digest's keys (ServiceID, Number, type, country, expireDate). */
export interface NumberRecord {
  ServiceID: string;
  Number: string;
  type: string;
  country: string[];
  expireDate: string;
  name: string;
  supportSMS: boolean;
  supportCall: boolean;
}
export type NumberType = 'access-numbers' | 'cli' | 'sms-numbers';

/** One SMS sent, one per recipient: the §2.3 fields, plus what only the sandbox keeps (receipt, parts). */
export interface SmsRecord {
  id: string;
  smsID: string;
  transactionID: string;
  fromEID: string;
  toEID: string;
  date: string;
  cid: string;
  segmentCount: number;
  parts: number;
  encoding: string;
  characters: number;
  sender: string;
  recipient: string;
  recipientCountryCode: string;
  status: string;
  carrierStatus: string;
  usage: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  isSenderStaff: boolean;
  isRecipientStaff: boolean;
  receiptStatus: string;
  exception: string;
}

/**
 * One call (§1.8 events; the call log record of §2.4 with A21's keys). `ended` false while it lasts: the
 * call log lists ended calls only.
 */
export interface CallRecord {
  id: string;
  callID: string;
  svcID: string;
  caller: number;
  callee: number;
  callees: { eid: string; number: string }[];
  callDirection: 'Inbound' | 'Outbound';
  status: string;
  duration: number;
  callDate: string;
  callEndTime: string;
  fromEID: string;
  toEID: string;
  inquiryID: string;
  displayCaseNumber: string;
  virtualNumber: number;
  ended: boolean;
}

/** A validated §1.3 message push, as stored. */
export interface PushedMessage {
  roomID: string;
  senderEID: string | undefined;
  receiverEID: string | undefined;
  messages: { type: string; text: string }[];
  messageIDs: string[];
  at: string;
}

/** One `*-event-sub` slot (§0.4): what GET /event-hooks lists (A13). */
export interface Subscription {
  name: string;
  enabled: boolean;
  url: string;
  updatedAt: string;
}

/** One URL-verification POST. */
export interface Verification {
  name: string;
  url: string;
  challenge: string;
  mode: 'any2xx' | 'echo';
  status: number | null;
  error: string | null;
  ok: boolean;
  at: string;
}

/** Something that happened in the account (kind: one of sandbox/event-kinds.ts). */
export interface SandboxEvent {
  id: string;
  kind: string;
  at: string;
  payload: unknown;
  about: Record<string, unknown>;
  deliveries: string[];
}

/** One event on its way to one subscribed URL, with every attempt. */
export interface Delivery {
  id: string;
  eventId: string;
  event: string;
  subscription: string;
  url: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: { attempt: number; at: string; status: number | null; error: string | null; ms: number }[];
  nextAttemptAt?: string;
  createdAt: string;
}

/** One Open API request, as GET /__admin/state lists it. */
export interface RequestEntry {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  code: number;
  /** The fault that answered it (sandbox/faults.ts), if any: the request was still received and carried out. */
  fault?: string;
}

export type State = ReturnType<typeof createState>;

export function createState(account: { serviceId: string; appId: string }) {
  const now = Date.now();
  const counters = {
    contact: 0,
    label: 0,
    enquiry: 0,
    caseNumber: 1000,
    event: 0,
    delivery: 0,
    message: 0,
    staff: 3,
    call: 0,
  };
  const next = (kind: keyof typeof counters): number => (counters[kind] += 1);

  const staff: Staff[] = [
    staffRecord('5f0000000000000000000001', 'Ada', 'Wong', 'Admin', 'Sales', 1001),
    staffRecord('5f0000000000000000000002', 'Ben', 'Chan', 'Agent', 'Support', 1002),
    staffRecord('5f0000000000000000000003', 'Cara', 'Ng', 'Agent', 'Support', 1003),
  ];

  const state = {
    account,
    counters,
    startedAt: iso(now),
    staff,
    contacts: [] as Contact[],
    labels: [] as Label[],
    enquiries: [] as Enquiry[],
    /** A4: records per number type. */
    numbers: {
      'access-numbers': [
        numberRecord(account.serviceId, '+85230001234', 'DID', 'HK', true, true, 'Hong Kong office'),
        numberRecord(account.serviceId, '+14155550123', 'DID', 'US', true, true, 'US office'),
        numberRecord(account.serviceId, '+85280001234', 'TF', 'HK', false, true, 'Hong Kong toll-free'),
      ],
      cli: [
        numberRecord(account.serviceId, '+85230005678', 'CUSTOM', 'HK', true, true, 'Service line'),
        numberRecord(account.serviceId, '+6531234567', 'CUSTOM', 'SG', true, true, 'Singapore service line'),
      ],
      'sms-numbers': [
        numberRecord(account.serviceId, 'CINNOX', 'ALPHANUMERIC', 'HK', true, false, 'CINNOX'),
        numberRecord(account.serviceId, 'SANDBOX', 'ALPHANUMERIC', 'HK', true, false, 'SANDBOX'),
      ],
    } satisfies Record<NumberType, NumberRecord[]>,
    /** Chat rooms (Spaces) a message push may name; any other roomID is accepted too. */
    rooms: ['room-sandbox-general', 'room-sandbox-support'],
    /** Every SMS sent, one record per recipient (§2.3 fields + parts). */
    sms: [] as SmsRecord[],
    /** Every message push. */
    messages: [] as PushedMessage[],
    /** Calls (the call log lists the ended ones). */
    calls: [] as CallRecord[],
    subscriptions: {} as Record<string, Subscription>,
    /** URL-verification POSTs. */
    verifications: [] as Verification[],
    events: [] as SandboxEvent[],
    deliveries: [] as Delivery[],
    requests: [] as RequestEntry[],
    requestCount: 0,
    /** §3.6: the label ids on each enquiry, by enquiry record id (A25). */
    enquiryLabels: {} as Record<string, string[]>,
    /** §1.2: every OTP SMS sent. */
    otps: [] as OtpRecord[],
    /** §2.2: the number of chat messages of an enquiry, when set by the admin API (else CHAT_DEFAULT_LINES). */
    chatLength: {} as Record<string, number>,
    next,
    contactId: () => hexId('64f0', next('contact')),
    labelId: () => hexId('65a0', next('label')),
    enquiryId: () => hexId('66b0', next('enquiry')),
    caseNumber: () => String(next('caseNumber')),
    staffId: () => hexId('5f00', next('staff')),
    callId: () => `call-${hexId('', next('call')).slice(-8)}`,
  };

  // Seed: two contacts, two labels, two past enquiries (inside the default 7-day report window). Ann Lee has a
  // number of each phone type and a WhatsApp number: each phone number a contact read outputs has a value here.
  const seedContacts: ContactBody[] = [
    {
      firstName: 'Ann',
      lastName: 'Lee',
      level: 'Primary',
      type: 'Customer',
      phones: [
        { type: 'Mobile', phone: '+85294667788' },
        { type: 'Work', phone: '+85223456701' },
        { type: 'Home', phone: '+85223456702' },
        { type: 'Other', phone: '+85261234567' },
      ],
      emails: [{ type: 'Work', email: 'ann.lee@example.com' }],
      company: 'Example Ltd',
      jobTitle: 'Buyer',
      team: 'Procurement',
      language: 'en',
      birthDate: '31/05/1990',
      addresses: { city: 'Hong Kong', country: 'HK' },
      socialContacts: [{ key: 'whatsApp', value: '+85294667700' }],
    },
    {
      firstName: 'Ben',
      lastName: 'Ho',
      level: 'Secondary',
      type: 'Lead',
      phones: [{ type: 'Work', phone: '+6591234567' }],
      emails: [{ type: 'Personal', email: 'ben.ho@example.net' }],
      socialContacts: [{ key: 'whatsApp', value: '+6591234567' }],
    },
  ];
  for (const body of seedContacts) {
    state.contacts.push(applyContactBody(newContact(state, now - 3 * DAY), body, now - 3 * DAY));
  }
  state.labels.push(
    newLabel(state, 'VIP', '#E53935', now - 10 * DAY),
    newLabel(state, 'Follow-up', '#1E88E5', now - 5 * DAY),
  );
  const closed = newEnquiry(state, { at: now - 2 * DAY, visitorFirstName: 'Dana', visitorLastName: 'Lam' });
  handleEnquiry(state, closed, staff[1]!, now - 2 * DAY + 60_000);
  closeEnquiry(closed, now - 2 * DAY + 600_000);
  const missed = newEnquiry(state, {
    at: now - DAY,
    channel: 'VirtualNumber',
    initChannel: 'CALL',
    destinationType: 'PHONE',
    visitorFirstName: 'Eli',
    visitorLastName: 'Tse',
  });
  missEnquiry(missed, now - DAY + 120_000);
  state.enquiries.push(closed, missed);
  // The call log: one inbound call answered, and a later one nobody answered (a missed call to filter on).
  const call = newCall(state, { at: now - DAY, callee: staff[1]! });
  endCall(call, now - DAY + 184_000);
  const unanswered = newCall(state, { at: now - DAY / 2, callee: staff[0]!, callerNumber: '+6591234567' });
  endCall(unanswered, now - DAY / 2 + 30_000, 'Not Answered');
  state.calls.push(call, unanswered);
  return state;
}

/** What the record builders below need of the state (they also run while it is being built). */
interface Ids {
  account: { serviceId: string };
  staff: Staff[];
  counters: { enquiry: number };
  contactId(): string;
  labelId(): string;
  enquiryId(): string;
  caseNumber(): string;
}

/** §3.4 record. */
function staffRecord(
  id: string,
  firstName: string,
  lastName: string,
  role: string,
  department: string,
  ext: number,
): Staff {
  return {
    id,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@sandbox.cinnox.test`,
    phone: 85230000000 + ext,
    status: 'Activated',
    role,
    dataScope: role === 'Admin' ? 'All' : 'Own',
    jobTitle: role === 'Admin' ? 'Team Lead' : 'Agent',
    department,
    timezone: 'Asia/Hong_Kong',
    extensionNumber: ext,
    avatarUrl: '',
    twoFactorAuthentication: false,
    microsoftActiveDirectory: false,
    directStaffEnquiry: true,
    directchatEnquiry: `https://sandbox.cinnox.test/chat/${id}`,
    directCallEnquiry: `https://sandbox.cinnox.test/call/${id}`,
  };
}

function numberRecord(
  serviceId: string,
  number: string,
  type: string,
  country: string,
  supportSMS: boolean,
  supportCall: boolean,
  name: string,
): NumberRecord {
  return {
    ServiceID: serviceId,
    Number: number,
    type,
    country: [country],
    expireDate: '2030-12-31T00:00:00.000Z',
    name,
    supportSMS,
    supportCall,
  };
}

/** Every number the account has, any type. */
export const allNumbers = (state: State): NumberRecord[] => Object.values(state.numbers).flat();

/** The number's record if the account may send SMS from it ("+" optional for phone numbers). */
export function smsSender(state: State, sender: string): NumberRecord | undefined {
  const key = (n: string) => (/^\+?\d+$/.test(n) ? n.replace('+', '') : n.toUpperCase());
  return allNumbers(state).find((n) => n.supportSMS && key(String(n.Number)) === key(sender.trim()));
}

// ---------------------------------------------------------------------------------------------
// External contacts: stored as §3.1 list records.
// ---------------------------------------------------------------------------------------------

export function newContact(state: Ids, at: number): Contact {
  const owner = state.staff[0]!;
  return {
    id: state.contactId(),
    firstName: '',
    lastName: '',
    customerType: 'Lead',
    level: 'Primary',
    ownerId: owner.id,
    ownerName: owner.displayName,
    ownerDepartment: owner.department,
    sharedWith: '',
    slaveContacts: [],
    createdAt: iso(at),
    updatedAt: iso(at),
  };
}

const PHONE_FIELD: Record<string, string> = {
  Mobile: 'mobilePhone',
  Work: 'workPhone',
  Home: 'homePhone',
  Other: 'otherPhone',
};
const EMAIL_FIELD: Record<string, string> = { Work: 'email', Personal: 'personalEmail', Other: 'otherEmail' };

/** A validated §3.2 body onto a §3.1 record (an update changes only the fields sent). */
export function applyContactBody(record: Contact, body: ContactBody, at: number): Contact {
  if (body.firstName !== undefined) record.firstName = body.firstName;
  if (body.lastName !== undefined) record.lastName = body.lastName;
  if (body.level !== undefined) record.level = body.level;
  if (body.type !== undefined) record.customerType = body.type;
  for (const p of body.phones ?? []) record[PHONE_FIELD[p.type]!] = phoneNumber(p.phone);
  for (const e of body.emails ?? []) record[EMAIL_FIELD[e.type]!] = e.email;
  if (body.company !== undefined) record.companyName = body.company;
  if (body.team !== undefined) record.department = body.team;
  if (body.jobTitle !== undefined) record.jobTitle = body.jobTitle;
  if (body.group !== undefined) record.group = body.group;
  if (body.language !== undefined) record.language = body.language;
  if (body.birthDate !== undefined) record.birthday = body.birthDate;
  if (body.addresses !== undefined) {
    record.address = { ...(record.address ?? {}), ...body.addresses };
    record.addresses = record.address;
  }
  for (const s of body.socialContacts ?? [])
    record[s.key] = s.key === 'whatsApp' && /^\+\d+$/.test(s.value) ? phoneNumber(s.value) : s.value;
  record.updatedAt = iso(at);
  return record;
}

export const fullName = (contact: { firstName?: string; lastName?: string }): string =>
  [contact.firstName, contact.lastName].filter(Boolean).join(' ');

export const findContact = (state: State, id: string): Contact | undefined => state.contacts.find((c) => c.id === id);

// ---------------------------------------------------------------------------------------------
// Labels: §3.6 records plus the digest's colorCode.
// ---------------------------------------------------------------------------------------------

const COLOR_NAMES: Record<string, string> = {
  '#E53935': 'red',
  '#1E88E5': 'blue',
  '#43A047': 'green',
  '#FDD835': 'yellow',
  '#8E24AA': 'purple',
  '#FB8C00': 'orange',
};

export const colorName = (colorCode: string): string => COLOR_NAMES[colorCode.toUpperCase()] ?? 'custom';

export function newLabel(state: Ids, name: string, colorCode: string, at: number): Label {
  const by = state.staff[0]!.id;
  return {
    id: state.labelId(),
    name,
    colorName: colorName(colorCode),
    colorCode: colorCode.toUpperCase(),
    createdBy: by,
    updatedBy: by,
    createdAt: iso(at),
    updatedAt: iso(at),
  };
}

// ---------------------------------------------------------------------------------------------
// Enquiries: §2.1 records with the digest's "Get Enquiry detail" keys.
// ---------------------------------------------------------------------------------------------

export function newEnquiry(state: Ids, options: EnquiryOptions = {}): Enquiry {
  const at = options.at ?? Date.now();
  const id = state.enquiryId();
  const destinationType = options.destinationType ?? 'STAFF';
  const first = options.visitorFirstName ?? 'Visitor';
  const last = options.visitorLastName ?? String(state.counters.enquiry);
  const displayCaseNumber = state.caseNumber();
  return {
    _id: id,
    id,
    uniqueKey: randomUUID(),
    createdAt: iso(at),
    svcID: state.account.serviceId,
    inquiry: `inq-${id.slice(-8)}`,
    tag: 'tag-sandbox-sales',
    visitor: `visitor-${id.slice(-8)}`,
    roomID: `room-${id.slice(-8)}`,
    initChannel: options.initChannel ?? 'IM',
    omniType: 'CINNOX',
    ip: '203.0.113.10',
    language: 'en: English',
    location: 'HK',
    locationDetail: { regionCode: 'HK', subdivision: 'HK-HCW', city: 'Hong Kong', province: '' },
    platform: 'web',
    status: 'open',
    closedByType: '',
    displayCaseNumber,
    channel: options.channel ?? 'Weblink',
    destinationID: destinationType === 'STAFF' ? 'dest-sandbox-staff' : 'dest-sandbox-phone',
    destinationName: destinationType === 'STAFF' ? 'Sales team' : 'Hotline',
    destinationType,
    destinationEndPoint: destinationType === 'STAFF' ? state.staff[1]!.id : '+85230001234',
    handledType: '',
    handledTarget: '',
    handledPartyName: '',
    huntedStaffTargetHistory: [],
    channelDetail: { type: 'Tag', id: 'tag-sandbox-sales', maaiiDisplayName: 'Sales' },
    inquiryType: options.inquiryType ?? 'Broadcast',
    updatedAt: iso(at),
    closedAt: '',
    inquiryGroup: '',
    transferredParty: '',
    pickedUpAt: '',
    missedAt: '',
    reopenedAt: '',
    handledPartyDepartment: '',
    visitorName: `${first} ${last}`,
    closeDuration: 0,
    historyJoined: [],
    attachment: false,
    staffFirstName: '',
    staffLastName: '',
    visitorFirstName: first,
    visitorLastName: last,
    inquiryDeepLink: `https://sandbox.cinnox.test/enquiries/${id}`,
    cid: '',
  };
}

export function handleEnquiry(_state: unknown, e: Enquiry, staff: Staff, at: number): void {
  Object.assign(e, {
    status: 'ongoing',
    handledType: 'STAFF',
    handledTarget: staff.id,
    handledPartyName: staff.displayName,
    handledPartyDepartment: staff.department,
    huntedStaffTargetHistory: [...e.huntedStaffTargetHistory, staff.id],
    historyJoined: [...e.historyJoined, staff.id],
    staffFirstName: staff.firstName,
    staffLastName: staff.lastName,
    pickedUpAt: iso(at),
    updatedAt: iso(at),
  } satisfies Partial<Enquiry>);
}

export function closeEnquiry(e: Enquiry, at: number): void {
  Object.assign(e, {
    status: 'closed',
    closedByType: 'staff',
    closedAt: iso(at),
    closeDuration: at - Date.parse(e.createdAt),
    updatedAt: iso(at),
  } satisfies Partial<Enquiry>);
}

export function missEnquiry(e: Enquiry, at: number): void {
  Object.assign(e, { status: 'missed', missedAt: iso(at), updatedAt: iso(at) } satisfies Partial<Enquiry>);
}

/** An enquiry by record id, inquiry id or display case number. */
export const findEnquiry = (state: State, ref: string): Enquiry | undefined =>
  state.enquiries.find((e) => e._id === ref || e.inquiry === ref || e.displayCaseNumber === ref);

/** The state as JSON (GET /__admin/state): the data, without the id makers and counters. */
export function snapshot(state: State): Record<string, unknown> {
  const { next: _n, contactId: _c, labelId: _l, enquiryId: _e, caseNumber: _k, counters: _counters, ...data } = state;
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// OTP SMS and enquiry chat logs.
// ---------------------------------------------------------------------------------------------

/** One OTP SMS sent (§1.2), with the PIN in place. */
export interface OtpRecord {
  transactionID: string;
  senderNumber: string;
  recipientNumber: string;
  pin: string;
  text: string;
  createdAt: string;
}

/** §2.2 chat record (the documented keys, plus `fromName`: the sender's name, assumption A29). */
export interface ChatRecord {
  hid: string;
  roomID: string;
  seq: number;
  type: string;
  fromEID: string;
  fromName: string;
  toEID: string;
  fromSvcID: string;
  content: {
    from: { eid: string; name: string };
    id: string;
    msg: { text: string; type: number };
    seq: number;
    to: { inquiry: string; room: string };
    ts: number;
    type: string;
  };
  createdAt: string;
  inquiryID: string;
  msgID: string;
  msgContentType: string;
  msgEventType: string;
  msgText: string;
}

const CHAT_LINES = [
  'Hello, my order has not arrived.',
  'Sorry to hear that: let me check.',
  'It left our warehouse yesterday and arrives tomorrow.',
  'Thank you!',
];
export const CHAT_DEFAULT_LINES = CHAT_LINES.length;

/** The chat of an enquiry: the visitor and the staff member who handled it take turns, a minute apart. */
export function chatLog(state: State, e: Enquiry): ChatRecord[] {
  const count = state.chatLength[e._id] ?? CHAT_DEFAULT_LINES;
  const staff = state.staff.find((s) => s.id === e.handledTarget) ?? state.staff[1]!;
  const start = Date.parse(e.pickedUpAt || e.createdAt);
  return Array.from({ length: count }, (_, i) => {
    const visitor = i % 2 === 0;
    const eid = visitor ? e.visitor : staff.id;
    const name = visitor ? e.visitorName : staff.displayName;
    const text = CHAT_LINES[i % CHAT_LINES.length]!;
    const ts = start + i * 60_000;
    const msgID = `${e.roomID}-${i + 1}`;
    return {
      hid: msgID,
      roomID: e.roomID,
      seq: i + 1,
      type: 'message',
      fromEID: eid,
      fromName: name,
      toEID: visitor ? staff.id : e.visitor,
      fromSvcID: e.svcID,
      content: {
        from: { eid, name },
        id: msgID,
        msg: { text, type: 1 },
        seq: i + 1,
        to: { inquiry: e.inquiry, room: e.roomID },
        ts,
        type: 'message',
      },
      createdAt: iso(ts),
      inquiryID: e.inquiry,
      msgID,
      msgContentType: 'TYPE_TEXT',
      msgEventType: 'TYPE_MESSAGE',
      msgText: text,
    };
  });
}

// calls, inbound SMS, staff members
// ---------------------------------------------------------------------------------------------

/** A call ringing `callee` (a staff member) from an outside number, on the account's first Virtual Number. */
export function newCall(
  state: Pick<State, 'account' | 'numbers'> & { callId(): string },
  options: { at: number; callee: Staff; callerNumber?: string },
): CallRecord {
  const callID = state.callId();
  const callerNumber = options.callerNumber ?? '+85298765432';
  return {
    id: callID,
    callID,
    svcID: state.account.serviceId,
    caller: phoneNumber(callerNumber),
    callee: phoneNumber(state.numbers['access-numbers'][0]!.Number),
    callees: [{ eid: options.callee.id, number: `+${options.callee.phone}` }],
    callDirection: 'Inbound',
    status: 'Ongoing',
    duration: 0,
    callDate: iso(options.at),
    callEndTime: '',
    fromEID: '',
    toEID: options.callee.id,
    inquiryID: '',
    displayCaseNumber: '',
    virtualNumber: phoneNumber(state.numbers['access-numbers'][0]!.Number),
    ended: false,
  };
}

/**
 * The call ends: the call log's status (§2.4: "Call Ended" for a call that was answered, "Not Answered", "Busy" …),
 * its end time and duration in seconds (A21; 0 for a call nobody answered).
 */
export function endCall(call: CallRecord, at: number, status = 'Call Ended'): void {
  Object.assign(call, {
    ended: true,
    status,
    callEndTime: iso(at),
    duration: status === 'Call Ended' ? Math.round((at - Date.parse(call.callDate)) / 1000) : 0,
  });
}

/** An SMS received on `recipient` (one of the account's numbers): an SMS Details record with usage "inbound" (A22). */
export function inboundSms(recipient: string, sender: string, text: string, at: number): SmsRecord {
  const id = randomUUID();
  return {
    id,
    smsID: id,
    transactionID: id,
    fromEID: '',
    toEID: '',
    date: iso(at).slice(0, 10).replaceAll('-', '/'),
    cid: '',
    segmentCount: 1,
    parts: 1,
    encoding: 'GSM-7',
    characters: text.length,
    sender,
    recipient,
    recipientCountryCode: '',
    status: 'Delivered',
    carrierStatus: 'Delivered',
    usage: 'inbound',
    text,
    createdAt: iso(at),
    updatedAt: iso(at),
    isSenderStaff: false,
    isRecipientStaff: false,
    receiptStatus: '',
    exception: '',
  };
}

/** A new staff member (§3.4 record). */
export function newStaff(state: { staffId(): string }, firstName: string, lastName: string): Staff {
  return staffRecord(state.staffId(), firstName, lastName, 'Agent', 'Support', 1000 + Math.floor(Math.random() * 900));
}
