import { contactCreated } from './contact-created';
import { contactEdited } from './contact-edited';
import { contactMerged } from './contact-merged';
import { contactOwnershipTransferred } from './contact-ownership-transferred';
import { contactDeleted } from './contact-deleted';
import { enquiryOpened } from './enquiry-opened';
import { enquiryHandling } from './enquiry-handling';
import { enquiryClosed } from './enquiry-closed';
import { enquiryMissed } from './enquiry-missed';
import { smsDeliveryReceipt } from './sms-delivery-receipt';
import { labelCreated } from './label-created';
import { labelEdited } from './label-edited';
import { labelDeleted } from './label-deleted';
import { senderNumberList } from './sender-number-list';
import { staffList } from './staff-list';
// the nine new instant triggers.
import { inboundSmsReceived } from './inbound-sms-received';
import { callStarted } from './call-started';
import { callEnded } from './call-ended';
import { recordingReady } from './recording-ready';
import { staffCreated } from './staff-created';
import { staffEdited } from './staff-edited';
import { staffDeleted } from './staff-deleted';
import { contactEvent } from './contact-event';
import { enquiryEvent } from './enquiry-event';
// drop-downs.
import { labelList } from './label-list';
import { otpSenderList } from './otp-sender-list';

export const triggers = {
  // The 13 instant (REST hook) triggers.
  contact_created: contactCreated,
  contact_edited: contactEdited,
  contact_merged: contactMerged,
  contact_ownership_transferred: contactOwnershipTransferred,
  contact_deleted: contactDeleted,
  enquiry_opened: enquiryOpened,
  enquiry_handling: enquiryHandling,
  enquiry_closed: enquiryClosed,
  enquiry_missed: enquiryMissed,
  sms_delivery_receipt: smsDeliveryReceipt,
  label_created: labelCreated,
  label_edited: labelEdited,
  label_deleted: labelDeleted,
  // the nine new instant triggers.
  inbound_sms_received: inboundSmsReceived,
  call_started: callStarted,
  call_ended: callEnded,
  recording_ready: recordingReady,
  staff_created: staffCreated,
  staff_edited: staffEdited,
  staff_deleted: staffDeleted,
  contact_event: contactEvent,
  enquiry_event: enquiryEvent,
  staff_list: staffList,
  sender_number_list: senderNumberList,
  // drop-downs.
  otp_sender_list: otpSenderList,
  label_list: labelList,
};
