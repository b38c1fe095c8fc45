// The sandbox's data: a small CINNOX account (staff, external contacts, labels, enquiries, numbers) seeded
// on start and on POST /__admin/reset, plus what happened since (SMS sent, messages pushed, subscriptions,
// events, webhook deliveries, API requests). Record shapes follow ../shared/cinnox-open-api.md.
import { randomUUID } from 'node:crypto';

const DAY = 24 * 3600 * 1000;
/** Requests kept in state.requests (oldest dropped). */
export const REQUEST_LOG_MAX = 1000;

/** @param {number} ms */
export const iso = (ms) => new Date(ms).toISOString();

/**
 * A 24-hex id, like CINNOX's record ids, counting up per kind so a fresh sandbox is predictable.
 * @param {string} prefix 4 hex digits
 * @param {number} n
 */
const hexId = (prefix, n) => `${prefix}${n.toString(16).padStart(20, '0')}`;

/** Digits of a phone number as CINNOX lists it: a JSON number without the "+" (§3.1, §1.10). @param {string} e164 */
export const phoneNumber = (e164) => Number(e164.replace(/\D/g, ''));

/** @typedef {ReturnType<typeof createState>} State */

/** @param {{serviceId: string, appId: string}} account */
export function createState(account) {
  const now = Date.now();
  const counters = { contact: 0, label: 0, enquiry: 0, caseNumber: 1000, event: 0, delivery: 0, message: 0 };
  const next = (/** @type {keyof typeof counters} */ kind) => (counters[kind] += 1);

  const staff = [
    staffRecord('5f0000000000000000000001', 'Ada', 'Wong', 'Admin', 'Sales', 1001),
    staffRecord('5f0000000000000000000002', 'Ben', 'Chan', 'Agent', 'Support', 1002),
    staffRecord('5f0000000000000000000003', 'Cara', 'Ng', 'Agent', 'Support', 1003),
  ];

  const state = {
    account,
    counters,
    startedAt: iso(now),
    staff,
    /** @type {Record<string, unknown>[]} */
    contacts: [],
    /** @type {Record<string, unknown>[]} */
    labels: [],
    /** @type {Record<string, unknown>[]} */
    enquiries: [],
    /** A4: records per number type, in the spec's keys (ServiceID, Number, type, country, expireDate). */
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
    },
    /** Chat rooms (Spaces) a message push may name; any other roomID is accepted too. */
    rooms: ['room-sandbox-general', 'room-sandbox-support'],
    /** @type {Record<string, unknown>[]} every SMS sent, one record per recipient (§2.3 fields + parts) */
    sms: [],
    /** @type {Record<string, unknown>[]} every message push */
    messages: [],
    /** @type {Record<string, {name: string, enabled: boolean, url: string, updatedAt: string}>} */
    subscriptions: {},
    /** @type {Record<string, unknown>[]} URL-verification POSTs */
    verifications: [],
    /** @type {Record<string, unknown>[]} */
    events: [],
    /** @type {Record<string, any>[]} */
    deliveries: [],
    /** @type {Record<string, unknown>[]} */
    requests: [],
    requestCount: 0,
    /** @param {keyof typeof counters} kind */
    next,
    contactId: () => hexId('64f0', next('contact')),
    labelId: () => hexId('65a0', next('label')),
    enquiryId: () => hexId('66b0', next('enquiry')),
    caseNumber: () => String(next('caseNumber')),
  };

  // Seed: two contacts, two labels, two past enquiries (inside the default 7-day report window).
  for (const body of [
    {
      firstName: 'Ann',
      lastName: 'Lee',
      level: 'Primary',
      type: 'Customer',
      phones: [{ type: 'Mobile', phone: '+85294667788' }],
      emails: [{ type: 'Work', email: 'ann.lee@example.com' }],
      company: 'Example Ltd',
      jobTitle: 'Buyer',
      team: 'Procurement',
      language: 'en',
      birthDate: '31/05/1990',
      addresses: { city: 'Hong Kong', country: 'HK' },
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
  ]) {
    state.contacts.push(applyContactBody(newContact(state, now - 3 * DAY), body, now - 3 * DAY));
  }
  state.labels.push(
    newLabel(state, 'VIP', '#E53935', now - 10 * DAY),
    newLabel(state, 'Follow-up', '#1E88E5', now - 5 * DAY),
  );
  const closed = newEnquiry(state, { at: now - 2 * DAY, visitorFirstName: 'Dana', visitorLastName: 'Lam' });
  handleEnquiry(state, closed, staff[1], now - 2 * DAY + 60_000);
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
  return state;
}

/**
 * §3.4 record.
 * @param {string} id @param {string} firstName @param {string} lastName @param {string} role @param {string} department @param {number} ext
 */
