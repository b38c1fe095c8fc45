import { createContact } from './create-contact';
import { sendImToRoom } from './send-im-to-room';
import { sendImToStaff } from './send-im-to-staff';
import { sendSms } from './send-sms';
import { updateContact } from './update-contact';
// Issue 12 part B.
import { addEnquiryLabels } from './add-enquiry-labels';
import { removeEnquiryLabels } from './remove-enquiry-labels';
import { sendOtpSms } from './send-otp-sms';

export const creates = {
  create_contact: createContact,
  update_contact: updateContact,
  send_sms: sendSms,
  send_im_to_staff: sendImToStaff,
  send_im_to_room: sendImToRoom,
  // Issue 12 part B.
  send_otp_sms: sendOtpSms,
  add_enquiry_labels: addEnquiryLabels,
  remove_enquiry_labels: removeEnquiryLabels,
};
