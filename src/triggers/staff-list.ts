/**
 * Hidden trigger feeding the Staff ID drop-down (Send IM to Staff): the account's staff, one CINNOX
 * request per drop-down page (500 a page, §3.4).
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { LIST_PAGE_MAX, type StaffRecord } from '../cinnox/contract';
import { asText } from '../cinnox/values';

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

async function perform(z: ZObject, bundle: Bundle): Promise<StaffOption[]> {
  const page = Number(bundle.meta?.page ?? 0) || 0;
  const staff = await cinnox.listStaffPage(z, bundle, page * LIST_PAGE_MAX, LIST_PAGE_MAX);
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
}

export const staffList = defineTrigger({
  key: 'staff_list',
  noun: 'Staff Member',
  display: {
    label: 'Staff List',
    description: 'Triggers when the staff drop-down is opened: lists the staff members of your CINNOX account.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
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
  },
});
