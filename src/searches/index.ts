import { findContact } from './find-contact';
import { findEnquiry } from './find-enquiry';
import { findNumbers } from './find-numbers';
// Beyond the product guide: Send OTP SMS, enquiry labels, staff and label look-ups, transcripts.
import { findLabel } from './find-label';
import { findStaff } from './find-staff';
import { getEnquiryTranscript } from './get-enquiry-transcript';

export const searches = {
  find_contact: findContact,
  find_numbers: findNumbers,
  find_enquiry: findEnquiry,
  // Beyond the product guide: Send OTP SMS, enquiry labels, staff and label look-ups, transcripts.
  find_staff: findStaff,
  find_label: findLabel,
  get_enquiry_transcript: getEnquiryTranscript,
};
export const searchOrCreates = {
  find_contact: {
    key: 'find_contact',
    display: {
      label: 'Find or Create External Contact',
      description: 'Finds an external contact by full name, or creates it when none matches.',
    },
    search: 'find_contact',
    create: 'create_contact',
  },
};
