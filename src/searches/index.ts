import { findContact } from './find-contact';
import { findEnquiry } from './find-enquiry';
import { findNumbers } from './find-numbers';

export const searches = {
  find_contact: findContact,
  find_numbers: findNumbers,
  find_enquiry: findEnquiry,
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
