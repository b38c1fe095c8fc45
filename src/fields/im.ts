/** The message text of Send IM to Staff and Send IM to Room (message push, docs/cinnox-api.md §1.3). */
import { MESSAGE_PUSH_MAX_CHARS, type MessagePushBody } from '../cinnox/contract';
import { text } from '../input/schema';

export const imText = text({
  label: 'Text',
  helpText: 'The instant message to send.',
  required: true,
  multiline: true,
  maxChars: MESSAGE_PUSH_MAX_CHARS,
  // §1.3 does not say what it counts: 5000 UTF-16 code units holds under any count (graphemes, code points, units).
  maxUnits: MESSAGE_PUSH_MAX_CHARS,
  // Sent as messages[].text.
  cinnox: ['messages' satisfies keyof MessagePushBody, 'text'],
});
