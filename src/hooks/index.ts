/** The REST-hook machinery the instant triggers share, and what each event group gives its triggers. */
export { defineHookTrigger, oneZapNote, topKeysOf } from './factory';
export { GROUPS } from './groups';
export {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  CONTACT_EVENT_DETAIL_FIELDS,
  CONTACT_EVENT_FIELDS,
  CONTACT_TRIGGER,
  OWNER_TRANSFER_FIELDS,
  contactDetailSample,
  contactDetails,
  contactEventSample,
  hydrators,
} from './groups/contact';
export { ENQUIRY_FIELDS, ENQUIRY_TRIGGER, enquiryEventSample } from './groups/enquiry';
export {
  LABEL_BASE_FIELDS,
  LABEL_COLOUR_FIELDS,
  LABEL_FIELDS,
  LABEL_TRIGGER,
  colouredLabelSample,
  labelEventSample,
} from './groups/label';
export { SMS_RECEIPT_FIELDS, SMS_RECEIPT_TRIGGER } from './groups/sms-receipt';
export {
  subscribe,
  unsubscribe,
  subscriptionRefusedMessage,
  subscriptionTakenMessage,
  type SubscribeData,
} from './subscription';
