/**
 * Find Staff Member by full name (docs/cinnox-api.md §3.4: the staff list filtered by `fullName`). Exact match
 * only, compared as Find External Contact compares (`nameKey`); every page CINNOX has is read (the shared
 * paged reader), up to FIND_STAFF_MAX_CANDIDATES, past which the step says there are too many candidates.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { cinnoxBeyond } from '../cinnox/client';
import { FIND_STAFF_MAX_CANDIDATES } from '../cinnox/contract';
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

const perform = (async (z, bundle) => {
  const input = await validateInput(z, FIND_STAFF_FIELDS, bundle.inputData);
  const fullName = input.full_name.replace(/\s+/g, ' ');
  const wanted = nameKey(fullName);
  const { records, complete } = await cinnoxBeyond
    .findStaffByName(z, bundle, fullName)
    .catch(inZapierFields(z, FIND_STAFF_API_FIELDS));
  const found = records.filter((r) => r?.id !== undefined && nameKey(fullNameOf(r)) === wanted).map(toFoundStaff);
  if (!complete && found.length === 0) {
    throw new z.errors.Error(
      `Too many candidates: CINNOX lists more than ${FIND_STAFF_MAX_CANDIDATES} staff members for the ${staffFullName.label} "${fullName}", and none of the first ${FIND_STAFF_MAX_CANDIDATES} is an exact match. Enter the full first and last name.`,
      'TooManyCandidates',
      400,
    );
  }
  return found;
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
