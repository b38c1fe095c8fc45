/** Field specs of Send IM to Staff and Send IM to Room (message push, docs/cinnox-api.md §1.3). */
import { MESSAGE_PUSH_MAX_CHARS } from '../cinnox/contract';
import { defineFieldSpec, defineFieldSpecs, type ApiFieldLabels } from './spec';

export const imText = defineFieldSpec({
  key: 'text',
  label: 'Text',
  helpText: 'The instant message to send.',
  required: true,
  type: 'text',
  maxChars: MESSAGE_PUSH_MAX_CHARS,
  // §1.3 does not say what it counts: 5000 UTF-16 code units holds under any count (graphemes, code points, units).
  maxUnits: MESSAGE_PUSH_MAX_CHARS,
});

export const staffId = defineFieldSpec({
  key: 'staff_id',
  label: 'Staff ID',
  helpText:
    'The staff member who receives the message: pick one from your CINNOX staff, enter a staff ID, or find one by name (Find Staff Member).',
  required: true,
  dynamic: 'staff_list.id.name',
  search: 'find_staff.id',
});

export const roomId = defineFieldSpec({
  key: 'room_id',
  label: 'Room ID',
  helpText:
    "The Room ID of the Space (group chat) that receives the message. In CINNOX, open the Space and copy its Room ID; CINNOX's Space Detailed Guide shows where to find it.",
  required: true,
});

export const SEND_IM_TO_STAFF_FIELDS = defineFieldSpecs([staffId, imText]);
export const SEND_IM_TO_ROOM_FIELDS = defineFieldSpecs([roomId, imText]);

/** The message push's API fields (§1.3) → the Zapier labels of Send IM to Staff (A10: `receiverEID`) and to Room. */
export const IM_TO_STAFF_API_FIELDS: ApiFieldLabels = { receiverEID: staffId.label, messages: imText.label };
export const IM_TO_ROOM_API_FIELDS: ApiFieldLabels = { roomID: roomId.label, messages: imText.label };
