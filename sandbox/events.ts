// Webhook payloads, in the shapes the API digest documents (docs/cinnox-api.md) and the app assumes (A12):
// - contact events: the Open API envelope {type: 'message', challenge, message: {type: 'contact', status, …}} (§3.5)
// - enquiry events: flat {type: 'inquiry', status, eid, displayCaseNumber, …} (§2.5)
// - outbound SMS receipts: PascalCase {Type: 'tdr', AppID, …} (§1.10)
// - label events: the envelope with message.type 'label' (A12: status create / update / deleted)
// - inbound SMS: flat (§1.9); call, recording and staff events: the envelope (§1.8, §2.6, §3.5)
import { fullName, iso, phoneNumber } from './state.ts';
import type { CallRecord, Contact, Enquiry, Label, SmsRecord, Staff } from './state.ts';

/** A12: the status each contact event carries. */
export const CONTACT_STATUS = {
  created: 'create',
  edited: 'edit',
  merged: 'merge',
  transferred: 'transfer',
  deleted: 'delete',
} as const;
export const ENQUIRY_STATUS = { opened: 'Opened', handling: 'Handling', closed: 'Closed', missed: 'Missed' } as const;
export const LABEL_STATUS = { created: 'create', edited: 'update', deleted: 'deleted' } as const;

export function contactEvent(
  serviceId: string,
  what: keyof typeof CONTACT_STATUS,
  contact: Contact,
  extra: { fromOwnerID?: string; toOwnerID?: string } = {},
) {
  const at = iso(Date.now());
  return {
    type: 'message',
    challenge: '',
    message: {
      type: 'contact',
      status: CONTACT_STATUS[what],
      serviceId,
      id: contact.id,
      fullName: fullName(contact),
      ...(what === 'transferred' ? { fromOwnerID: extra.fromOwnerID, toOwnerID: extra.toOwnerID } : {}),
      updatedAt: at,
      date: at,
    },
  };
}

/** Enquiry Details' destinationType → the notification's destinationTypes (§2.5 lists STAFF, PSTN, TRUNK). */
const DESTINATION_TYPES: Record<string, string> = { STAFF: 'STAFF', PHONE: 'PSTN', TRUNK: 'TRUNK' };
/** Enquiry Details' channel → the notification's channel list (§2.5). */
const NOTIFICATION_CHANNEL: Record<string, string> = {
  Weblink: 'CINNOX',
  VirtualNumber: 'CINNOX',
  Email: 'EMAIL',
  ThirdParty: 'THIRDPARTY',
  FACEBOOK: 'FACEBOOK',
  WHATSAPP: 'WHATSAPP',
  WECHAT: 'WECHAT',
  LINE: 'LINE',
  WOZTELL: 'WOZTELL',
};

export function enquiryEvent(serviceId: string, what: keyof typeof ENQUIRY_STATUS, enquiry: Enquiry) {
  const channel = NOTIFICATION_CHANNEL[enquiry.channel] ?? 'CINNOX';
  return {
    type: 'inquiry',
    status: ENQUIRY_STATUS[what],
    serviceId,
    eid: enquiry._id,
    displayCaseNumber: enquiry.displayCaseNumber,
    channel,
    channelOri: channel === 'CINNOX' ? 'CINNOX' : 'Channel',
    socialId: '',
    date: iso(Date.now()),
    destination: enquiry.destinationID,
    destinationTypes: DESTINATION_TYPES[enquiry.destinationType] ?? enquiry.destinationType,
  };
}

/**
 * §1.10: RecipientNumber is a JSON number (country code + number, no "+"); ResponseCode blank unless
 * Undelivered / Rejected ("400"); Exception blank unless it failed.
 */
export function smsReceipt(appId: string, serviceId: string, sms: SmsRecord) {
  const failed = sms.receiptStatus === 'Undelivered' || sms.receiptStatus === 'Rejected';
  return {
    Type: 'tdr',
    AppID: appId,
    ServiceID: serviceId,
    TransactionID: sms.transactionID,
    RecipientNumber: Number(String(sms.recipient).replace(/\D/g, '')),
    RecipientCountry: sms.recipientCountryCode,
    ResponseCode: failed ? '400' : '',
    Status: sms.receiptStatus,
    Exception: failed ? sms.exception || 'sms send failed' : '',
  };
}

export function labelEvent(serviceId: string, what: keyof typeof LABEL_STATUS, label: Label) {
  return {
    type: 'message',
    message: {
      type: 'label',
      status: LABEL_STATUS[what],
      serviceId,
      id: label.id,
      name: label.name,
      colorCode: label.colorCode,
      updatedAt: iso(Date.now()),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// inbound SMS (flat, §1.9), call events (§1.8), recordings (§2.6), staff events (§3.5)
// ---------------------------------------------------------------------------------------------

/** §1.9: flat; senderNumber and recipientNumber JSON numbers (country code + number), receiveTime RFC3339. */
export function inboundSmsEvent(sms: SmsRecord) {
  return {
    id: sms.id,
    eventDescription: 'Inbound SMS',
    senderNumber: phoneNumber(sms.sender),
    recipientNumber: phoneNumber(sms.recipient),
    receiveTime: sms.createdAt,
    contentType: 'Text',
    content: sms.text,
  };
}

export const CALL_STATUS = { started: 'CallStart', ended: 'CallEnd' } as const;

/**
 * §1.8: CallStart carries caller and callees ({eid, number}; A23: callees a list when the call rings several
 * staff members, one object when it rings one); CallEnd only id, status and serviceId.
 */
export function callEvent(serviceId: string, what: keyof typeof CALL_STATUS, call: CallRecord) {
  const callees = call.callees.map((c) => ({ eid: c.eid, number: phoneNumber(c.number) }));
  return {
    type: 'message',
    challenge: '',
    message:
      what === 'started'
        ? {
            status: CALL_STATUS.started,
            id: call.callID,
            serviceId,
            caller: { eid: call.fromEID, number: call.caller },
            callees: callees.length === 1 ? callees[0] : callees,
          }
        : { status: CALL_STATUS.ended, id: call.callID, serviceId },
  };
}

/** §2.6: message.type call / conference, status success / fail, id the call (or conference) ID. */
export function recordingEvent(serviceId: string, status: 'success' | 'fail', call: CallRecord) {
  return { type: 'message', challenge: '', message: { type: 'call', status, serviceId, id: call.callID } };
}

export const STAFF_STATUS = { created: 'staffCreate', edited: 'staffEdit', deleted: 'staffDelete' } as const;

/** §3.5: the contact envelope; message.id and message.fullName are the staff member's. */
export function staffEvent(serviceId: string, what: keyof typeof STAFF_STATUS, staff: Staff) {
  return {
    type: 'message',
    challenge: '',
    message: { type: 'staff', status: STAFF_STATUS[what], serviceId, id: staff.id, fullName: staff.displayName },
  };
}
