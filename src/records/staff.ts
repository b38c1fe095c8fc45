/** Staff (docs/cinnox-api.md §3.4): a staff list record → the Find Staff Member result. */
import type { PlainOutputField } from 'zapier-platform-core';
import type { StaffRecord } from '../cinnox/contract';
import { asE164, asText } from '../cinnox/values';

export type FoundStaff = {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  phone: string;
  status: string;
  role: string;
  jobTitle: string;
  extensionNumber: string;
  timezone: string;
};

/** "First Last", else the display name: what Find Staff Member compares. */
export const staffFullName = (record: StaffRecord): string =>
  [asText(record.firstName), asText(record.lastName)].filter(Boolean).join(' ') || asText(record.displayName);

export const toFoundStaff = (record: StaffRecord): FoundStaff => ({
  id: asText(record.id),
  firstName: asText(record.firstName),
  lastName: asText(record.lastName),
  displayName: asText(record.displayName),
  email: asText(record.email),
  phone: asE164(record.phone),
  status: asText(record.status),
  role: asText(record.role),
  jobTitle: asText(record.jobTitle),
  extensionNumber: asText(record.extensionNumber),
  timezone: asText(record.timezone),
});

export const FOUND_STAFF_SAMPLE: FoundStaff = {
  id: '5f0c3a2b1d4e5f6a7b8c9d0e',
  firstName: 'Ann',
  lastName: 'Lee',
  displayName: 'Ann Lee',
  email: 'ann.lee@example.com',
  phone: '+85230001001',
  status: 'Activated',
  role: 'Agent',
  jobTitle: 'Agent',
  extensionNumber: '1001',
  timezone: 'Asia/Hong_Kong',
};

export const FOUND_STAFF_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Staff ID' },
  { key: 'firstName', label: 'First Name' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'displayName', label: 'Display Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'status', label: 'Status' },
  { key: 'role', label: 'Role' },
  { key: 'jobTitle', label: 'Job Title' },
  { key: 'extensionNumber', label: 'Extension Number' },
  { key: 'timezone', label: 'Time Zone' },
];
