/**
 * Send IM to Staff: a text message to one staff member through CINNOX's message push (§1.3), addressed
 * by `receiverEID` (assumption A10, STAFF_IM_USES_RECEIVER_EID).
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { cinnox } from '../cinnox/client';
import { STAFF_IM_USES_RECEIVER_EID, type MessagePushBody, type MessagePushResult } from '../cinnox/contract';
import { toInputFields, validateInput, type FieldSpec } from '../schemas';
import { SEND_IM_TO_STAFF_FIELDS } from '../schemas/messaging';

/** Error code when CINNOX answers the push with a non-zero `code` that is not one of its error codes. */
export const MESSAGE_NOT_SENT_CODE = 'CinnoxMessageNotSent';

/**
 * Validates `specs` (target field + Text), pushes the text to the target and returns CINNOX's answer.
 * Empty, whitespace-only or too long text is refused before any request.
 */
export async function pushText(
  z: ZObject,
  bundle: Bundle,
  specs: readonly FieldSpec[],
  address: (target: string) => Omit<MessagePushBody, 'messages'>,
): Promise<{ target: string; text: string; answer: MessagePushResult }> {
  const input = await validateInput(z, specs, bundle.inputData);
  const target = input[specs[0]!.key] as string;
  const text = input.text as string;
  const body: MessagePushBody = { ...address(target), messages: [{ type: 'text', text }] };
  const answer = (await cinnox.pushMessage(z, bundle, body)) ?? {};
  const code = Number(answer.code ?? 0);
  if (code !== 0) {
    throw new z.errors.Error(
      `CINNOX did not send the message (code ${String(answer.code)}${typeof answer.result === 'object' && answer.result ? `: ${JSON.stringify(answer.result).slice(0, 200)}` : ''}).`,
      MESSAGE_NOT_SENT_CODE,
      400,
    );
  }
  return { target, text, answer };
}

export const staffAddress = (staffId: string): Omit<MessagePushBody, 'messages'> =>
  STAFF_IM_USES_RECEIVER_EID ? { receiverEID: staffId } : { roomID: staffId };

export interface SendImOutput {
  text: string;
  code: number;
  result?: Record<string, unknown>;
}

async function perform(z: ZObject, bundle: Bundle): Promise<SendImOutput & { staff_id: string }> {
  const { target, text, answer } = await pushText(z, bundle, SEND_IM_TO_STAFF_FIELDS, staffAddress);
  return {
    staff_id: target,
    text,
    code: Number(answer.code ?? 0),
    ...(answer.result ? { result: answer.result } : {}),
  };
}

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
    outputFields: [
      { key: 'staff_id', label: 'Staff ID' },
      { key: 'text', label: 'Text' },
      { key: 'code', label: 'CINNOX Code (0 = sent)', type: 'integer' },
      { key: 'result', label: 'CINNOX Result' },
    ],
  },
});
