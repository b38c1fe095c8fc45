/**
 * Find External Contact by full name (A7: the contact list filtered by `fullName`). Exact match only:
 * the name is compared after trimming and collapsing inner whitespace, ignoring upper / lower case;
 * whatever looser matches CINNOX returns are dropped. No match (CINNOX's 6451011 included) is `[]`.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { nameKey } from '../cinnox/values';
import { FIND_CONTACT_FIELDS } from '../fields/contacts';
import { toInputFields } from '../fields/spec';
import { FOUND_CONTACT_OUTPUT_FIELDS, FOUND_CONTACT_SAMPLE, contactFullName, toFoundContact } from '../records/contact';
import { validateInput } from '../validation';

/** The form names are compared in (shared with Find Staff Member and Find Label): src/cinnox/values.ts. */
export { nameKey };

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_CONTACT_FIELDS, bundle.inputData);
  const fullName = input.full_name.replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  const records = await cinnox.findContactsByName(z, bundle, fullName);
  return records
    .filter((record) => record?.id !== undefined && nameKey(contactFullName(record)) === wanted)
    .map(toFoundContact);
}) satisfies SearchPerform;

export const findContact = defineSearch({
  key: 'find_contact',
  noun: 'External Contact',
  display: {
    label: 'Find External Contact',
    description: 'Finds an external contact in CINNOX by full name (first and last name, exact match).',
  },
  operation: {
    inputFields: toInputFields(FIND_CONTACT_FIELDS),
    perform,
    sample: { ...FOUND_CONTACT_SAMPLE },
    outputFields: FOUND_CONTACT_OUTPUT_FIELDS,
  },
});
