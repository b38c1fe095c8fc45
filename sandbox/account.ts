// What can happen in the account: each change the admin API (admin.ts) or an Open API write (api-routes.ts)
// makes to the seeded account (state.ts), and the event it emits (unless `quiet`, used for setup), delivered
// by webhooks.ts. `world` is what createSandbox (app.ts) hands out; a refusal is an AdminError.
import { randomUUID } from 'node:crypto';
import segments from 'sms-segments-calculator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { SandboxConfig } from './config.ts';
import {
  callEvent,
  contactEvent,
  enquiryEvent,
  inboundSmsEvent,
  labelEvent,
  recordingEvent,
  smsReceipt,
  staffEvent,
} from './events.ts';
import { AdminError } from './http.ts';
import {
  applyContactBody,
  closeEnquiry,
  colorName,
  endCall,
  findContact,
  findEnquiry,
  handleEnquiry,
  inboundSms,
  iso,
  missEnquiry,
  newCall,
  newContact,
  newEnquiry,
  newLabel,
  newStaff,
  type CallRecord,
  type EnquiryOptions,
  type SmsRecord,
  type Staff,
  type State,
} from './state.ts';
import type { ContactBody, SendSms } from './validate.ts';
import type { createWebhooks } from './webhooks.ts';

const { SegmentedMessage } = segments;

/** Recipients whose number ends in these digits get an "Undelivered" receipt (to show a failed SMS). */
export const UNDELIVERABLE_SUFFIX = '99999';

/** The "contains, ignoring case and repeated spaces" match CINNOX may do on fullName (A7). */
export const folded = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** What every part of the sandbox shares, made once by createSandbox (app.ts). */
export interface Shared {
  config: SandboxConfig;
  state: State;
  hooks: ReturnType<typeof createWebhooks>;
  log: (line: string) => void;
}

/** The account's changes (`world`) and the staff look-up the routes share. */
export type Account = ReturnType<typeof createAccount>;

export function createAccount({ config, state, hooks }: Shared) {
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

  return { world, staffById };
}
