/** The REST-hook machinery the 13 instant triggers share. */
export { defineHookTrigger, oneZapNote, topKeysOf, type OutputFieldSpec } from './factory';
export {
  CONTACT_DETAIL_FIELDS,
  CONTACT_DETAILS_SAMPLE,
  contactDetails,
  contactEventSample,
  hydrators,
} from './contact-details';
export { GROUPS } from './groups';
export {
  subscribe,
  unsubscribe,
  subscriptionRefusedMessage,
  subscriptionTakenMessage,
  type SubscribeData,
} from './subscription';
export {
  CONTACT_EVENT_FIELDS,
  ENQUIRY_FIELDS,
  LABEL_BASE_FIELDS,
  LABEL_COLOUR_FIELDS,
  OWNER_TRANSFER_FIELDS,
  SMS_RECEIPT_FIELDS,
} from './fields';
