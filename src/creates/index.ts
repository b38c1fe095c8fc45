import { createContact } from './create-contact';
import { sendImToRoom } from './send-im-to-room';
import { sendImToStaff } from './send-im-to-staff';
import { sendSms } from './send-sms';
import { updateContact } from './update-contact';

export const creates = {
  create_contact: createContact,
  update_contact: updateContact,
  send_sms: sendSms,
  send_im_to_staff: sendImToStaff,
  send_im_to_room: sendImToRoom,
};
