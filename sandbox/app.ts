// The sandbox HTTP server: CINNOX's Open API at CINNOX's paths (`/v1/api/apps/{appID}/…`, docs/cinnox-api.md
// §0.1, and the app's assumptions A1–A29 where the reference is silent), behind the App ID and Bearer-token
// checks and the rate limit, plus an admin API under `/__admin` that makes things happen in the "account"
// (a contact merged, an enquiry missed, …).
import { Buffer } from 'node:buffer';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import segments from 'sms-segments-calculator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { patchConfig, type Break, type SandboxConfig } from './config.ts';
import { EVENT_KINDS, isEventKind, type EventKind } from './event-kinds.ts';
import { contactEvent, enquiryEvent, labelEvent, smsReceipt } from './events.ts';
import {
  REQUEST_LOG_MAX,
  allNumbers,
  applyContactBody,
  closeEnquiry,
  colorName,
  createState,
  findContact,
  findEnquiry,
  fullName,
  handleEnquiry,
  iso,
  missEnquiry,
  newContact,
  newEnquiry,
  newLabel,
  smsSender,
  snapshot,
  type EnquiryOptions,
  type RequestEntry,
  type SmsRecord,
} from './state.ts';
import {
  CODES,
  CinnoxError,
  badParameters,
  contactBody,
  messagePushBody,
  noRecords,
  onlyParams,
  paging,
  sendSmsBody,
  subscriptionBody,
  timeWindow,
  type ContactBody,
  type SendSms,
} from './validate.ts';
import { CHAT_LOG_MAX_MESSAGES, CHAT_LOG_OVER_LIMIT, labelIdsBody, sendOtpBody } from './validate.ts';
import { chatLog } from './state.ts';
import { createWebhooks, isSubscriptionName } from './webhooks.ts';
import { FaultError, Faults, misbehave, parseFault } from './faults.ts';
// inbound SMS, calls, recordings, staff members.
import { callEvent, inboundSmsEvent, recordingEvent, staffEvent } from './events.ts';
import { endCall, inboundSms, newCall, newStaff, type CallRecord, type Staff } from './state.ts';

const { SegmentedMessage } = segments;

export const API_PREFIX = '/v1/api/apps/';
export const ADMIN_PREFIX = '/__admin';
/** Recipients whose number ends in these digits get an "Undelivered" receipt (to show a failed SMS). */
export const UNDELIVERABLE_SUFFIX = '99999';
const BODY_MAX_BYTES = 1_000_000;

/** An admin-API error: HTTP status and `{error}`. */
class AdminError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The request body: its text, and its JSON (undefined when empty; INVALID_JSON when it does not parse). */
const INVALID_JSON = Symbol.for('invalid-json');
async function readBody(req: http.IncomingMessage): Promise<{ text: string; json: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > BODY_MAX_BYTES) throw badParameters('request body too large');
    chunks.push(chunk);
  }
  const text = chunks.map((c) => c.toString('utf8')).join('');
  if (text.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: INVALID_JSON };
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The "contains, ignoring case and repeated spaces" match CINNOX may do on fullName (A7). */
const folded = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** An admin request's JSON body (an object, `{}` when empty). */
type AdminBody = Record<string, unknown>;

/** The start-up line's fields (without the pid). */
export interface ListenInfo {
  sandbox: 'cinnox';
  baseUrl: string;
  apiRoot: string;
  adminUrl: string;
  appId: string;
  appToken: string;
  port: number;
}

