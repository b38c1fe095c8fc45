/** Staff (docs/cinnox-api.md §3.4): a staff list record → the Find Staff Member result. */
import type { StaffRecord } from '../cinnox/contract';
import { asText } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

/** The staff list record (§3.4) as Find Staff Member returns it: each key once, read from the same CINNOX key. */
export const FOUND_STAFF = recordTable({
  id: { label: 'Staff ID', read: 'text', sample: '5f0c3a2b1d4e5f6a7b8c9d0e' },
  firstName: { label: 'First Name', read: 'text', sample: 'Ann' },
  lastName: { label: 'Last Name', read: 'text', sample: 'Lee' },
  displayName: { label: 'Display Name', read: 'text', sample: 'Ann Lee' },
  email: { label: 'Email', read: 'text', sample: 'ann.lee@example.com' },
  phone: { label: 'Phone', read: 'e164', sample: '+85230001001' },
  status: { label: 'Status', read: 'text', sample: 'Activated' },
  role: { label: 'Role', read: 'text', sample: 'Agent' },
  jobTitle: { label: 'Job Title', read: 'text', sample: 'Agent' },
  extensionNumber: { label: 'Extension Number', read: 'text', sample: '1001' },
  timezone: { label: 'Time Zone', read: 'text', sample: 'Asia/Hong_Kong' },
});
export type FoundStaff = OutputOf<typeof FOUND_STAFF.columns>;

/** "First Last", else the display name: what Find Staff Member compares. */
export const staffFullName = (record: StaffRecord): string =>
  [asText(record.firstName), asText(record.lastName)].filter(Boolean).join(' ') || asText(record.displayName);

export const toFoundStaff = (record: StaffRecord): FoundStaff => FOUND_STAFF.map(record);
export const FOUND_STAFF_SAMPLE: FoundStaff = FOUND_STAFF.sample;
export const FOUND_STAFF_OUTPUT_FIELDS = FOUND_STAFF.outputFields;
