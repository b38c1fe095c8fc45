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
} from './groups/contact';
export {
  ENQUIRY_CLOSED_FIELDS,
  ENQUIRY_CLOSED_SAMPLE,
  ENQUIRY_FIELDS,
  ENQUIRY_TRIGGER,
  enquiryEventSample,
  enquiryTranscript,
} from './groups/enquiry';
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

// inbound SMS, call, recording and staff groups; the app's hydrators.
import { callDetails } from './groups/call';
import { hydrators as contactHydrators } from './groups/contact';
import { enquiryTranscript, enquiryTranscriptFile } from './groups/enquiry';
import { transcriptTextFile } from '../records/transcript-file';
export {
  CALL_DETAILS_SAMPLE,
  CALL_ENDED_FIELDS,
  CALL_ENDED_SAMPLE,
  CALL_STARTED_FIELDS,
  CALL_STARTED_SAMPLE,
  CALL_TRIGGER,
  callDetails,
} from './groups/call';
export { INBOUND_SMS_SAMPLE, INBOUND_SMS_TRIGGER } from './groups/inbound-sms';
export { RECORDING_SAMPLE, RECORDING_TRIGGER } from './groups/recording';
export { STAFF_TRIGGER, staffEventSample } from './groups/staff';
export { chosenStatuses, type StatusChoice } from './factory';

/**
 * Every hydrator of the app (registered in index.ts): contact details, call details, enquiry transcript, and the
 * transcript's .txt file (from the chat, or from Get Enquiry Transcript's text).
 */
export const hydrators = {
  ...contactHydrators,
  callDetails,
  enquiryTranscript,
  enquiryTranscriptFile,
  transcriptTextFile,
};
