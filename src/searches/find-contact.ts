/**
 * Find External Contact by full name (A7: the contact list filtered by `fullName`). Exact match only:
 * the name is compared after trimming and collapsing inner whitespace, ignoring upper / lower case;
 * whatever looser matches CINNOX returns are dropped. No match (CINNOX's 6451011 included) is `[]`.
 */
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { validateInput, toInputFields } from '../schemas';
import { FIND_CONTACT_FIELDS } from '../schemas/contact';
import { FOUND_CONTACT_OUTPUT_FIELDS, contactFullName, toFoundContact } from '../schemas/contact-map';

/** The form names are compared in: whitespace collapsed, Unicode NFC, lower case. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').normalize('NFC').toLocaleLowerCase('en');

const perform = async (z: ZObject, bundle: Bundle) => {
  const parsed = await validateInput(z, FIND_CONTACT_FIELDS, bundle.inputData);
  const fullName = String(parsed.full_name).replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  const records = await cinnox.findContactsByName(z, bundle, fullName);
  return records.filter((record) => record?.id !== undefined && nameKey(contactFullName(record)) === wanted).map(toFoundContact);
};

export default defineSearch({
  key: 'find_contact',
  noun: 'External Contact',
  display: {
    label: 'Find External Contact',
    description: 'Finds an external contact in CINNOX by full name (first and last name, exact match).',
  },
  operation: {
    inputFields: toInputFields(FIND_CONTACT_FIELDS),
    perform,
    sample: {
      id: '6f1c2d3e4a5b6c7d8e9f0a1b',
      firstName: 'Ann',
      lastName: 'Lee',
      mobilePhone: '85294667788',
      workPhone: null,
      homePhone: null,
      otherPhone: null,
      email: 'ann.lee@example.com',
      personalEmail: null,
      otherEmail: null,
      facebook: null,
      whatsApp: '85294667788',
      weChat: null,
      line: null,
      twitter: null,
      linkedin: null,
      woztellWhatsApp: null,
      woztellFacebook: null,
      woztellInstagram: null,
      companyName: 'Example Ltd',
      department: 'Procurement',
      jobTitle: 'Buyer',
      birthday: '31/05/1990',
      language: 'en',
      addresses: { street: "1 Queen's Road Central", city: 'Hong Kong', state: 'Hong Kong Island', zipcode: '999077', country: 'HK' },
      customerType: 'Customer',
      group: 'VIP',
      level: 'Primary',
      ownerID: '5e0f1a2b3c4d5e6f7a8b9c0d',
      ownerName: 'Ben Chan',
      ownerDepartment: 'Sales',
      sharedWith: '5e0f1a2b3c4d5e6f7a8b9c0e',
      slavecontacts: null,
    },
    outputFields: FOUND_CONTACT_OUTPUT_FIELDS,
  },
});
