/**
 * The message push both IM actions share (docs/cinnox-api.md §1.3): one text to a staff member or a
 * Space, CINNOX's answer checked, and the action's output and output fields.
 */
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { cinnoxRequest, type AuthBundle } from '../cinnox/client';
import {
  MESSAGE_PUSH_PATH,
  STAFF_IM_USES_RECEIVER_EID,
  type MessagePushBody,
  type MessagePushResult,
} from '../cinnox/contract';
import { CinnoxError, NOT_CONFIRMED_CODE } from '../cinnox/errors';
import type { RefusalLabels } from '../cinnox/refusal-fields';
import { jsonText, quote, secretsOf } from '../cinnox/quote';

/** Error code when CINNOX answers the push with a non-zero `code` that is not one of its error codes. */
export const MESSAGE_NOT_SENT_CODE = 'CinnoxMessageNotSent';

/** The error code when CINNOX wants a room for an IM to a staff member (A10). */
export const ROOM_REQUIRED_CODE = 'CinnoxRoomRequired';

/**
 * CINNOX's reason says a room is required (A10 does not hold): it names roomID (`roomID is required`, `missing
 * roomID`) and not the staff ID (`invalid receiverEID` is a wrong Staff ID, `roomID or receiverEID is required` did
 * not see it). Any other refusal, 6451000 included, is CINNOX's own message with its code and reason.
 */
function roomRequired(reason: string): boolean {
  return /room[\s_-]*id/i.test(reason) && !/receiver[\s_-]*eid/i.test(reason);
}

function roomRequiredError(z: Pick<ZObject, 'errors'>, cinnoxAnswer: string): Error {
  return new z.errors.Error(
    `CINNOX did not send the message: it needs a Room ID for this account, and Send IM to Staff gives only the staff member's ID (CINNOX's message push marks Room ID as required; the app's assumption A10 that a staff ID alone is enough does not hold here). ` +
      `Use Send IM to Room (Group Chat) with the Room ID of a Space the staff member is in. (CINNOX's answer: ${cinnoxAnswer})`,
    ROOM_REQUIRED_CODE,
    400,
  );
}

/** Who receives a pushed message: a room (`roomID`) or a staff member (`receiverEID`). */
export type PushAddress = Omit<MessagePushBody, 'messages'>;

/** A staff member's address (A10, STAFF_IM_USES_RECEIVER_EID). */
export const staffAddress = (staffId: string): PushAddress =>
  STAFF_IM_USES_RECEIVER_EID ? { receiverEID: staffId } : { roomID: staffId };

/** Pushes `text` to `address` and returns CINNOX's answer; a non-zero `code` is an error. */
export async function pushText(
  z: ZObject,
  bundle: AuthBundle,
  address: PushAddress,
  text: string,
  fields: RefusalLabels,
): Promise<MessagePushResult> {
  const body: MessagePushBody = { ...address, messages: [{ type: 'text', text }] };
  let answer: MessagePushResult;
  try {
    const pushed = await cinnoxRequest<MessagePushResult>(z, bundle, {
      method: 'POST',
      path: MESSAGE_PUSH_PATH,
      body,
      fields,
      check: 'the conversation in CINNOX (was the message posted?)',
      // Only code 0 means sent: checked below, with CINNOX's reason.
      successCode: 'own',
    });
    answer = pushed.data ?? {};
  } catch (error) {
    // A10: CINNOX may insist on roomID (the reference marks it required): say so in the Zap's words.
    if (error instanceof CinnoxError && !address.roomID && roomRequired(error.reason))
      throw roomRequiredError(z, error.text);
    throw error;
  }
  // What the messages quote of the answer: without the App Token, a preview (src/cinnox/quote.ts).
  const secrets = secretsOf(bundle.authData);
  // §1.3 documents the push's `code` (0 means success) and nothing else that says the message went out: an answer
  // without one confirms nothing, and replaying blindly could post the message twice.
  const said: unknown = answer.code;
  if (said === undefined || said === null || said === '')
    throw new z.errors.Error(
      `CINNOX answered the message push without a code (0 means posted), so the app cannot tell whether the message was posted: "${quote(answer, secrets)}". Check the conversation in CINNOX before replaying this step, so the message is not posted twice.`,
      NOT_CONFIRMED_CODE,
      400,
    );
  if ((typeof said === 'number' || typeof said === 'string') && Number(said) === 0) return answer;
  const reason = typeof answer.message === 'string' ? answer.message.trim().slice(0, 2000) : '';
  const result = typeof answer.result === 'object' && answer.result ? answer.result : undefined;
  // CINNOX's reason is its message, else the details of its result.
  if (!address.roomID && roomRequired(reason || (result ? jsonText(result, 2000) : '')))
    throw roomRequiredError(z, quote(answer, secrets));
  throw new z.errors.Error(
    `CINNOX did not send the message (code ${quote(answer.code, secrets)}${reason ? `: ${quote(reason, secrets)}` : ''}${result ? `: ${quote(result, secrets)}` : ''}). Check this step's fields, then replay it.`,
    MESSAGE_NOT_SENT_CODE,
    400,
  );
}

/** What Send IM to Staff / Room output besides the target: the text sent and CINNOX's answer. */
export interface SendImOutput {
  text: string;
  /** 0: CINNOX posted the message (any other code, or none, is an error). */
  code: number;
  result?: Record<string, unknown>;
}

/** The output of a push: the target's key and id, the text, CINNOX's code and result. */
export const sendImOutput = <const K extends string>(
  target: Record<K, string>,
  text: string,
  answer: MessagePushResult,
): Record<K, string> & SendImOutput => ({
  ...target,
  text,
  code: Number(answer.code),
  ...(answer.result ? { result: answer.result } : {}),
});

/** The output fields of a push: the target's field, then the text and CINNOX's answer. */
export const sendImOutputFields = (target: PlainOutputField): PlainOutputField[] => [
  target,
  { key: 'text', label: 'Text' },
  { key: 'code', label: 'CINNOX Code (0 = sent)', type: 'integer' },
  { key: 'result', label: 'CINNOX Result' },
];
