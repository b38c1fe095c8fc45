// Webhook payloads, in the shapes ../shared/cinnox-open-api.md documents (and contract.ts A12 assumes):
// - contact events: the Open API envelope {type: 'message', challenge, message: {type: 'contact', status, …}} (§3.5)
// - enquiry events: flat {type: 'inquiry', status, eid, displayCaseNumber, …} (§2.5)
// - outbound SMS receipts: PascalCase {Type: 'tdr', AppID, …} (§1.10)
// - label events: the envelope with message.type 'label' (A12: status create / update / deleted)
import { fullName, iso } from './state.mjs';

/** A12 / EVENT_STATUS in src/cinnox/contract.ts */
export const CONTACT_STATUS = {
  created: 'create',
  edited: 'edit',
  merged: 'merge',
  transferred: 'transfer',
  deleted: 'delete',
};
export const ENQUIRY_STATUS = { opened: 'Opened', handling: 'Handling', closed: 'Closed', missed: 'Missed' };
export const LABEL_STATUS = { created: 'create', edited: 'update', deleted: 'deleted' };

/**
 * @param {string} serviceId
 * @param {keyof typeof CONTACT_STATUS} what
 * @param {Record<string, any>} contact
 * @param {{fromOwnerID?: string, toOwnerID?: string}} [extra]
 */
export function contactEvent(serviceId, what, contact, extra = {}) {
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

/** Enquiry Details' destinationType → the notification's destinationTypes (the spec lists STAFF, PSTN, TRUNK). */
const DESTINATION_TYPES = { STAFF: 'STAFF', PHONE: 'PSTN', TRUNK: 'TRUNK' };
/** Enquiry Details' channel → the notification's channel list (§2.5). */
const NOTIFICATION_CHANNEL = {
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

/**
 * @param {string} serviceId
 * @param {keyof typeof ENQUIRY_STATUS} what
 * @param {Record<string, any>} enquiry
 */
export function enquiryEvent(serviceId, what, enquiry) {
  const channel = NOTIFICATION_CHANNEL[/** @type {keyof typeof NOTIFICATION_CHANNEL} */ (enquiry.channel)] ?? 'CINNOX';
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
    destinationTypes:
      DESTINATION_TYPES[/** @type {keyof typeof DESTINATION_TYPES} */ (enquiry.destinationType)] ??
      enquiry.destinationType,
  };
}

/**
 * §1.10: RecipientNumber is a JSON number (country code + number, no "+"); ResponseCode blank unless
 * Undelivered / Rejected ("400"); Exception blank unless it failed.
 * @param {string} appId
 * @param {string} serviceId
 * @param {Record<string, any>} sms  a record of state.sms
 */
export function smsReceipt(appId, serviceId, sms) {
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

/**
 * @param {string} serviceId
 * @param {keyof typeof LABEL_STATUS} what
 * @param {Record<string, any>} label
 */
export function labelEvent(serviceId, what, label) {
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
