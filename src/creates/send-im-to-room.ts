/**
 * Send IM to Room: a text message to a Space (group chat) through CINNOX's message push
 * (docs/cinnox-api.md §1.3), by roomID.
 */
import { defineCreate, type CreatePerform } from 'zapier-platform-core';
import { inZapierFields } from '../cinnox/errors';
import { IM_TO_ROOM_API_FIELDS, SEND_IM_TO_ROOM_FIELDS } from '../fields/im';
import { toInputFields } from '../fields/spec';
import { pushText, sendImOutput, sendImOutputFields } from '../messaging/im-push';
import { validateInput } from '../validation';

const perform = (async (z, bundle) => {
  const input = await validateInput(z, SEND_IM_TO_ROOM_FIELDS, bundle.inputData);
  const answer = await pushText(z, bundle, { roomID: input.room_id }, input.text).catch(
    inZapierFields(z, IM_TO_ROOM_API_FIELDS),
  );
  return sendImOutput({ room_id: input.room_id }, input.text, answer);
}) satisfies CreatePerform;

export const sendImToRoom = defineCreate({
  key: 'send_im_to_room',
  noun: 'Instant Message',
  display: {
    label: 'Send IM to Room (Group Chat)',
    description: 'Sends an instant message (IM) in CINNOX to a Space (group chat), by its Room ID.',
  },
  operation: {
    inputFields: toInputFields(SEND_IM_TO_ROOM_FIELDS),
    perform,
    sample: { room_id: '62a1b2c3d4e5f60718293a4b', text: 'Deal "Acme renewal" moved to Won.', code: 0 },
    outputFields: sendImOutputFields({ key: 'room_id', label: 'Room ID' }),
  },
});