function staffRecord(id, firstName, lastName, role, department, ext) {
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

/**
 * @param {string} serviceId @param {string} number @param {string} type @param {string} country
 * @param {boolean} supportSMS @param {boolean} supportCall @param {string} name
 */
function numberRecord(serviceId, number, type, country, supportSMS, supportCall, name) {
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

/** Every number the account has, any type. @param {State} state */
export const allNumbers = (state) => Object.values(state.numbers).flat();

/** The number's record if the account may send SMS from it ("+" optional for phone numbers). @param {State} state @param {string} sender */
export function smsSender(state, sender) {
  const key = (/** @type {string} */ n) => (/^\+?\d+$/.test(n) ? n.replace('+', '') : n.toUpperCase());
  return allNumbers(state).find((n) => n.supportSMS && key(String(n.Number)) === key(sender.trim()));
}

// ---------------------------------------------------------------------------------------------
// External contacts: stored as §3.1 list records.
// ---------------------------------------------------------------------------------------------

/** @param {State} state @param {number} at */
export function newContact(state, at) {
  const owner = state.staff[0];
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

const PHONE_FIELD = { Mobile: 'mobilePhone', Work: 'workPhone', Home: 'homePhone', Other: 'otherPhone' };
const EMAIL_FIELD = { Work: 'email', Personal: 'personalEmail', Other: 'otherEmail' };

/**
 * A validated §3.2 body onto a §3.1 record (an update changes only the fields sent).
 * @param {Record<string, any>} record @param {Record<string, any>} body @param {number} at
 */
export function applyContactBody(record, body, at) {
  if (body.firstName !== undefined) record.firstName = body.firstName;
  if (body.lastName !== undefined) record.lastName = body.lastName;
  if (body.level !== undefined) record.level = body.level;
  if (body.type !== undefined) record.customerType = body.type;
  for (const p of body.phones ?? [])
    record[PHONE_FIELD[/** @type {keyof typeof PHONE_FIELD} */ (p.type)]] = phoneNumber(p.phone);
  for (const e of body.emails ?? []) record[EMAIL_FIELD[/** @type {keyof typeof EMAIL_FIELD} */ (e.type)]] = e.email;
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

/** @param {Record<string, any>} contact */
export const fullName = (contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

/** @param {State} state @param {string} id */
export const findContact = (state, id) => state.contacts.find((c) => c.id === id);

// ---------------------------------------------------------------------------------------------
// Labels: §3.6 records plus the spec's colorCode.
// ---------------------------------------------------------------------------------------------

const COLOR_NAMES = {
  '#E53935': 'red',
  '#1E88E5': 'blue',
  '#43A047': 'green',
  '#FDD835': 'yellow',
  '#8E24AA': 'purple',
  '#FB8C00': 'orange',
};

/** @param {string} colorCode */
export const colorName = (colorCode) =>
  COLOR_NAMES[/** @type {keyof typeof COLOR_NAMES} */ (colorCode.toUpperCase())] ?? 'custom';

/** @param {State} state @param {string} name @param {string} colorCode @param {number} at */
export function newLabel(state, name, colorCode, at) {
  const by = state.staff[0].id;
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
// Enquiries: §2.1 records with the spec's "Get Enquiry detail" keys.
// ---------------------------------------------------------------------------------------------

/**
 * @param {State} state
 * @param {{at?: number, channel?: string, initChannel?: string, destinationType?: string, inquiryType?: string, visitorFirstName?: string, visitorLastName?: string}} [options]
 */
export function newEnquiry(state, options = {}) {
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
    status: 'ongoing',
    closedByType: '',
    displayCaseNumber,
    channel: options.channel ?? 'Weblink',
    destinationID: destinationType === 'STAFF' ? 'dest-sandbox-staff' : 'dest-sandbox-phone',
    destinationName: destinationType === 'STAFF' ? 'Sales team' : 'Hotline',
    destinationType,
    destinationEndPoint: destinationType === 'STAFF' ? state.staff[1].id : '+85230001234',
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

/** @param {State} _state @param {Record<string, any>} e @param {Record<string, any>} staff @param {number} at */
export function handleEnquiry(_state, e, staff, at) {
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
  });
}

/** @param {Record<string, any>} e @param {number} at */
export function closeEnquiry(e, at) {
  Object.assign(e, {
    status: 'closed',
    closedByType: 'staff',
    closedAt: iso(at),
    closeDuration: at - Date.parse(e.createdAt),
    updatedAt: iso(at),
  });
}

/** @param {Record<string, any>} e @param {number} at */
export function missEnquiry(e, at) {
  Object.assign(e, { status: 'missed', missedAt: iso(at), updatedAt: iso(at) });
}

/** An enquiry by record id, inquiry id or display case number. @param {State} state @param {string} ref */
export const findEnquiry = (state, ref) =>
  state.enquiries.find((e) => e._id === ref || e.inquiry === ref || e.displayCaseNumber === ref);

/** @param {State} state */
export function snapshot(state) {
  const { next: _n, contactId: _c, labelId: _l, enquiryId: _e, caseNumber: _k, counters: _counters, ...data } = state;
  return JSON.parse(JSON.stringify(data));
}
