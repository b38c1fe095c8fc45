/**
 * Find External Contact by full name (A7: the contact list filtered by `fullName`). Exact match only:
 * the name is compared after trimming and collapsing inner whitespace, ignoring upper / lower case;
 * whatever looser matches CINNOX returns are dropped. Every candidate page is read (bounded: CONTACT_SEARCH_MAX_PAGES);
 * no match (CINNOX's 6451011 included) is `[]` only when every candidate was read, else an error. Two or more
 * contacts of that exact name fail the step: a later step (Find or Create's update among them) would otherwise
 * take whichever CINNOX listed first.
 */
import { defineSearch, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { asText, nameKey } from '../cinnox/values';
import { FIND_CONTACT_INPUT } from '../fields/contacts';
import { inputFieldsOf, parseInput } from '../input/schema';
import {
  CONTACT_SEARCH_MAX_PAGES,
  FOUND_CONTACT_OUTPUT_FIELDS,
  FOUND_CONTACT_SAMPLE,
  contactFullName,
  findContactsByName,
  toFoundContact,
} from '../records/contact';
import { incompleteReadError, matchesWithIds } from '../records/incomplete-read';
import type { Example } from '../examples';

/** The form names are compared in (shared with Find Staff Member and Find Label): src/cinnox/values.ts. */
export { nameKey };

/** How many IDs the refusal of a name several contacts have lists. */
const AMBIGUOUS_IDS_SHOWN = 5;

/** Several contacts of one exact name: which, and what to do; no later step runs on one of them. */
function ambiguousName(z: ZObject, fullName: string, matches: { id: string }[]): Error {
  const ids = matches.slice(0, AMBIGUOUS_IDS_SHOWN).map((m) => m.id);
  const more = matches.length > ids.length ? ', …' : '';
  return new z.errors.Error(
    `${matches.length} external contacts are named "${fullName}" (IDs ${ids.join(', ')}${more}), so Find External Contact cannot tell which one you mean, and stops rather than pick one (with Find or Create, nothing was updated or created). Give them distinct names in CINNOX, or map the External Contact ID from an earlier step instead of searching by name.`,
    'CinnoxContactAmbiguous',
    400,
  );
}

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_CONTACT_INPUT, bundle.inputData);
  const fullName = input.full_name.replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  const pages = await findContactsByName(z, bundle, fullName, FIND_CONTACT_INPUT.refusalLabels);
  const search = { step: 'Find External Contact', field: 'Full Name', value: fullName };
  const matches = matchesWithIds(
    z,
    search,
    pages.records.filter((record) => record && nameKey(contactFullName(record)) === wanted),
    (record) => asText(record?.id),
  ).map(toFoundContact);
  if (matches.length > 1) throw ambiguousName(z, fullName, matches);
  // Never "no match" without having looked at every candidate: Find or Create would create a second copy.
  if (matches.length > 0 || pages.end === 'complete') return matches;
  throw incompleteReadError(
    z,
    {
      ...search,
      maxPages: CONTACT_SEARCH_MAX_PAGES,
      assumption: 'A7',
      risk: 'Find or Create would then create a second copy',
    },
    pages,
  );
}) satisfies SearchPerform;

export default defineSearch({
  key: 'find_contact',
  noun: 'External Contact',
  display: {
    label: 'Find External Contact',
    description:
      'Finds an external contact in CINNOX by full name (first and last name, exact match); two or more contacts of that name fail the step rather than pick one.',
  },
  operation: {
    inputFields: inputFieldsOf(FIND_CONTACT_INPUT),
    perform,
    sample: { ...FOUND_CONTACT_SAMPLE },
    outputFields: FOUND_CONTACT_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  benchmark: { bundles: ['index.js', 'zod.js'] },
  inputData: { full_name: 'Ann Lee' },
  onAccount: ({ env, listed, probeName }) => ({
    full_name: env.CINNOX_CHECK_CONTACT_NAME?.trim() || listed('name') || probeName,
  }),
};
