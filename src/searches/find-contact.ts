/**
 * Find External Contact by full name (A7: the contact list filtered by `fullName`). Exact match only:
 * the name is compared after trimming and collapsing inner whitespace, ignoring upper / lower case;
 * whatever looser matches CINNOX returns are dropped. Every candidate page is read (bounded: CONTACT_SEARCH_MAX_PAGES);
 * no match (CINNOX's 6451011 included) is `[]` only when every candidate was read, else an error.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { CONTACT_SEARCH_MAX_PAGES, cinnox } from '../cinnox/client';
import { LIST_PAGE_MAX } from '../cinnox/contract';
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
  const pages = await cinnox.findContactsByName(z, bundle, fullName);
  const matches = pages.records
    .filter((record) => record?.id !== undefined && nameKey(contactFullName(record)) === wanted)
    .map(toFoundContact);
  // Never "no match" without having looked at every candidate: Find or Create would create a second copy.
  if (matches.length > 0 || pages.end === 'complete') return matches;
  if (pages.end === 'bound')
    throw new z.errors.Error(
      `Find External Contact read ${pages.records.length.toLocaleString('en')} candidates for Full Name "${fullName}" (${CONTACT_SEARCH_MAX_PAGES} requests of ${LIST_PAGE_MAX}) without reaching the end of CINNOX's answer, and none matched exactly: too many candidates. CINNOX may be ignoring the name filter (A7), so the app cannot tell whether "${fullName}" exists and does not answer "no match" (Find or Create would then create a second copy). Report this to the app's developers.`,
      'CinnoxTooManyCandidates',
      400,
    );
  throw new z.errors.Error(
    `Find External Contact could not read every candidate for Full Name "${fullName}": CINNOX answered the request for candidates ${pages.offset + 1} onwards with candidates it had already sent, so it may be ignoring offset, and the name filter (A7). The app does not answer "no match" without having looked at every candidate (Find or Create would then create a second copy). Report this to the app's developers.`,
    'CinnoxPagingIgnored',
    400,
  );
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
