/**
 * The staff event group (`staff-contact-event-sub`, docs/cinnox-api.md §3.5): a staff member created
 * (`staffCreate`), edited (`staffEdit`) or deleted (`staffDelete`), in the Open API envelope with
 * `message.id` (the staff id), `message.fullName`, `message.serviceId`. Its normaliser, its recent records for
 * performList (the staff list, §3.4), its output fields and samples.
 */
import { list } from '../../cinnox/client';
import { EVENT_STATUS, STAFF_LIST_PATH, SUBSCRIPTIONS, type StaffRecord } from '../../cinnox/contract';
import { asText } from '../../cinnox/values';
import { folded, pick } from '../payload';
import { LIST_SAMPLE_SIZE, SAMPLE, defineGroup, eventIdOf, eventTime, serviceIdOf, statusOf } from './shared';

export const staffGroup = defineGroup({
  subscription: SUBSCRIPTIONS.staff,
  events: 'staff member events (created, edited, deleted)',
  // Only staff statuses: an external contact event (its message.type "contact") is not a staff event.
  accepts: (event) => folded(statusOf(event)).startsWith('staff'),
  normalize(event, ctx) {
    const staffId = asText(pick(event, 'id', 'staffId', 'eid'));
    const status = statusOf(event);
    const fullName =
      asText(pick(event, 'fullName', 'displayName', 'name')) ||
      [asText(pick(event, 'firstName')), asText(pick(event, 'lastName'))].filter(Boolean).join(' ');
    return {
      id: eventIdOf(event, staffId, status, eventTime(event, ctx)),
      status,
      staffId,
      fullName,
      email: asText(pick(event, 'email')),
      serviceId: serviceIdOf(event),
    };
  },
  async recent(z, bundle, status) {
    // A listed staff member has not been deleted: for Staff Member Deleted, the sample.
    if (status === EVENT_STATUS.staffDeleted) return [];
    const records = await list<StaffRecord>(z, bundle, STAFF_LIST_PATH, { offset: 0, limit: LIST_SAMPLE_SIZE });
    return records.map((r) => ({
      status,
      id: r.id,
      fullName: asText(r.displayName) || [asText(r.firstName), asText(r.lastName)].filter(Boolean).join(' '),
      email: r.email,
    }));
  },
});

export const STAFF_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'staffId', label: 'Staff ID' },
  { key: 'fullName', label: 'Full Name' },
  { key: 'email', label: 'Email (when CINNOX sends it)' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

export const STAFF_TRIGGER = { noun: 'Staff Member', group: 'staff', outputFields: STAFF_FIELDS } as const;

export function staffEventSample(status: string) {
  const staffId = '5f0000000000000000000002';
  return {
    id: `${staffId}:${status}:${SAMPLE.time}`,
    status,
    staffId,
    fullName: 'Ben Chan',
    email: 'ben.chan@example.com',
    serviceId: SAMPLE.serviceId,
  };
}
