/**
 * Create External Contact (docs/cinnox-api.md §3.2): validated input → CINNOX body; only the fields the Zap
 * builder filled are sent, so CINNOX applies its own defaults (Level Primary, Type Lead) to the rest. A First
 * Name or a Last Name is needed (CINNOX: "firstName or lastName is required"), so an empty contact is refused
 * too, before any request. The step succeeds only with the id CINNOX gives the new contact.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { CREATE_CONTACT_INPUT } from '../fields/contacts';
import { inputFieldsOf, parseInput } from '../input/schema';
import {
  CONTACT_WRITE_OUTPUT_FIELDS,
  contactValues,
  contactWriteResult,
  createExternalContact,
  createdContactId,
  toContactBody,
} from '../records/contact';
import type { Example } from '../examples';

const perform = (async (z, bundle) => {
  const input = parseInput(z, CREATE_CONTACT_INPUT, bundle.inputData);
  const values = contactValues(input);
  const response = await createExternalContact(z, bundle, toContactBody(values), CREATE_CONTACT_INPUT.refusalLabels);
  return contactWriteResult(values, createdContactId(z, response));
}) satisfies CreatePerform;

export default defineCreate({
  key: 'create_contact',
  noun: 'External Contact',
  display: {
    label: 'Create External Contact',
    description:
      'Creates an external contact in CINNOX: a First Name or a Last Name is required (custom fields are not supported).',
  },
  operation: {
    inputFields: inputFieldsOf(CREATE_CONTACT_INPUT),
    perform,
    sample: contactWriteResult(
      {
        first_name: 'Ann',
        last_name: 'Lee',
        level: 'Primary',
        type: 'Customer',
        phone_type: 'Mobile',
        phone_number: '+85294667788',
        email_type: 'Work',
        email_address: 'ann.lee@example.com',
        company: 'Example Ltd',
        job_title: 'Buyer',
        team: 'Procurement',
        group: 'VIP',
        language: 'en',
        birth_date: '31/05/1990',
        zip_code: '999077',
        street: "1 Queen's Road Central",
        city: 'Hong Kong',
        state: 'Hong Kong Island',
        country: 'HK',
        social_messaging_type: 'WhatsApp',
        social_messaging_name_id: '+85294667788',
      },
      '6f1c2d3e4a5b6c7d8e9f0a1b',
    ),
    outputFields: CONTACT_WRITE_OUTPUT_FIELDS,
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // A name the sandbox has no contact of: Find External Contact (toured after it) refuses a name two contacts have.
  inputData: { first_name: 'Cara', last_name: 'Ng', phone_number: '+85294667788', email_address: 'cara@example.com' },
};
