import { createContact } from './create-contact';
import { sendImToRoom } from './send-im-to-room';
import { sendImToStaff } from './send-im-to-staff';
import { sendSms } from './send-sms';
import { updateContact } from './update-contact';
// Beyond the product guide: Send OTP SMS, enquiry labels, staff and label look-ups, transcripts.
import { addEnquiryLabels } from './add-enquiry-labels';
import { removeEnquiryLabels } from './remove-enquiry-labels';
import { sendOtpSms } from './send-otp-sms';

export const creates = {
  create_contact: createContact,
  update_contact: updateContact,
  send_sms: sendSms,
  send_im_to_staff: sendImToStaff,
  send_im_to_room: sendImToRoom,
  // Beyond the product guide: Send OTP SMS, enquiry labels, staff and label look-ups, transcripts.
  send_otp_sms: sendOtpSms,
  add_enquiry_labels: addEnquiryLabels,
  remove_enquiry_labels: removeEnquiryLabels,
};
