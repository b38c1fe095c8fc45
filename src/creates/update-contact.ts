/**
 * Update External Contact (docs/cinnox-api.md §3.3, PUT): a patch. Only the fields the Zap builder filled are
 * sent; an empty field never blanks a stored value. Refused before any request when only the id was filled.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { UPDATE_CONTACT_FIELDS, contactIdField, socialTypeRule, type ContactInput } from '../fields/contacts';
import { input, inputFieldsOf, labelOf, parseInput, rule } from '../input/schema';
import {
  CONTACT_WRITE_OUTPUT_FIELDS,
  contactValues,
  contactWriteResult,
  toContactBody,
  updateExternalContact,
} from '../records/contact';
import type { Example } from '../examples';

const somethingToUpdate = rule<ContactInput>((values) =>
  Object.keys(toContactBody(contactValues(values))).length === 0
    ? 'Nothing to update: fill at least one field besides External Contact ID (a Phone Type, Email Type or Social Messaging Type counts only with its Phone Number, Email Address or Social Messaging Name/ID).'
    : undefined,
);
const UPDATE_CONTACT_INPUT = input(UPDATE_CONTACT_FIELDS).check(socialTypeRule, somethingToUpdate);
const CONTACT_ID_LABEL = labelOf(contactIdField);

const perform = (async (z, bundle) => {
  const input = parseInput(z, UPDATE_CONTACT_INPUT, bundle.inputData);
  const contactId = input.contact_id;
  return updateExternalContact(z, bundle, contactId, contactValues(input), {
    idLabel: CONTACT_ID_LABEL,
    fields: UPDATE_CONTACT_INPUT.refusalLabels,
  });
}) satisfies CreatePerform;

export default defineCreate({
  key: 'update_contact',
  noun: 'External Contact',
  display: {
    label: 'Update External Contact',
    description:
      'Updates an external contact in CINNOX: only the fields you fill are changed (custom fields are not supported).',
  },
  operation: {
    inputFields: inputFieldsOf(UPDATE_CONTACT_INPUT),
    perform,
    sample: contactWriteResult(
      {
        first_name: 'Ann',
        last_name: 'Lee',
        level: 'Secondary',
        type: 'Customer',
        phone_type: 'Work',
        phone_number: '+85223456789',
        company: 'Example Ltd',
        job_title: 'Head of Procurement',
        city: 'Kowloon',
      },
      '6f1c2d3e4a5b6c7d8e9f0a1b',
      { contact_id: '6f1c2d3e4a5b6c7d8e9f0a1b' },
    ),
    outputFields: [
      { key: 'contact_id', label: 'Updated External Contact ID', type: 'string' },
      ...CONTACT_WRITE_OUTPUT_FIELDS,
    ],
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's first contact (Ann Lee).
  inputData: { contact_id: '64f000000000000000000001', job_title: 'CTO' },
};
