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
import { inboundSmsReceived } from './inbound-sms-received';
import { callStarted } from './call-started';
import { callEnded } from './call-ended';
import { recordingReady } from './recording-ready';
import { staffCreated } from './staff-created';
import { staffEdited } from './staff-edited';
import { staffDeleted } from './staff-deleted';
import { contactEvent } from './contact-event';
import { enquiryEvent } from './enquiry-event';
import type { Example } from '../examples';
import * as newCall from './new-call';
import * as newOrUpdatedEnquiry from './new-or-updated-enquiry';
import * as newOrUpdatedSms from './new-or-updated-sms';
import * as labelList from './label-list';
import * as otpSenderList from './otp-sender-list';
import * as senderNumberList from './sender-number-list';
import * as staffList from './staff-list';

/** Every trigger, by key: the instant (REST hook) triggers, the scheduled ones on the reports, the hidden drop-downs. */
export const triggers = {
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
  inbound_sms_received: inboundSmsReceived,
  call_started: callStarted,
  call_ended: callEnded,
  recording_ready: recordingReady,
  staff_created: staffCreated,
  staff_edited: staffEdited,
  staff_deleted: staffDeleted,
  contact_event: contactEvent,
  enquiry_event: enquiryEvent,
  new_call: newCall.newCall,
  new_or_updated_enquiry: newOrUpdatedEnquiry.newOrUpdatedEnquiry,
  new_or_updated_sms: newOrUpdatedSms.newOrUpdatedSms,
  staff_list: staffList.staffList,
  sender_number_list: senderNumberList.senderNumberList,
  otp_sender_list: otpSenderList.otpSenderList,
  label_list: labelList.labelList,
};

/**
 * The scheduled triggers' and drop-downs' example inputs (src/examples.ts); an instant trigger's input is the event the tour makes
 * happen in the sandbox (sandbox/event-kinds.ts).
 */
export const triggerExamples: Partial<Record<keyof typeof triggers, Example>> = {
  new_call: newCall.example,
  new_or_updated_enquiry: newOrUpdatedEnquiry.example,
  new_or_updated_sms: newOrUpdatedSms.example,
  staff_list: staffList.example,
  sender_number_list: senderNumberList.example,
  otp_sender_list: otpSenderList.example,
  label_list: labelList.example,
};
