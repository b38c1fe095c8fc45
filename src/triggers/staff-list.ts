/**
 * Hidden trigger feeding the Staff ID drop-down (Send IM to Staff): the account's staff (docs/cinnox-api.md §3.4).
 * Page n is the n-th request of a paged read from the start (src/fields/dropdown.ts): one CINNOX request of
 * 500 for the first page, n + 1 for page n.
 */
import { dropdownPage, keyById } from '../cinnox/client';
import { STAFF_LIST_PATH, type StaffRecord } from '../cinnox/contract';
import { asText } from '../cinnox/values';
import { defineDropdownTrigger, pageOf } from '../fields/dropdown';
import type { Example } from '../examples';

export interface StaffOption {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
}

/** "First Last (email)", falling back to the display name, the e-mail address, then the id. */
export function staffLabel(staff: StaffRecord): string {
  const name = [asText(staff.firstName), asText(staff.lastName)].filter(Boolean).join(' ') || asText(staff.displayName);
  const email = asText(staff.email);
  if (name && email) return `${name} (${email})`;
  return name || email || asText(staff.id);
}

export default defineDropdownTrigger({
  key: 'staff_list',
  noun: 'Staff Member',
  label: 'Staff List',
  description: 'Triggers when the staff drop-down is opened: lists the staff members of your CINNOX account.',
  perform: async (z, bundle): Promise<StaffOption[]> => {
    const staff = await dropdownPage<StaffRecord>(z, bundle, STAFF_LIST_PATH, keyById, pageOf(bundle).page);
    return staff
      .filter((s) => asText(s.id))
      .map((s) => ({
        id: asText(s.id),
        name: staffLabel(s),
        firstName: asText(s.firstName),
        lastName: asText(s.lastName),
        email: asText(s.email),
        status: asText(s.status),
      }));
  },
  sample: {
    id: '5f0c3a2b1d4e5f6a7b8c9d0e',
    name: 'Ann Lee (ann.lee@example.com)',
    firstName: 'Ann',
    lastName: 'Lee',
    email: 'ann.lee@example.com',
    status: 'Activated',
  },
  outputFields: [
    { key: 'id', label: 'Staff ID' },
    { key: 'name', label: 'Name (Email)' },
    { key: 'firstName', label: 'First Name' },
    { key: 'lastName', label: 'Last Name' },
    { key: 'email', label: 'Email' },
    { key: 'status', label: 'Status' },
  ],
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = { inputData: {} };
