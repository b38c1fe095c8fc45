/**
 * Send IM to Staff: a text message to one staff member through CINNOX's message push
 * (docs/cinnox-api.md §1.3), addressed by `receiverEID` (assumption A10, STAFF_IM_USES_RECEIVER_EID).
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { inZapierFields } from '../cinnox/errors';
import { IM_TO_STAFF_API_FIELDS, SEND_IM_TO_STAFF_FIELDS } from '../fields/im';
import { toInputFields } from '../fields/spec';
import { pushText, sendImOutput, sendImOutputFields, staffAddress } from '../messaging/im-push';
import { validateInput } from '../validation';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, SEND_IM_TO_STAFF_FIELDS, bundle.inputData);
  const answer = await pushText(z, bundle, staffAddress(input.staff_id), input.text).catch(
    inZapierFields(z, IM_TO_STAFF_API_FIELDS),
  );
  return sendImOutput({ staff_id: input.staff_id }, input.text, answer);
}) satisfies CreatePerform;

export const sendImToStaff = defineCreate({
  key: 'send_im_to_staff',
  noun: 'Instant Message',
  display: {
    label: 'Send IM to Staff',
    description: 'Sends an instant message (IM) in CINNOX to a staff member.',
  },
  operation: {
    inputFields: toInputFields(SEND_IM_TO_STAFF_FIELDS),
    perform,
    sample: {
      staff_id: '5f0c3a2b1d4e5f6a7b8c9d0e',
      text: 'Ticket #1042 was updated: status is now Approved.',
      code: 0,
    },
    outputFields: sendImOutputFields({ key: 'staff_id', label: 'Staff ID' }),
  },
});
