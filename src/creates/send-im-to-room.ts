/** Send IM to Room: a text message to a Space (group chat) through CINNOX's message push (§1.3), by roomID. */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { toInputFields } from '../schemas';
import { SEND_IM_TO_ROOM_FIELDS } from '../schemas/messaging';
import { pushText, type SendImOutput } from './send-im-to-staff';

async function perform(z: ZObject, bundle: Bundle): Promise<SendImOutput & { room_id: string }> {
  const { target, text, answer } = await pushText(z, bundle, SEND_IM_TO_ROOM_FIELDS, (roomID) => ({ roomID }));
  return { room_id: target, text, code: Number(answer.code ?? 0), ...(answer.result ? { result: answer.result } : {}) };
}

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
    outputFields: [
      { key: 'room_id', label: 'Room ID' },
      { key: 'text', label: 'Text' },
      { key: 'code', label: 'CINNOX Code (0 = sent)', type: 'integer' },
      { key: 'result', label: 'CINNOX Result' },
    ],
  },
});
