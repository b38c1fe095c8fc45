/**
 * Contact details for contact events, loaded lazily: a contact trigger's item carries
 * `details: z.dehydrate(contactDetails, {contactId})`, a pointer Zapier resolves (one CINNOX read)
 * only when a later step of the Zap uses one of the details. No API call is spent per event otherwise.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { NOT_FOUND_ERROR_CODE } from '../cinnox/errors';
import {
  FOUND_CONTACT_OUTPUT_FIELDS,
  FOUND_CONTACT_SAMPLE,
  toFoundContact,
  type FoundContact,
} from '../records/contact';
import { text } from '../cinnox/values';

/** The details are exactly what Find External Contact returns for the contact (one mapping, src/records/contact.ts). */
export type ContactDetails = FoundContact;

/** The hydrator (registered in the app's `hydrators`): one contact read, when a later step asks. */
export async function contactDetails(z: ZObject, bundle: Bundle<{ contactId?: string }>): Promise<ContactDetails> {
  const contactId = text(bundle.inputData.contactId);
  if (!contactId)
    throw new z.errors.Error(
      'This event names no external contact, so there are no contact details to load.',
      NOT_FOUND_ERROR_CODE,
      404,
    );
  const record = await cinnox.getContact(z, bundle, contactId);
  const foundId = text(record?.id);
  if (!record || (foundId && foundId !== contactId)) {
    throw new z.errors.Error(
      `CINNOX has no external contact with ID "${contactId}" any more (it may have been deleted or merged after the event), so its details cannot be loaded.`,
      NOT_FOUND_ERROR_CODE,
      404,
    );
  }
  return toFoundContact(record);
}

export const hydrators = { contactDetails };

type DetailField = { readonly key: `details__${string}`; readonly label: string };

/** Output fields for the hydrated `details` (Zapier's `__` path notation): Find External Contact's, prefixed. */
export const CONTACT_DETAIL_FIELDS: readonly [{ readonly key: 'details'; readonly label: string }, ...DetailField[]] = [
  { key: 'details', label: 'Contact Details' },
  ...FOUND_CONTACT_OUTPUT_FIELDS.map((f): DetailField => ({
    key: `details__${f.key}`,
    label: `Contact Details: ${f.label}`,
  })),
];

/** What the sample shows under `details` (what the hydrator returns for a typical contact). */
export const CONTACT_DETAILS_SAMPLE: ContactDetails = FOUND_CONTACT_SAMPLE;

/**
 * A contact trigger sample's event keys, about the contact of CONTACT_DETAILS_SAMPLE: its contactId (and the
 * event id built on it) and name are that contact's, so the sample's `details` belong to its contactId.
 */
export function contactEventSample<const S extends string>(status: S) {
  const contact = CONTACT_DETAILS_SAMPLE;
  return {
    id: `${contact.id}:${status}:2024-05-31T08:15:00.000Z`,
    status,
    name: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    contactId: contact.id,
    serviceId: 'svc-1a2b3c',
  };
}
