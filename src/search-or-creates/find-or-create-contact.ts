import type { SearchOrCreate } from 'zapier-platform-core';

/**
 * Find or Create External Contact: the contact found by full name (one exact match: the search refuses two) is
 * updated with the Zap's values where Zapier offers the update (Update External Contact, its External Contact ID
 * from the found contact's ID), else created. Zapier's unique-match check compares Full Name with the found
 * contact's Full Name (zapier-platform-schema 19 `SearchOrCreateSchema`; the update keys are marked experimental).
 * Its key is its search's, as Zapier requires.
 */
export default {
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
} satisfies SearchOrCreate;
