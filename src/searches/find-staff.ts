/**
 * Find Staff Member by full name (docs/cinnox-api.md §3.4: the staff list filtered by `fullName`). Exact match
 * only, compared as Find External Contact compares (`nameKey`); every page CINNOX has is read (the shared
 * paged reader), up to STAFF_SEARCH_MAX_PAGES pages; no match is `[]` only when every candidate was read, else
 * the error Find External Contact gives (too many candidates, or paging ignored).
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { keyById, readPages } from '../cinnox/client';
import { STAFF_LIST_PATH, STAFF_NAME_PARAM, type StaffRecord } from '../cinnox/contract';
import { asText, nameKey } from '../cinnox/values';
import { UNDOCUMENTED_NAME_MAX_UNITS, input, inputFieldsOf, labelOf, parseInput, text } from '../input/schema';
import {
  FOUND_STAFF_OUTPUT_FIELDS,
  FOUND_STAFF_SAMPLE,
  staffFullName as fullNameOf,
  toFoundStaff,
} from '../records/staff';
import { incompleteReadError, matchesWithIds } from '../records/incomplete-read';
import type { Example } from '../examples';

const staffFullName = text({
  label: 'Full Name',
  helpText:
    "The staff member's first and last name, e.g. Ann Lee (exact match; upper / lower case and extra spaces aside).",
  required: true,
  maxUnits: UNDOCUMENTED_NAME_MAX_UNITS,
  cinnox: STAFF_NAME_PARAM,
});
const FIND_STAFF_INPUT = input({ full_name: staffFullName });
/** At most this many requests of 500 when reading the candidates: 2,000 staff members. */
export const STAFF_SEARCH_MAX_PAGES = 4;

const perform = (async (z, bundle) => {
  const input = parseInput(z, FIND_STAFF_INPUT, bundle.inputData);
  const fullName = input.full_name.replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  // §3.4's staff list filtered by fullName: every page, bounded.
  const pages = await readPages<StaffRecord>(
    z,
    bundle,
    STAFF_LIST_PATH,
    { [STAFF_NAME_PARAM]: fullName },
    keyById,
    STAFF_SEARCH_MAX_PAGES,
    { fields: FIND_STAFF_INPUT.refusalLabels },
  );
  const search = { step: 'Find Staff Member', field: labelOf(staffFullName), value: fullName };
  const found = matchesWithIds(
    z,
    search,
    pages.records.filter((r) => r && nameKey(fullNameOf(r)) === wanted),
    (r) => asText(r?.id),
  ).map(toFoundStaff);
  if (found.length > 0 || pages.end === 'complete') return found;
  throw incompleteReadError(z, { ...search, maxPages: STAFF_SEARCH_MAX_PAGES }, pages);
}) satisfies SearchPerform;

export default defineSearch({
  key: 'find_staff',
  noun: 'Staff Member',
  display: {
    label: 'Find Staff Member',
    description: 'Finds a CINNOX staff member by full name (first and last name, exact match).',
  },
  operation: {
    inputFields: inputFieldsOf(FIND_STAFF_INPUT),
    perform,
    sample: { ...FOUND_STAFF_SAMPLE },
    outputFields: FOUND_STAFF_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  inputData: { full_name: 'Ben Chan' },
  onAccount: ({ probeName }) => ({ full_name: probeName }),
};