export function createSandbox(config: SandboxConfig, options: { log?: (line: string) => void } = {}) {
  const log: (line: string) => void = config.quiet
    ? () => {}
    : (options.log ?? ((line) => process.stderr.write(`[sandbox] ${line}\n`)));
  const state = createState({ serviceId: config.serviceId, appId: config.appId });
  const hooks = createWebhooks(state, config, log);
  /** Faults on demand (sandbox/faults.ts), from --fault and the admin API; the answers they hold back. */
  const faults = new Faults(config.faults);
  const holding = new Set<http.ServerResponse>();
  /** Per App ID: request times inside the current rate-limit window. */
  let rateLog = new Map<string, number[]>();

  // -------------------------------------------------------------------------------------------
  // What can happen in the account. Each change emits its event (unless `quiet`, used for setup).
  // -------------------------------------------------------------------------------------------
  const staffById = (id: string) => state.staff.find((s) => s.id === id);
  const emitted = (r: ReturnType<typeof hooks.emit>) => ({
    event: { id: r.event.id, kind: r.event.kind, payload: r.event.payload },
    deliveries: r.deliveries.map((d) => ({ id: d.id, subscription: d.subscription, url: d.url, status: d.status })),
  });
  const none = { event: null, deliveries: [] };

  const world = {
    /** `body`: a validated §3.2 body. */
    createContact(body: ContactBody, quiet = false) {
      const at = Date.now();
      const contact = applyContactBody(newContact(state, at), body, at);
      state.contacts.push(contact);
      return {
        record: contact,
        ...(quiet
          ? none
          : emitted(
              hooks.emit('contact.created', contactEvent(config.serviceId, 'created', contact), {
                contactId: contact.id,
              }),
            )),
      };
    },
    editContact(id: string, body: ContactBody) {
      const contact = findContact(state, id);
      if (!contact) return undefined;
      applyContactBody(contact, body, Date.now());
      return {
        record: contact,
        ...emitted(hooks.emit('contact.edited', contactEvent(config.serviceId, 'edited', contact), { contactId: id })),
      };
    },
    /** `from` is merged into `id` (the surviving contact) and removed. */
    mergeContact(id: string, from: string) {
      const contact = findContact(state, id);
      const other = findContact(state, from);
      if (!contact || !other) throw new AdminError(404, `no contact ${!contact ? id : from}`);
      if (contact === other) throw new AdminError(400, 'a contact cannot be merged into itself');
      state.contacts = state.contacts.filter((c) => c !== other);
      contact.slaveContacts = [...contact.slaveContacts, other.id, ...(other.slaveContacts ?? [])];
      for (const [key, value] of Object.entries(other))
        if (contact[key] === undefined || contact[key] === '') contact[key] = value;
      contact.updatedAt = iso(Date.now());
      return {
        record: contact,
        merged: other,
        ...emitted(
          hooks.emit('contact.merged', contactEvent(config.serviceId, 'merged', contact), {
            contactId: id,
            mergedId: from,
          }),
        ),
      };
    },
    transferContact(id: string, toOwnerID: string) {
      const contact = findContact(state, id);
      if (!contact) throw new AdminError(404, `no contact ${id}`);
      const owner = staffById(toOwnerID);
      if (!owner)
        throw new AdminError(400, `no staff ${toOwnerID} (staff: ${state.staff.map((s) => s.id).join(', ')})`);
      const fromOwnerID = contact.ownerId;
      Object.assign(contact, {
        ownerId: owner.id,
        ownerName: owner.displayName,
        ownerDepartment: owner.department,
        updatedAt: iso(Date.now()),
      });
      const payload = contactEvent(config.serviceId, 'transferred', contact, { fromOwnerID, toOwnerID: owner.id });
      return { record: contact, ...emitted(hooks.emit('contact.transferred', payload, { contactId: id })) };
    },
    deleteContact(id: string) {
      const contact = findContact(state, id);
      if (!contact) throw new AdminError(404, `no contact ${id}`);
      state.contacts = state.contacts.filter((c) => c !== contact);
      return {
        record: contact,
        ...emitted(
          hooks.emit('contact.deleted', contactEvent(config.serviceId, 'deleted', contact), { contactId: id }),
        ),
      };
    },
    openEnquiry(options: EnquiryOptions = {}, quiet = false) {
      const enquiry = newEnquiry(state, options);
      state.enquiries.push(enquiry);
      return {
        record: enquiry,
        ...(quiet
          ? none
          : emitted(
              hooks.emit('enquiry.opened', enquiryEvent(config.serviceId, 'opened', enquiry), {
                enquiryId: enquiry._id,
              }),
            )),
      };
    },
    moveEnquiry(ref: string, what: 'handling' | 'closed' | 'missed', staffId?: string) {
      const enquiry = findEnquiry(state, ref);
      if (!enquiry) throw new AdminError(404, `no enquiry ${ref}`);
      if (enquiry.status === 'closed' || enquiry.status === 'missed')
        throw new AdminError(409, `enquiry ${enquiry.displayCaseNumber} is already ${enquiry.status}`);
      const now = Date.now();
      if (what === 'handling') {
        const staff = staffById(staffId ?? state.staff[1]!.id);
        if (!staff) throw new AdminError(400, `no staff ${staffId}`);
        handleEnquiry(state, enquiry, staff, now);
      } else if (what === 'closed') {
        closeEnquiry(enquiry, now);
      } else {
        missEnquiry(enquiry, now);
      }
      return {
        record: enquiry,
        ...emitted(
          hooks.emit(`enquiry.${what}`, enquiryEvent(config.serviceId, what, enquiry), { enquiryId: enquiry._id }),
        ),
      };
    },
    createLabel(name: string, colorCode: string) {
      const label = newLabel(state, checkLabelName(name), checkColor(colorCode), Date.now());
      state.labels.push(label);
      return {
        record: label,
        ...emitted(hooks.emit('label.created', labelEvent(config.serviceId, 'created', label), { labelId: label.id })),
      };
    },
    editLabel(id: string, changes: { name?: unknown; colorCode?: unknown }) {
      const label = state.labels.find((l) => l.id === id);
      if (!label) throw new AdminError(404, `no label ${id}`);
      if (changes.name !== undefined) label.name = checkLabelName(changes.name, id);
      if (changes.colorCode !== undefined) {
        label.colorCode = checkColor(changes.colorCode);
        label.colorName = colorName(label.colorCode);
      }
      label.updatedAt = iso(Date.now());
      return {
        record: label,
        ...emitted(hooks.emit('label.edited', labelEvent(config.serviceId, 'edited', label), { labelId: id })),
      };
    },
    deleteLabel(id: string) {
      const label = state.labels.find((l) => l.id === id);
      if (!label) throw new AdminError(404, `no label ${id}`);
      state.labels = state.labels.filter((l) => l !== label);
      return {
        record: label,
        ...emitted(hooks.emit('label.deleted', labelEvent(config.serviceId, 'deleted', label), { labelId: id })),
      };
    },
    /**
     * A2/A3 Send SMS: one record per recipient with the SMS parts it is charged as, then one
     * outbound-SMS receipt per recipient (Delivered; Undelivered for numbers ending in UNDELIVERABLE_SUFFIX).
     */
    sendSms(body: SendSms, quiet = false) {
      const measure = new SegmentedMessage(body.text);
      const now = Date.now();
      const records = body.recipientNumbers.map((recipient) => {
        const transactionID = randomUUID();
        const undeliverable = recipient.endsWith(UNDELIVERABLE_SUFFIX);
        const record: SmsRecord = {
          id: transactionID,
          smsID: transactionID,
          transactionID,
          fromEID: '',
          toEID: '',
          date: iso(now).slice(0, 10).replaceAll('-', '/'),
          cid: '',
          segmentCount: measure.segmentsCount,
          parts: measure.segmentsCount,
          encoding: measure.encodingName,
          characters: measure.numberOfCharacters,
          sender: body.senderNumber,
          recipient,
          recipientCountryCode: parsePhoneNumberFromString(recipient)?.country ?? '',
          status: 'Submitted',
          carrierStatus: 'Queued',
          usage: 'openAPI-sms',
          text: body.text,
          createdAt: iso(now),
          updatedAt: iso(now),
          isSenderStaff: false,
          isRecipientStaff: false,
          receiptStatus: undeliverable ? 'Undelivered' : 'Delivered',
          exception: undeliverable ? 'sms send failed' : '',
        };
        state.sms.push(record);
        return record;
      });
      const receipts = quiet ? [] : records.map((r) => world.smsReceipt(r.transactionID, r.receiptStatus));
      return { records, receipts };
    },
    /** A receipt (§1.10) for a sent SMS; the record's status follows. */
    smsReceipt(transactionID: string, status: string, exception?: string) {
      const record = state.sms.find((s) => s.transactionID === transactionID);
      if (!record) throw new AdminError(404, `no SMS with transactionID ${transactionID}`);
      if (!['Submitted', 'Delivered', 'Undelivered', 'Rejected'].includes(status))
        throw new AdminError(400, `Status must be Submitted, Delivered, Undelivered or Rejected, not "${status}"`);
      record.receiptStatus = status;
      if (exception !== undefined) record.exception = exception;
      if (status === 'Rejected') record.status = 'Rejected';
      if (status === 'Delivered' || status === 'Undelivered') record.carrierStatus = status;
      record.updatedAt = iso(Date.now());
      return {
        record,
        ...emitted(hooks.emit('sms.receipt', smsReceipt(config.appId, config.serviceId, record), { transactionID })),
      };
    },

    // inbound SMS, calls, recordings, staff members.
    /** Someone texts one of the account's numbers: an SMS Details record (usage inbound, A22) and the §1.9 event. */
    receiveSms(from: string, to: string, text: string) {
      const record = inboundSms(to, from, text, Date.now());
      state.sms.push(record);
      return { record, ...emitted(hooks.emit('sms.inbound', inboundSmsEvent(record), { smsId: record.id })) };
    },
    startCall(callee: Staff, callerNumber?: string) {
      const call = newCall(state, { at: Date.now(), callee, ...(callerNumber ? { callerNumber } : {}) });
      state.calls.push(call);
      return {
        record: call,
        ...emitted(hooks.emit('call.started', callEvent(config.serviceId, 'started', call), { callId: call.callID })),
      };
    },
    endCall(call: CallRecord) {
      if (call.ended) throw new AdminError(409, `call ${call.callID} has already ended`);
      endCall(call, Math.max(Date.now(), Date.parse(call.callDate) + 1000));
      return {
        record: call,
        ...emitted(hooks.emit('call.ended', callEvent(config.serviceId, 'ended', call), { callId: call.callID })),
      };
    },
    recording(call: CallRecord, status: 'success' | 'fail') {
      const kind = status === 'success' ? 'recording.ready' : 'recording.failed';
      return {
        record: call,
        ...emitted(hooks.emit(kind, recordingEvent(config.serviceId, status, call), { callId: call.callID })),
      };
    },
    createStaff(firstName: string, lastName: string) {
      const staff = newStaff(state, firstName, lastName);
      state.staff.push(staff);
      return {
        record: staff,
        ...emitted(hooks.emit('staff.created', staffEvent(config.serviceId, 'created', staff), { staffId: staff.id })),
      };
    },
    editStaff(id: string, changes: { jobTitle?: string }) {
      const staff = staffById(id);
      if (!staff) throw new AdminError(404, `no staff ${id}`);
      staff.jobTitle = changes.jobTitle ?? `Edited ${iso(Date.now())}`;
      return {
        record: staff,
        ...emitted(hooks.emit('staff.edited', staffEvent(config.serviceId, 'edited', staff), { staffId: id })),
      };
    },
    deleteStaff(id: string) {
      const staff = staffById(id);
      if (!staff) throw new AdminError(404, `no staff ${id}`);
      if (state.staff.length <= 1) throw new AdminError(409, 'the account keeps at least one staff member');
      state.staff = state.staff.filter((s) => s !== staff);
      return {
        record: staff,
        ...emitted(hooks.emit('staff.deleted', staffEvent(config.serviceId, 'deleted', staff), { staffId: id })),
      };
    },
  };

  function checkLabelName(name: unknown, exceptId?: string): string {
    if (typeof name !== 'string' || !name.trim()) throw new AdminError(400, 'name is required');
    if (state.labels.some((l) => l.id !== exceptId && folded(l.name) === folded(name)))
      throw new AdminError(409, `a label named "${name}" exists`);
    return name.trim();
  }
  function checkColor(code: unknown): string {
    if (typeof code !== 'string' || !/^#[0-9a-f]{6}$/i.test(code))
      throw new AdminError(400, `colorCode must be a hex colour like #43A047, not ${JSON.stringify(code)}`);
    return code.toUpperCase();
  }

  // -------------------------------------------------------------------------------------------
  // The Open API
  // -------------------------------------------------------------------------------------------
  const broken = (name: Break): boolean => config.breaks.includes(name);
  /**
   * A list answer (A15): `{code: 0, [key]: records}`, `result` unless documented otherwise; a bare array or an
   * unknown key when the sandbox breaks A15 on purpose (`--break bare-list-envelope | unknown-list-envelope`).
   */
  function listAnswer(records: unknown[], key: 'result' | 'labelList' = 'result'): unknown {
    if (broken('bare-list-envelope')) return records;
    if (broken('unknown-list-envelope')) return { code: 0, items: records };
    return { code: 0, [key]: records };
  }
  /** A30 broken on purpose (`--break reports-oldest-first`): a report's window read lists its oldest records first. */
  const reportOrder = <T>(newestFirst: T[]): T[] =>
    broken('reports-oldest-first') ? [...newestFirst].reverse() : newestFirst;
  /** A6 broken on purpose (`--break report-window-rejected`): a time window is an invalid query. */
  function reportWindow(query: URLSearchParams): void {
    if (broken('report-window-rejected') && (query.has('startAt') || query.has('endAt')))
      throw badParameters(
        `invalid query: ${['startAt', 'endAt']
          .filter((k) => query.has(k))
          .map((k) => `(${k})`)
          .join(', ')}`,
      );
  }

  function page<T>(records: T[], query: URLSearchParams): T[] {
    const { offset, limit } = paging(query);
    const slice = records.slice(offset, offset + limit);
    if (slice.length === 0) throw noRecords();
    return slice;
  }
  type Dated = { createdAt: string };
  const newestFirst = (a: Dated, b: Dated) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  const within =
    (w: { start: number; end: number }) =>
    (r: Dated): boolean => {
      const t = Date.parse(r.createdAt);
      return t >= w.start && t <= w.end;
    };
  const smsView = (r: SmsRecord) => {
    const { receiptStatus: _s, exception: _e, parts: _p, encoding: _n, characters: _c, transactionID: _t, ...view } = r;
    return view;
  };

  type Call = { query: URLSearchParams; body: unknown; params: string[] };
  type Route = [method: string, path: string | RegExp, handler: (call: Call) => unknown];
  const api: Route[] = [
    [
      'GET',
      '/contacts/staffcontact-list',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'fullName']);
        const name = folded(query.get('fullName') ?? '');
        return listAnswer(
          page(
            state.staff.filter((s) => !name || folded(s.displayName).includes(name)),
            query,
          ),
        );
      },
    ],
    [
      'GET',
      '/contacts/extcontact-list',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'fullName', 'id']);
        const name = broken('name-filter-ignored') ? '' : folded(query.get('fullName') ?? '');
        const id = broken('id-filter-ignored') ? null : query.get('id');
        const found = state.contacts.filter(
          (c) => (!id || c.id === id) && (!name || folded(fullName(c)).includes(name)),
        );
        return listAnswer(page(found, query));
      },
    ],
    [
      'POST',
      '/management/create_externalcontact',
      ({ body }) => {
        const { record } = world.createContact(contactBody(body, { create: true }));
        return { code: 0, id: record.id };
      },
    ],
    [
      'PUT',
      /^\/management\/update_externalcontact\/([^/]+)$/,
      ({ body, params }) => {
        const id = params[0]!;
        const valid = contactBody(body, { create: false });
        if (!findContact(state, id)) throw noRecords();
        world.editContact(id, valid);
        return { code: 0, id };
      },
    ],
    [
      'GET',
      '/labels',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'id', 'name']);
        const id = query.get('id');
        const name = query.get('name');
        const found = state.labels.filter((l) => (!id || l.id === id) && (!name || folded(l.name) === folded(name)));
        return listAnswer(page(found, query), 'labelList');
      },
    ],
    [
      'GET',
      '/data/enquiry-detail',
      ({ query }) => {
        onlyParams(query, ['displayCaseNumber', 'startAt', 'endAt', 'offset', 'limit']);
        reportWindow(query);
        const caseNumber = query.get('displayCaseNumber');
        // A report: every read needs its window (§0.3 "Empty time range"), by case number too (A5 within A6).
        const window = timeWindow(query);
        let found = [...state.enquiries].sort(newestFirst).filter(within(window));
        if (caseNumber !== null) {
          if (!caseNumber.trim()) throw badParameters('invalid query: (displayCaseNumber)');
          found = found.filter((e) => e.displayCaseNumber === caseNumber.trim());
        } else {
          found = reportOrder(found);
        }
        return listAnswer(page(found, query));
      },
    ],
    [
      'GET',
      '/data/sms-detail',
      ({ query }) => {
        onlyParams(query, ['startAt', 'endAt', 'offset', 'limit']);
        reportWindow(query);
        const found = reportOrder([...state.sms].sort(newestFirst).filter(within(timeWindow(query))));
        return listAnswer(page(found, query).map(smsView));
      },
    ],
    [
      'POST',
      '/message-push',
      ({ body }) => {
        const valid = messagePushBody(body, (eid) => Boolean(staffById(eid)));
        const messageIDs = valid.messages.map(() => `msg-${state.next('message')}`);
        const roomID = valid.roomID ?? `direct-${valid.receiverEID}`;
        state.messages.push({ ...valid, roomID, messageIDs, at: iso(Date.now()) });
        return { code: 0, result: { roomID, messageIDs } };
      },
    ],
    [
      'POST',
      '/sms',
      ({ body }) => {
        const valid = sendSmsBody(body, (n) => Boolean(smsSender(state, n)));
        const { records } = world.sendSms(valid);
        return {
          code: 0,
          result: records.map((r) => ({
            recipientNumber: r.recipient,
            transactionID: r.transactionID,
            status: r.status,
            responseCode: '',
            exception: '',
          })),
        };
      },
    ],
    ...(['access-numbers', 'cli', 'sms-numbers'] as const).map((type): Route => [
      'GET',
      `/${type}`,
      ({ query }) => {
        onlyParams(query, ['offset', 'limit']);
        return listAnswer(page(state.numbers[type], query));
      },
    ]),
    [
      'PATCH',
      /^\/([a-z-]+-event-sub)$/,
      async ({ body, params }) => hooks.setSubscription(params[0]!, subscriptionBody(body)),
    ],
    // Send OTP SMS (§1.2), Label / Unlabel an Enquiry (§3.6), Get Enquiry Chat (§2.2).
    [
      'POST',
      '/send_otp',
      ({ body }) => {
        const valid = sendOtpBody(body, (id) =>
          state.numbers['sms-numbers'].some((n) => n.supportSMS && n.Number.toUpperCase() === id.trim().toUpperCase()),
        );
        const transactionID = randomUUID();
        state.otps.push({
          ...valid,
          text: valid.text.replace('%s', () => valid.pin),
          transactionID,
          createdAt: iso(Date.now()),
        });
        return { code: 0, serviceID: config.serviceId, status: true, transactionID };
      },
    ],
    ...(['POST', 'DELETE'] as const).map((method): Route => [
      method,
      /^\/inquiries\/([^/]+)\/labels$/,
      ({ body, params }) => {
        const ids = labelIdsBody(body);
        // A25: the path takes the Enquiry Details record id.
        const enquiry = state.enquiries.find((e) => e._id === params[0]);
        if (!enquiry) throw badParameters('invalid enquiryID');
        const missing = ids.filter((id) => !state.labels.some((l) => l.id === id));
        const current = state.enquiryLabels[enquiry._id] ?? [];
        const next =
          method === 'POST'
            ? [...new Set([...current, ...ids.filter((id) => !missing.includes(id))])]
            : current.filter((id) => !ids.includes(id));
        state.enquiryLabels[enquiry._id] = next;
        return {
          code: 0,
          notExistLabelIds: missing.length > 0 ? missing : null,
          labelIds: next.length > 0 ? next : null,
          updatedAt: iso(Date.now()),
        };
      },
    ]),
    [
      'GET',
      '/data/enquiry-chat',
      ({ query }) => {
        onlyParams(query, ['enquiryID']);
        const ref = query.get('enquiryID')?.trim();
        if (!ref) throw badParameters('enquiryID is required');
        // §2.2: the `inquiry` ID or the displayCaseNumber.
        const enquiry = state.enquiries.find((e) => e.inquiry === ref || e.displayCaseNumber === ref);
        if (!enquiry) throw badParameters('invalid enquiryID');
        // A28: an enquiry that is not closed answers "No records found".
        if (enquiry.status !== 'closed') throw noRecords();
        const log = chatLog(state, enquiry);
        if (log.length > CHAT_LOG_MAX_MESSAGES)
          throw new CinnoxError(CHAT_LOG_OVER_LIMIT, 'Requested chat logs over the limit');
        return listAnswer(log);
      },
    ],
    // the call log (§2.4), one call by callID (A20), recent calls in a report window (A24).
    [
      'GET',
      '/data/call-log',
      ({ query }) => {
        onlyParams(query, ['callID', 'startAt', 'endAt', 'offset', 'limit']);
        const callID = query.get('callID');
        // A report: every read needs its window (§0.3 "Empty time range"), by call id too (A20 within A24).
        const w = timeWindow(query);
        let found = state.calls
          .filter((c) => c.ended && Date.parse(c.callDate) >= w.start && Date.parse(c.callDate) <= w.end)
          .sort((a, b) => Date.parse(b.callDate) - Date.parse(a.callDate));
        if (callID !== null) {
          if (!callID.trim()) throw badParameters('invalid query: (callID)');
          // A20 broken on purpose (`--break call-filter-ignored`): every call, newest first.
          if (!broken('call-filter-ignored')) found = found.filter((c) => c.callID === callID.trim());
        } else {
          found = reportOrder(found);
        }
        return listAnswer(page(found, query).map(({ ended: _e, callees: _c, ...view }) => view));
      },
    ],
    [
      'GET',
      '/event-hooks',
      ({ query }) => {
        onlyParams(query, []);
        return listAnswer(Object.values(state.subscriptions));
      },
    ],
  ];

  function route(method: string, path: string): { handler?: Route[2]; params?: string[]; pathMatched?: boolean } {
    let pathMatched = false;
    for (const [m, pattern, handler] of api) {
      const match = typeof pattern === 'string' ? (pattern === path ? [path] : null) : pattern.exec(path);
      if (!match) continue;
      if (pattern instanceof RegExp && pattern.source.includes('event-sub') && !isSubscriptionName(match[1]!)) continue;
      pathMatched = true;
      if (pattern === '/event-hooks' && broken('no-event-hook-list')) continue;
      if (m === method) return { handler, params: match.slice(1).map((p) => decodeURIComponent(p)) };
    }
    return { handler: undefined, pathMatched };
  }

  /** Counts the request; true when the App ID already made rateLimit requests in the window. */
  function rateLimited(appId: string): boolean {
    const now = Date.now();
    const times = (rateLog.get(appId) ?? []).filter((t) => now - t < config.rateWindowMs);
    rateLog.set(appId, times);
    if (times.length >= config.rateLimit) return true;
    times.push(now);
    return false;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const rest = url.pathname.slice(API_PREFIX.length);
    const slash = rest.indexOf('/');
    const appId = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
    const path = slash === -1 ? '' : rest.slice(slash);
    const entry: RequestEntry = {
      at: iso(Date.now()),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 200,
      code: 0,
    };
    let status = 200;
    let answer: unknown;
    try {
      const { json } = await readBody(req);
      entry.body = typeof json === 'symbol' ? '(not JSON)' : json;
      if (appId !== config.appId) throw new CinnoxError(CODES.invalidAppId, 'Invalid appID');
      const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? '').trim());
      if (!auth || auth[1] !== config.appToken) throw new CinnoxError(CODES.invalidToken, 'Invalid token');
      if (rateLimited(appId)) throw new CinnoxError(CODES.tooManyRequests, 'Too many requests');
      const { handler, params } = route(method, path);
      if (!handler)
        throw new CinnoxError(CODES.methodNotFound, `method not found, method: ${method} url: ${url.pathname}`);
      if (typeof json === 'symbol') throw badParameters('Unknown data type: the request body is not JSON');
      answer = await handler({
        query: url.searchParams,
        body: method === 'GET' ? undefined : json,
        params: params ?? [],
      });
    } catch (error) {
      if (error instanceof CinnoxError) {
        status = error.status;
        answer = { code: error.code, message: error.message };
      } else {
        status = 500;
        answer = { code: CODES.badServiceResponse, message: 'Bad response from the service' };
        log(`internal error: ${(error as Error).stack}`);
      }
    }
    const fault = faults.take(method, path);
    if (fault) {
      entry.fault = `${fault.mode}${fault.ms !== undefined ? `:${fault.ms}` : ''}`;
      misbehave(fault, req, res, () => send(res, status, answer), holding);
    } else send(res, status, answer);
    entry.status = status;
    entry.code = (answer as { code?: number } | undefined)?.code ?? 0;
    state.requestCount += 1;
    state.requests.push(entry);
    if (state.requests.length > REQUEST_LOG_MAX) state.requests.splice(0, state.requests.length - REQUEST_LOG_MAX);
    log(
      `${method} ${url.pathname}${url.search} -> ${status}${entry.code ? ` ${entry.code}${status !== 200 ? ` ${(answer as { message?: string }).message}` : ''}` : ''}`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // The admin API (no auth, not rate-limited): make events happen, inspect, reset, configure.
  // -------------------------------------------------------------------------------------------
  const latest = <T>(list: T[]): T | undefined => list[list.length - 1];
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  /** A contact to act on: body.id, else the newest; one is created quietly when there is none. */
  function targetContact(body: AdminBody): string {
    const id = str(body.id);
    if (id) return id;
    return (
      latest(state.contacts) ??
      world.createContact({ firstName: 'Sandbox', lastName: `Contact ${state.counters.contact + 1}` }, true).record
    ).id;
  }
  /**
   * An enquiry not yet closed or missed: body.id (record id or display case number), else the newest one still
   * waiting to be picked up (`open`, A19; for closing, also an `ongoing` one), else a new one (quietly).
   */
  function targetEnquiry(body: AdminBody, unhandled: boolean): string {
    const id = str(body.id) ?? str(body.displayCaseNumber);
    if (id) return id;
    const open = state.enquiries.filter((e) => e.status === 'open' || (!unhandled && e.status === 'ongoing'));
    return (latest(open) ?? world.openEnquiry({}, true).record)._id;
  }
  function targetLabel(body: AdminBody): string {
    const id = str(body.id);
    if (id) return id;
    return (latest(state.labels) ?? world.createLabel(`Sandbox label ${state.counters.label + 1}`, '#43A047').record)
      .id;
  }
  /** A call: body.id, else the newest ongoing one (`ongoing`) or the newest ended one; a new one (quietly) when none. */
  function targetCall(body: AdminBody, ongoing: boolean): CallRecord {
    const id = str(body.id) ?? str(body.callId);
    if (id) {
      const call = state.calls.find((c) => c.callID === id);
      if (!call) throw new AdminError(404, `no call ${id}`);
      return call;
    }
    const found = latest(state.calls.filter((c) => c.ended === !ongoing));
    if (found) return found;
    const call = newCall(state, { at: Date.now() - 60_000, callee: state.staff[0]! });
    state.calls.push(call);
    if (!ongoing) endCall(call, Date.now());
    return call;
  }
  /** A staff member: body.id, else the newest; for a deletion a new one (quietly) when only the seeded three are left. */
  function targetStaff(body: AdminBody, deleting = false): string {
    const id = str(body.id);
    if (id) return id;
    if (deleting && state.staff.length <= 3) {
      const staff = newStaff(state, 'Sandbox', `Staff ${state.counters.staff + 1}`);
      state.staff.push(staff);
      return staff.id;
    }
    return latest(state.staff)!.id;
  }
  /** A validated §3.2 body for admin writes: CINNOX's rules, reported as admin errors. */
  function adminContactBody(body: unknown, create: boolean): ContactBody {
    try {
      return contactBody(body, { create });
    } catch (error) {
      if (error instanceof CinnoxError) throw new AdminError(400, error.message);
      throw error;
    }
  }

  /**
   * Each kind of sandbox/event-kinds.ts made to happen with sensible defaults (the body may name the record and
   * values). Typed by the table: a kind added there without its maker here does not type-check.
   */
  const makeEvent: Record<EventKind, (body: AdminBody) => object> = {
    'contact.created': (body) => {
      const { id: _id, ...fields } = body;
      const values =
        Object.keys(fields).length > 0
          ? fields
          : {
              firstName: 'Sandbox',
              lastName: `Contact ${state.counters.contact + 1}`,
              phones: [{ type: 'Mobile', phone: '+85291234567' }],
            };
      return world.createContact(adminContactBody(values, true));
    },
    'contact.edited': (body) => {
      const id = targetContact(body);
      const { id: _id, ...fields } = body;
      const values = Object.keys(fields).length > 0 ? fields : { jobTitle: `Edited ${iso(Date.now())}` };
      const result = world.editContact(id, adminContactBody(values, false));
      if (!result) throw new AdminError(404, `no contact ${id}`);
      return result;
    },
    'contact.merged': (body) => {
      const id = targetContact(body);
      let from = str(body.from);
      if (!from) {
        const survivor = findContact(state, id);
        from = world.createContact(
          {
            firstName: survivor?.firstName || 'Sandbox',
            lastName: survivor?.lastName || 'Duplicate',
            emails: [{ type: 'Other', email: `duplicate.${state.counters.contact + 1}@example.com` }],
          },
          true,
        ).record.id;
      }
      return world.mergeContact(id, from);
    },
    'contact.transferred': (body) => {
      const id = targetContact(body);
      const contact = findContact(state, id);
      const to = str(body.toOwnerID) ?? state.staff.find((s) => s.id !== contact?.ownerId)?.id ?? state.staff[0]!.id;
      return world.transferContact(id, to);
    },
    'contact.deleted': (body) => world.deleteContact(targetContact(body)),
    'enquiry.opened': (body) => world.openEnquiry(body as EnquiryOptions),
    'enquiry.handling': (body) => world.moveEnquiry(targetEnquiry(body, true), 'handling', str(body.staffId)),
    'enquiry.closed': (body) => world.moveEnquiry(targetEnquiry(body, false), 'closed'),
    'enquiry.missed': (body) => world.moveEnquiry(targetEnquiry(body, true), 'missed'),
    'sms.receipt': (body) => {
      let transactionID = str(body.transactionID);
      if (!transactionID) {
        const sender = String(allNumbers(state).find((n) => n.supportSMS)?.Number);
        transactionID = world.sendSms(
          {
            senderNumber: sender,
            recipientNumbers: [str(body.recipientNumber) ?? '+85298765432'],
            text: 'Sandbox SMS',
          },
          true,
        ).records[0]!.transactionID;
      }
      const record = state.sms.find((s) => s.transactionID === transactionID);
      return world.smsReceipt(
        transactionID,
        str(body.Status) ?? str(body.status) ?? record?.receiptStatus ?? 'Delivered',
        str(body.Exception) ?? str(body.exception),
      );
    },
    'label.created': (body) =>
      world.createLabel(
        str(body.name) ?? `Sandbox label ${state.counters.label + 1}`,
        str(body.colorCode) ?? '#43A047',
      ),
    'label.edited': (body) => {
      const id = targetLabel(body);
      const changes =
        body.name === undefined && body.colorCode === undefined
          ? { name: `Edited label ${state.counters.label}`, colorCode: '#FB8C00' }
          : body;
      return world.editLabel(id, changes);
    },
    'label.deleted': (body) => world.deleteLabel(targetLabel(body)),
    'sms.inbound': (body) =>
      world.receiveSms(
        str(body.senderNumber) ?? '+85298765432',
        str(body.recipientNumber) ?? state.numbers['access-numbers'][0]!.Number,
        str(body.content) ?? 'YES, please call me back tomorrow morning.',
      ),
    'call.started': (body) => {
      const callee = staffById(str(body.staffId) ?? state.staff[1]?.id ?? state.staff[0]!.id);
      if (!callee) throw new AdminError(400, `no staff ${body.staffId}`);
      return world.startCall(callee, str(body.callerNumber));
    },
    'call.ended': (body) => world.endCall(targetCall(body, true)),
    'recording.ready': (body) => world.recording(targetCall(body, false), 'success'),
    'recording.failed': (body) => world.recording(targetCall(body, false), 'fail'),
    'staff.created': (body) =>
      world.createStaff(str(body.firstName) ?? 'Sandbox', str(body.lastName) ?? `Staff ${state.counters.staff + 1}`),
    'staff.edited': (body) => world.editStaff(targetStaff(body), { jobTitle: str(body.jobTitle) }),
    'staff.deleted': (body) => world.deleteStaff(targetStaff(body, true)),
  };

  type AdminRoute = [method: string, path: RegExp, handler: (body: AdminBody, params: string[], url: URL) => unknown];
  const admin: AdminRoute[] = [
    // Faults on demand (sandbox/faults.ts): list, set one ({"fault": "POST /sms=reset*1"}), clear them all.
    ['GET', /^\/faults$/, () => ({ faults: faults.list() })],
    [
      'POST',
      /^\/faults$/,
      (body) => {
        try {
          faults.set(parseFault(String(body.fault ?? '')));
        } catch (error) {
          if (error instanceof FaultError) throw new AdminError(400, error.message);
          throw error;
        }
        return { faults: faults.list() };
      },
    ],
    [
      'DELETE',
      /^\/faults$/,
      () => {
        faults.clear();
        return { faults: [] };
      },
    ],
    ['GET', /^\/state$/, () => ({ config: { ...config }, ...snapshot(state) })],
    [
      'POST',
      /^\/reset$/,
      () => {
        hooks.cancelAll();
        rateLog = new Map();
        Object.assign(state, createState({ serviceId: config.serviceId, appId: config.appId }));
        log('reset');
        return { ok: true };
      },
    ],
    ['GET', /^\/config$/, () => ({ ...config })],
    [
      'POST',
      /^\/config$/,
      (body) => {
        try {
          patchConfig(config, body);
        } catch (error) {
          throw new AdminError(400, (error as Error).message);
        }
        return { ...config };
      },
    ],
    ['GET', /^\/events$/, () => ({ kinds: EVENT_KINDS, events: state.events })],
    [
      'POST',
      /^\/events\/([a-z]+\.[a-z]+)$/,
      (body, [kind]) => {
        if (!kind || !isEventKind(kind))
          throw new AdminError(404, `unknown event kind ${kind} (kinds: ${EVENT_KINDS.join(', ')})`);
        return { ok: true, kind, ...makeEvent[kind](body) };
      },
    ],
    [
      'GET',
      /^\/deliveries$/,
      (_body, _params, url) => {
        const q = url.searchParams;
        return state.deliveries.filter((d) =>
          (['subscription', 'event', 'status', 'eventId'] as const).every((k) => !q.get(k) || d[k] === q.get(k)),
        );
      },
    ],
    ['POST', /^\/contacts$/, (body) => makeEvent['contact.created'](body)],
    ['PATCH', /^\/contacts\/([^/]+)$/, (body, [id]) => makeEvent['contact.edited']({ ...body, id })],
    ['DELETE', /^\/contacts\/([^/]+)$/, (_body, [id]) => world.deleteContact(id!)],
    ['POST', /^\/contacts\/([^/]+)\/merge$/, (body, [id]) => makeEvent['contact.merged']({ ...body, id })],
    ['POST', /^\/contacts\/([^/]+)\/transfer$/, (body, [id]) => makeEvent['contact.transferred']({ ...body, id })],
    ['POST', /^\/enquiries$/, (body) => world.openEnquiry(body as EnquiryOptions)],
    [
      'POST',
      /^\/enquiries\/([^/]+)\/(handle|close|miss)$/,
      (body, [id, action]) =>
        world.moveEnquiry(
          id!,
          action === 'handle' ? 'handling' : action === 'close' ? 'closed' : 'missed',
          str(body.staffId),
        ),
    ],
    [
      'POST',
      /^\/enquiries\/([^/]+)\/chat$/,
      (body, [id]) => {
        // how many chat messages the enquiry has (over CHAT_LOG_MAX_MESSAGES: 6451013).
        const enquiry = findEnquiry(state, id!);
        if (!enquiry) throw new AdminError(404, `no enquiry ${id}`);
        const n = Number(body.messages);
        if (!Number.isInteger(n) || n < 0) throw new AdminError(400, 'messages must be a whole number');
        state.chatLength[enquiry._id] = n;
        return { ok: true, enquiry: enquiry._id, messages: n };
      },
    ],
    ['POST', /^\/labels$/, (body) => makeEvent['label.created'](body)],
    ['PATCH', /^\/labels\/([^/]+)$/, (body, [id]) => makeEvent['label.edited']({ ...body, id })],
    ['DELETE', /^\/labels\/([^/]+)$/, (_body, [id]) => world.deleteLabel(id!)],
    [
      'POST',
      /^\/sms\/([^/]+)\/receipt$/,
      (body, [transactionID]) => makeEvent['sms.receipt']({ ...body, transactionID }),
    ],
  ];

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.slice(ADMIN_PREFIX.length) || '/';
    try {
      const { json } = await readBody(req);
      if (typeof json === 'symbol') throw new AdminError(400, 'the request body is not JSON');
      if (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json)))
        throw new AdminError(400, 'the request body must be a JSON object');
      let pathMatched = false;
      for (const [m, pattern, handler] of admin) {
        const match = pattern.exec(path);
        if (!match) continue;
        pathMatched = true;
        if (m !== method) continue;
        const result = await handler(
          (json ?? {}) as AdminBody,
          match.slice(1).map((p) => decodeURIComponent(p)),
          url,
        );
        send(res, 200, result);
        return;
      }
      throw new AdminError(pathMatched ? 405 : 404, `no admin route ${method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof AdminError) send(res, error.status, { error: error.message });
      else if (error instanceof CinnoxError) send(res, 400, { error: error.message });
      else {
        log(`admin error: ${(error as Error).stack}`);
        send(res, 500, { error: String((error as Error).message) });
      }
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const handled = url.pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, url)
      : url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)
        ? handleAdmin(req, res, url)
        : Promise.resolve(
            url.pathname === '/'
              ? send(res, 200, { sandbox: 'cinnox', apiRoot: `${API_PREFIX}${config.appId}`, admin: ADMIN_PREFIX })
              : send(res, 404, {
                  code: CODES.methodNotFound,
                  message: `method not found, method: ${req.method} url: ${url.pathname}`,
                }),
          );
    handled.catch((error: unknown) => {
      log(`unhandled: ${(error as Error | undefined)?.stack ?? error}`);
      if (!res.headersSent)
        send(res, 500, { code: CODES.badServiceResponse, message: 'Bad response from the service' });
    });
  });

  return {
    server,
    state,
    config,
    world,
    listen(port: number = config.port, host: string = config.host): Promise<ListenInfo> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
          const baseUrl = `http://${shown}:${address.port}`;
          resolve({
            sandbox: 'cinnox',
            baseUrl,
            apiRoot: `${baseUrl}${API_PREFIX}${encodeURIComponent(config.appId)}`,
            adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
            appId: config.appId,
            appToken: config.appToken,
            port: address.port,
          });
        });
      });
    },
    /** Stops retries and the server (open connections are closed). */
    close(): Promise<void> {
      hooks.cancelAll();
      for (const held of holding) held.socket?.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}
