import { contactCreated } from './contact_created';
import { contactEdited } from './contact_edited';
import { contactMerged } from './contact_merged';
import { contactOwnershipTransferred } from './contact_ownership_transferred';
import { contactDeleted } from './contact_deleted';
import { enquiryOpened } from './enquiry_opened';
import { enquiryHandling } from './enquiry_handling';
import { enquiryClosed } from './enquiry_closed';
import { enquiryMissed } from './enquiry_missed';
import { smsDeliveryReceipt } from './sms_delivery_receipt';
import { labelCreated } from './label_created';
import { labelEdited } from './label_edited';
import { labelDeleted } from './label_deleted';
import { senderNumberList } from './sender-number-list';
import { staffList } from './staff-list';

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
  staff_list: staffList,
  sender_number_list: senderNumberList,
};
