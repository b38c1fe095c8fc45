/**
 * Create or Update External Contact: with an External Contact ID, that contact is updated (only the fields given,
 * as Update External Contact does); without one, the contact is found by First and Last Name exactly as Find
 * External Contact finds it, and the one match is updated, or the contact is created when there is none. Two or
 * more matches fail the step, naming them. The search comes first, so a replay after a time-out finds the
 * contact it created rather than making a second one.
 */
import { defineCreate, type CreatePerform, type ZObject } from 'zapier-platform-core';
import type { AuthBundle } from '../cinnox/client';
import { quote, secretsOf } from '../cinnox/quote';
import { nameKey } from '../cinnox/values';
import type { Example } from '../examples';
import {
  CONTACT_ID_HINT,
  UPDATE_HELP_NOTES,
  contactFields,
  nameRequired,
  socialTypeRule,
  type ContactInput,
} from '../fields/contacts';
import { id, input, inputFieldsOf, labelOf, parseInput, rule } from '../input/schema';
import {
  CONTACT_SEARCH_MAX_PAGES,
  CONTACT_WRITE_OUTPUT_FIELDS,
  contactFullName,
  contactValues,
  contactWriteResult,
  createExternalContact,
  createdContactId,
  findContactsByName,
  toContactBody,
  updateExternalContact,
  type ContactValues,
} from '../records/contact';
import { incompleteReadError } from '../records/incomplete-read';

const contactId = id({
  label: 'External Contact ID',
  helpText:
    'The external contact to update. Leave it empty to find the contact by First Name and Last Name (exact match): the one match is updated, or the contact is created when there is none.',
  search: 'find_contact.id',
  hint: CONTACT_ID_HINT,
  // The contact's id in the update's path (§3.3).
  cinnox: 'id',
});
const FIELDS = { contact_id: contactId, ...contactFields(UPDATE_HELP_NOTES) };
type Input = ContactInput & { contact_id?: string };
/** Without an External Contact ID, the name finds the contact (and names a new one). */
const nameWhenNoId = rule<Input>((values) => (values.contact_id === undefined ? nameRequired(values) : undefined));
const CREATE_OR_UPDATE_INPUT = input(FIELDS).check(socialTypeRule, nameWhenNoId);
const CONTACT_ID = labelOf(contactId);

const update = async (z: ZObject, bundle: AuthBundle, id: string, values: ContactValues) => ({
  action: 'updated',
  ...(await updateExternalContact(z, bundle, id, values, {
    idLabel: CONTACT_ID,
    fields: CREATE_OR_UPDATE_INPUT.refusalLabels,
  })),
});

const perform = (async (z, bundle) => {
  const given = parseInput(z, CREATE_OR_UPDATE_INPUT, bundle.inputData);
  const values = contactValues(given);
  if (given.contact_id !== undefined) return update(z, bundle, given.contact_id, values);

  const fullName = [given.first_name, given.last_name].filter(Boolean).join(' ');
  const pages = await findContactsByName(z, bundle, fullName, CREATE_OR_UPDATE_INPUT.refusalLabels);
  const matches = pages.records.filter((r) => r?.id !== undefined && nameKey(contactFullName(r)) === nameKey(fullName));
  if (matches.length > 1)
    throw new z.errors.Error(
      `${matches.length} external contacts are named "${fullName}" (IDs ${quote(matches.map((m) => String(m.id)).join(', '), secretsOf(bundle.authData))}), so nothing was changed: fill ${CONTACT_ID} with the one to update.`,
      'CinnoxContactAmbiguous',
      400,
    );
  if (matches.length === 1) return update(z, bundle, String(matches[0]!.id), values);
  // Never create without having looked at every candidate: it could be a second copy.
  if (pages.end !== 'complete')
    throw incompleteReadError(
      z,
      {
        step: 'Create or Update External Contact',
        field: 'First Name and Last Name',
        value: fullName,
        maxPages: CONTACT_SEARCH_MAX_PAGES,
        assumption: 'A7',
        risk: 'creating the contact could make a second copy',
      },
      pages,
    );
  const created = await createExternalContact(z, bundle, toContactBody(values), CREATE_OR_UPDATE_INPUT.refusalLabels);
  return {
    action: 'created',
    ...contactWriteResult(values, createdContactId(z, created), { contact_id: null }),
  };
}) satisfies CreatePerform;

export default defineCreate({
  key: 'create_or_update_contact',
  noun: 'External Contact',
  display: {
    label: 'Create or Update External Contact',
    description:
      'Updates an external contact in CINNOX, found by its ID or by its name, or creates it when no contact has that name.',
  },
  operation: {
    inputFields: inputFieldsOf(CREATE_OR_UPDATE_INPUT),
    perform,
    sample: {
      action: 'updated',
      ...contactWriteResult({ first_name: 'Ann', last_name: 'Lee', job_title: 'CTO' }, '6f1c2d3e4a5b6c7d8e9f0a1b', {
        contact_id: '6f1c2d3e4a5b6c7d8e9f0a1b',
      }),
    },
    outputFields: [
      { key: 'action', label: 'Action (created or updated)' },
      { key: 'contact_id', label: 'Updated External Contact ID', type: 'string' },
      ...CONTACT_WRITE_OUTPUT_FIELDS,
    ],
  },
});

/** A Zap builder's input (src/examples.ts): the sandbox's Ben Ho, found by name and updated. */
export const example: Example = {
  inputData: { first_name: 'Ben', last_name: 'Ho', job_title: 'CTO' },
  requests: 2,
};
