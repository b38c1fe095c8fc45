/**
 * Find Staff Member by full name (docs/cinnox-api.md §3.4: the staff list filtered by `fullName`). Exact match
 * only, compared as Find External Contact compares (`nameKey`); every page CINNOX has is read (the shared
 * paged reader), up to STAFF_SEARCH_MAX_PAGES pages (src/cinnox/client.ts); no match is `[]` only when every candidate was read, else
 * the error Find External Contact gives (too many candidates, or paging ignored).
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { STAFF_SEARCH_MAX_PAGES, cinnox } from '../cinnox/client';
import { inZapierFields } from '../cinnox/errors';
import { nameKey } from '../cinnox/values';
import { toInputFields } from '../fields/spec';
import { FIND_STAFF_API_FIELDS, FIND_STAFF_FIELDS, staffFullName } from '../fields/staff';
import {
  FOUND_STAFF_OUTPUT_FIELDS,
  FOUND_STAFF_SAMPLE,
  staffFullName as fullNameOf,
  toFoundStaff,
} from '../records/staff';
import { validateInput } from '../validation';
import { incompleteReadError } from './incomplete-read';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_STAFF_FIELDS, bundle.inputData);
  const fullName = input.full_name.replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  const pages = await cinnox.findStaffByName(z, bundle, fullName).catch(inZapierFields(z, FIND_STAFF_API_FIELDS));
  const found = pages.records.filter((r) => r?.id !== undefined && nameKey(fullNameOf(r)) === wanted).map(toFoundStaff);
  if (found.length > 0 || pages.end === 'complete') return found;
  throw incompleteReadError(
    z,
    { step: 'Find Staff Member', field: staffFullName.label, value: fullName, maxPages: STAFF_SEARCH_MAX_PAGES },
    pages,
  );
}) satisfies SearchPerform;

export const findStaff = defineSearch({
  key: 'find_staff',
  noun: 'Staff Member',
  display: {
    label: 'Find Staff Member',
    description: 'Finds a CINNOX staff member by full name (first and last name, exact match).',
  },
  operation: {
    inputFields: toInputFields(FIND_STAFF_FIELDS),
    perform,
    sample: { ...FOUND_STAFF_SAMPLE },
    outputFields: FOUND_STAFF_OUTPUT_FIELDS,
  },
});
