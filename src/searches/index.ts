/** Every search, by key, each with its example input (src/examples.ts), and the search-or-create pair. */
import type { Example } from '../examples';
import * as findContact from './find-contact';
import * as findEnquiry from './find-enquiry';
import * as findLabel from './find-label';
import * as findNumbers from './find-numbers';
import * as findStaff from './find-staff';
import * as getEnquiryTranscript from './get-enquiry-transcript';

export const searches = {
  find_contact: findContact.findContact,
  find_numbers: findNumbers.findNumbers,
  find_enquiry: findEnquiry.findEnquiry,
  find_staff: findStaff.findStaff,
  find_label: findLabel.findLabel,
  get_enquiry_transcript: getEnquiryTranscript.getEnquiryTranscript,
};

export const searchExamples: Record<keyof typeof searches, Example> = {
  find_contact: findContact.example,
  find_numbers: findNumbers.example,
  find_enquiry: findEnquiry.example,
  find_staff: findStaff.example,
  find_label: findLabel.example,
  get_enquiry_transcript: getEnquiryTranscript.example,
};
/**
 * Find or Create External Contact: the contact found by full name (one exact match: the search refuses two) is
 * updated with the Zap's values where Zapier offers the update (Update External Contact, its External Contact ID
 * from the found contact's ID), else created. Zapier's unique-match check compares Full Name with the found
 * contact's Full Name (zapier-platform-schema 19 `SearchOrCreateSchema`; the update keys are marked experimental).
 */
export const searchOrCreates = {
  find_contact: {
    key: 'find_contact',
    display: {
      label: 'Find or Create External Contact',
      description:
        'Finds an external contact by full name and updates it with your values where Zapier offers that, or creates it when none matches.',
    },
    search: 'find_contact',
    create: 'create_contact',
    update: 'update_contact',
    updateInputFromSearchOutput: { contact_id: 'id' },
    searchUniqueInputToOutputConstraint: { full_name: 'fullName' },
  },
};
