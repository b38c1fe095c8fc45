/**
 * Send IM to Room: a text message to a Space (group chat) through CINNOX's message push
 * (docs/cinnox-api.md §1.3), by roomID.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { imText } from '../fields/im';
import type { MessagePushBody } from '../cinnox/contract';
import { id, input, inputFieldsOf, parseInput } from '../input/schema';
import { pushText, sendImOutput, sendImOutputFields } from '../messaging/im-push';
import type { Example } from '../examples';

const roomId = id({
  label: 'Room ID',
  helpText:
    "The Room ID of the Space (group chat) that receives the message. In CINNOX, open the Space and copy its Room ID; CINNOX's Space Detailed Guide shows where to find it.",
  required: true,
  hint: 'Copy the Room ID from the Space in CINNOX.',
  cinnox: 'roomID' satisfies keyof MessagePushBody,
});
const SEND_IM_TO_ROOM_INPUT = input({ room_id: roomId, text: imText });

const perform = (async (z, bundle) => {
  const input = parseInput(z, SEND_IM_TO_ROOM_INPUT, bundle.inputData);
  const answer = await pushText(z, bundle, { roomID: input.room_id }, input.text, SEND_IM_TO_ROOM_INPUT.refusalLabels);
  return sendImOutput({ room_id: input.room_id }, input.text, answer);
}) satisfies CreatePerform;

export default defineCreate({
  key: 'send_im_to_room',
  noun: 'Instant Message',
  display: {
    label: 'Send IM to Room (Group Chat)',
    description: 'Sends an instant message (IM) in CINNOX to a Space (group chat), by its Room ID.',
  },
  operation: {
    inputFields: inputFieldsOf(SEND_IM_TO_ROOM_INPUT),
    perform,
    sample: { room_id: '62a1b2c3d4e5f60718293a4b', text: 'Deal "Acme renewal" moved to Won.', code: 0 },
    outputFields: sendImOutputFields({ key: 'room_id', label: 'Room ID' }),
  },
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = { inputData: { room_id: 'room-sandbox-general', text: 'Daily report is ready.' } };
