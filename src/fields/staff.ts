/** Field specs of Find Staff Member (docs/cinnox-api.md §3.4). */
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels } from './spec';

export const staffFullName = defineFieldSpec({
  key: 'full_name',
  label: 'Full Name',
  helpText:
    "The staff member's first and last name, e.g. Ann Lee (exact match; upper / lower case and extra spaces aside).",
  required: true,
});

export const FIND_STAFF_FIELDS = defineFieldSpecs([staffFullName]);

/** Find Staff Member's API field (§3.4's `fullName` filter) → its Zapier label. */
export const FIND_STAFF_API_FIELDS: ApiFieldLabels = { fullName: staffFullName.label };
