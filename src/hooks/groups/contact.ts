/**
 * The contact event group (`contact-event-sub`, docs/cinnox-api.md §3.5): created, edited, merged,
 * ownership transferred, deleted. Its normaliser, its recent records for performList, its output fields
 * and samples, and the contact-details hydrator.
 *
 * Contact details are loaded lazily: a contact trigger's item carries
 * `details: z.dehydrate(contactDetails, {contactId})`, a pointer Zapier resolves (one CINNOX read)
 * only when a later step of the Zap uses one of the details. No API call is spent per event otherwise.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { list } from '../../cinnox/client';
import { CONTACT_LIST_PATH, EVENT_STATUS, SUBSCRIPTIONS, type ContactRecord } from '../../cinnox/contract';
import { NOT_FOUND_ERROR_CODE } from '../../cinnox/errors';
import { asText } from '../../cinnox/values';
import {
  FOUND_CONTACT_OUTPUT_FIELDS,
  FOUND_CONTACT_SAMPLE,
  findContactById,
  toFoundContact,
  type FoundContact,
} from '../../records/contact';
import { folded, pick } from '../payload';
import {
  LIST_SAMPLE_SIZE,
  SAMPLE,
  defineGroup,
  eventIdOf,
  eventTime,
  isRecordId,
  serviceIdOf,
  statusOf,
} from './shared';

// ---------------------------------------------------------------------------------------------
// Contact details: the hydrator
// ---------------------------------------------------------------------------------------------

/** The details are exactly what Find External Contact returns for the contact (one mapping, src/records/contact.ts). */
export type ContactDetails = FoundContact;

/** The hydrator (registered in the app's `hydrators`): one contact read, when a later step asks. */
export async function contactDetails(z: ZObject, bundle: Bundle<{ contactId?: string }>): Promise<ContactDetails> {
  const contactId = asText(bundle.inputData.contactId);
  if (!contactId)
    throw new z.errors.Error(
      'This event names no external contact, so there are no contact details to load.',
      NOT_FOUND_ERROR_CODE,
      404,
    );
  // A8: the contact list filtered by id; another contact listed is not evidence of a deletion.
  const record = await findContactById(z, bundle, contactId, { cannot: 'its details cannot be loaded' });
  if (!record) {
    // An empty answer or "No records found" (6451011): no such contact.
    throw new z.errors.Error(
      `CINNOX has no external contact with ID "${contactId}" any more (it may have been deleted or merged after the event), so its details cannot be loaded.`,
      NOT_FOUND_ERROR_CODE,
      404,
    );
  }
  return toFoundContact(record);
}

export const hydrators = { contactDetails };

// ---------------------------------------------------------------------------------------------
// The group: events → items, and recent contacts for performList
// ---------------------------------------------------------------------------------------------

export const contactGroup = defineGroup({
  subscription: SUBSCRIPTIONS.contact,
  events: 'external contact events (created, edited, merged, ownership transferred, deleted)',
  // contact-event-sub also carries staff events (§3.5): their message.type is not "contact".
  accepts: (event) => {
    const type = folded(pick(event, 'type'));
    return type === '' || type === 'contact' || type === 'externalcontact';
  },
  normalize(event, ctx) {
    const contactId = asText(pick(event, 'contactId', 'externalContactId', 'id'));
    const status = statusOf(event);
    const name =
      asText(pick(event, 'name', 'fullName')) ||
      [asText(pick(event, 'firstName')), asText(pick(event, 'lastName'))].filter(Boolean).join(' ');
    return {
      id: eventIdOf(event, contactId, status, eventTime(event, ctx)),
      status,
      name,
      fromOwnerID: asText(pick(event, 'fromOwnerID', 'fromOwner', 'previousOwnerID')),
      toOwnerID: asText(pick(event, 'toOwnerID', 'toOwner', 'ownerID')),
      contactId,
      serviceId: serviceIdOf(event),
      // A deleted contact has no details left to load (External Contact Event may carry a deletion).
      details:
        isRecordId(contactId) && folded(status) !== folded(EVENT_STATUS.contactDeleted)
          ? ctx.z.dehydrate(contactDetails, { contactId })
          : '',
    };
  },
  async recent(z, bundle, status) {
    // A listed contact is a contact, not a merge, transfer or deletion: for those, the static sample.
    if (status !== EVENT_STATUS.contactCreated && status !== EVENT_STATUS.contactEdited) return [];
    const records = await list<ContactRecord>(z, bundle, CONTACT_LIST_PATH, { offset: 0, limit: LIST_SAMPLE_SIZE });
    return records.map((r) => ({
      status,
      id: r.id,
      name: [asText(r.firstName), asText(r.lastName)].filter(Boolean).join(' '),
    }));
  },
});

// ---------------------------------------------------------------------------------------------
// Output fields and samples
// ---------------------------------------------------------------------------------------------

/**
 * Every contact trigger: the keys status and name of the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier); the
 * contact and service ids; an id per event.
 */
export const CONTACT_EVENT_FIELDS = [
  { key: 'id', label: 'Event ID' },
  { key: 'status', label: 'Status' },
  { key: 'name', label: 'Full Name' },
  { key: 'contactId', label: 'External Contact ID' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/** External Contact Ownership Transferred adds the owners. */
export const OWNER_TRANSFER_FIELDS = [
  { key: 'fromOwnerID', label: 'Previous Owner ID' },
  { key: 'toOwnerID', label: 'New Owner ID' },
] as const;

type DetailField = { readonly key: `details__${string}`; readonly label: string };

/** Output fields for the hydrated `details` (Zapier's `__` path notation): Find External Contact's, prefixed. */
export const CONTACT_DETAIL_FIELDS: readonly [{ readonly key: 'details'; readonly label: string }, ...DetailField[]] = [
  { key: 'details', label: 'Contact Details' },
  ...FOUND_CONTACT_OUTPUT_FIELDS.map((f): DetailField => ({
    key: `details__${f.key}`,
    label: `Contact Details: ${f.label}`,
  })),
];

/** The contact triggers whose contact can still be read: the event's fields and the contact's details. */
export const CONTACT_EVENT_DETAIL_FIELDS = [...CONTACT_EVENT_FIELDS, ...CONTACT_DETAIL_FIELDS] as const;

/** What the sample shows under `details` (what the hydrator returns for a typical contact). */
export const CONTACT_DETAILS_SAMPLE: ContactDetails = FOUND_CONTACT_SAMPLE;

/** What every contact trigger declares alike. */
export const CONTACT_TRIGGER = { noun: 'External Contact', group: 'contact' } as const;

/**
 * A contact trigger sample's event keys, about the contact of CONTACT_DETAILS_SAMPLE: its contactId (and the
 * event id built on it) and name are that contact's, so the sample's `details` belong to its contactId.
 */
export function contactEventSample<const S extends string>(status: S) {
  const contact = CONTACT_DETAILS_SAMPLE;
  return {
    id: `${contact.id}:${status}:${SAMPLE.time}`,
    status,
    name: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    contactId: contact.id,
    serviceId: SAMPLE.serviceId,
  };
}

/** The sample of a contact trigger with `details`: the event keys and the contact's details. */
export const contactDetailSample = <const S extends string>(status: S) => ({
  ...contactEventSample(status),
  details: CONTACT_DETAILS_SAMPLE,
});
