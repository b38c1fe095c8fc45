/** Every action, by key, each with its example input (src/examples.ts). */
import type { Example } from '../examples';
import * as addEnquiryLabels from './add-enquiry-labels';
import * as createContact from './create-contact';
import * as createOrUpdateContact from './create-or-update-contact';
import * as removeEnquiryLabels from './remove-enquiry-labels';
import * as sendImToRoom from './send-im-to-room';
import * as sendImToStaff from './send-im-to-staff';
import * as sendOtpSms from './send-otp-sms';
import * as sendSms from './send-sms';
import * as updateContact from './update-contact';

export const creates = {
  create_contact: createContact.createContact,
  update_contact: updateContact.updateContact,
  send_sms: sendSms.sendSms,
  send_im_to_staff: sendImToStaff.sendImToStaff,
  send_im_to_room: sendImToRoom.sendImToRoom,
  send_otp_sms: sendOtpSms.sendOtpSms,
  add_enquiry_labels: addEnquiryLabels.addEnquiryLabels,
  remove_enquiry_labels: removeEnquiryLabels.removeEnquiryLabels,
  create_or_update_contact: createOrUpdateContact.createOrUpdateContact,
};

export const createExamples: Record<keyof typeof creates, Example> = {
  create_contact: createContact.example,
  update_contact: updateContact.example,
  send_sms: sendSms.example,
  send_im_to_staff: sendImToStaff.example,
  send_im_to_room: sendImToRoom.example,
  send_otp_sms: sendOtpSms.example,
  add_enquiry_labels: addEnquiryLabels.example,
  remove_enquiry_labels: removeEnquiryLabels.example,
  create_or_update_contact: createOrUpdateContact.example,
};
