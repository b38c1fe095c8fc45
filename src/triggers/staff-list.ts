/**
 * Hidden trigger feeding the Staff ID drop-down (Send IM to Staff): the account's staff, one CINNOX
 * request per drop-down page (500 a page, §3.4).
 */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { LIST_PAGE_MAX, type StaffRecord } from '../cinnox/contract';
import { text } from '../cinnox/values';

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
  const name = [text(staff.firstName), text(staff.lastName)].filter(Boolean).join(' ') || text(staff.displayName);
  const email = text(staff.email);
  if (name && email) return `${name} (${email})`;
  return name || email || text(staff.id);
}

async function perform(z: ZObject, bundle: Bundle): Promise<StaffOption[]> {
  const page = Number(bundle.meta?.page ?? 0) || 0;
  const staff = await cinnox.listStaffPage(z, bundle, page * LIST_PAGE_MAX, LIST_PAGE_MAX);
  return staff
    .filter((s) => text(s.id))
    .map((s) => ({
      id: text(s.id),
      name: staffLabel(s),
      firstName: text(s.firstName),
      lastName: text(s.lastName),
      email: text(s.email),
      status: text(s.status),
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
