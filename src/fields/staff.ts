/** Field specs of Find Staff Member (docs/cinnox-api.md §3.4). */
import { defineFieldSpec, defineFieldSpecs } from './spec';

export const staffFullName = defineFieldSpec({
  key: 'full_name',
  label: 'Full Name',
  helpText:
    "The staff member's first and last name, e.g. Ann Lee (exact match; upper / lower case and extra spaces aside).",
  required: true,
});

export const FIND_STAFF_FIELDS = defineFieldSpecs([staffFullName]);
