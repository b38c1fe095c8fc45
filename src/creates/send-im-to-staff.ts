/**
 * Send IM to Staff: a text message to one staff member through CINNOX's message push
 * (docs/cinnox-api.md §1.3), addressed by `receiverEID` (assumption A10, STAFF_IM_USES_RECEIVER_EID).
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { imText } from '../fields/im';
import type { MessagePushBody } from '../cinnox/contract';
import { id, input, inputFieldsOf, parseInput } from '../input/schema';
import { pushText, sendImOutput, sendImOutputFields, staffAddress } from '../messaging/im-push';
import type { Example } from '../examples';

const staffId = id({
  label: 'Staff ID',
  helpText:
    'The staff member who receives the message: pick one from your CINNOX staff, enter a staff ID, or find one by name (Find Staff Member).',
  required: true,
  dynamic: 'staff_list.id.name',
  search: 'find_staff.id',
  hint: 'Pick the staff member from the drop-down, or map the ID from Find Staff Member.',
  // A10: `receiverEID` (STAFF_IM_USES_RECEIVER_EID).
  cinnox: 'receiverEID' satisfies keyof MessagePushBody,
});
const SEND_IM_TO_STAFF_INPUT = input({ staff_id: staffId, text: imText });

const perform = (async (z, bundle) => {
  const input = parseInput(z, SEND_IM_TO_STAFF_INPUT, bundle.inputData);
  const answer = await pushText(
    z,
    bundle,
    staffAddress(input.staff_id),
    input.text,
    SEND_IM_TO_STAFF_INPUT.refusalLabels,
  );
  return sendImOutput({ staff_id: input.staff_id }, input.text, answer);
}) satisfies CreatePerform;

export default defineCreate({
  key: 'send_im_to_staff',
  noun: 'Instant Message',
  display: {
    label: 'Send IM to Staff',
    description: 'Sends an instant message (IM) in CINNOX to a staff member.',
  },
  operation: {
    inputFields: inputFieldsOf(SEND_IM_TO_STAFF_INPUT),
    perform,
    sample: {
      staff_id: '5f0c3a2b1d4e5f6a7b8c9d0e',
      text: 'Ticket #1042 was updated: status is now Approved.',
      code: 0,
    },
    outputFields: sendImOutputFields({ key: 'staff_id', label: 'Staff ID' }),
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = {
  // The sandbox's Ben Chan.
  inputData: { staff_id: '5f0000000000000000000002', text: 'New lead from the web form.' },
};
