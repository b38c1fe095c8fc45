// The tour's steps for the operations beyond the product guide (OTP, enquiry labels, staff and label look-ups, transcripts) (scripts/tour.ts calls `runBeyondSteps` after the product guide's
// actions): the Alphanumeric sender and label drop-downs, Send OTP SMS, Find Staff Member, Find Label, Add and
// Remove Labels on an enquiry, and Get Enquiry Transcript of a closed enquiry (and the message for one that
// is not closed), each against the sandbox.
import type { StartedSandbox } from '../../sandbox/control.ts';
import type { Perform } from '../lib/built-app.ts';

type Item = Record<string, unknown>;
type Operations = Record<string, { operation: { perform: Perform } } | undefined>;

export interface BeyondContext {
  app: { triggers: Operations; creates: Operations; searches: Operations };
  authData: Record<string, string>;
  sandbox: StartedSandbox;
  /** The tour's step: runs `fn`, records its result line or its failure. */
  step: (operation: string, fn: () => Promise<unknown>) => Promise<boolean>;
  /** The tour's runner: one of the app's functions, as Zapier runs it. */
  run: <T = Item[]>(
    fn: Perform | undefined,
    bundle: { authData: Record<string, string>; inputData?: Item; meta?: { page: number } },
  ) => Promise<T>;
}

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new Error(message);
};

/** The perform of an operation the app must have: a missing one fails its step, naming it. */
const performOf = (ops: Operations, kind: string, key: string): Perform => {
  const op = ops[key];
  if (!op) throw new Error(`the app has no ${kind} ${key}`);
  return op.operation.perform;
};

export async function runBeyondSteps({ app, authData, sandbox, step, run }: BeyondContext): Promise<void> {
  const trigger = (key: string) => performOf(app.triggers, 'trigger', key);
  const create = (key: string) => performOf(app.creates, 'create', key);
  const search = (key: string) => performOf(app.searches, 'search', key);
  const state = (await sandbox.state()) as { enquiries: Item[]; staff: Item[] };
  const closed = state.enquiries.find((e) => e.status === 'closed');
  const notClosed = state.enquiries.find((e) => e.status !== 'closed');
  const someStaff = state.staff[1] ?? state.staff[0];
  let sender: Item | undefined;
  let labels: Item[] = [];

  await step('drop-down otp_sender_list', async () => {
    const list = await run(trigger('otp_sender_list'), { authData, meta: { page: 0 } });
    check(list.length > 0, 'no Alphanumeric sender IDs');
    sender = list[0];
    return `${list.length} sender IDs; first ${sender!.id}`;
  });
  await step('create send_otp_sms', async () => {
    const sent = await run<Item>(create('send_otp_sms'), {
      authData,
      inputData: { sender_number: sender?.id, recipient_number: '+85294667788', text: 'Your CINNOX tour code is %s.' },
    });
    check(/^\d{6}$/.test(String(sent.pin)) && sent.pin_generated === true, `no generated 6-digit PIN: ${sent.pin}`);
    check(String(sent.status) === 'true' && sent.transactionID, 'CINNOX did not report the OTP as sent');
    return `pin=${sent.pin} (generated) status=${sent.status} transactionID=${sent.transactionID}`;
  });
  await step('search find_staff', async () => {
    const name = `${someStaff?.firstName} ${someStaff?.lastName}`;
    const found = await run(search('find_staff'), { authData, inputData: { full_name: name.toUpperCase() } });
    check(found.length === 1 && found[0]!.id === someStaff?.id, `expected exactly ${name}, got ${found.length}`);
    return `${name}: id=${found[0]!.id}`;
  });
  await step('drop-down label_list', async () => {
    labels = await run(trigger('label_list'), { authData, meta: { page: 0 } });
    check(labels.length >= 2, 'fewer than two labels');
    return `${labels.length} labels; first ${labels[0]!.name}`;
  });
  await step('search find_label', async () => {
    const name = String(labels[0]?.name);
    const found = await run(search('find_label'), { authData, inputData: { name: name.toLowerCase() } });
    check(found.length === 1 && found[0]!.id === labels[0]?.id, `expected exactly the label ${name}`);
    return `${name}: id=${found[0]!.id}`;
  });
  await step('create add_enquiry_labels', async () => {
    check(closed, 'the sandbox has no closed enquiry');
    const ids = labels.slice(0, 2).map((l) => l.id);
    const added = await run<Item>(create('add_enquiry_labels'), {
      authData,
      inputData: { enquiry_id: closed!._id, label_ids: ids },
    });
    check(
      ids.every((id) => (added.enquiry_label_ids as unknown[]).includes(id)),
      'the labels were not applied',
    );
    return `enquiry ${closed!.displayCaseNumber}: labels ${(added.enquiry_label_ids as unknown[]).join(', ')}`;
  });
  await step('create remove_enquiry_labels', async () => {
    const removed = await run<Item>(create('remove_enquiry_labels'), {
      authData,
      inputData: { enquiry_id: closed!._id, label_ids: [labels[0]!.id] },
    });
    return `removed ${(removed.label_ids as unknown[]).join(', ')}; remaining ${(removed.enquiry_label_ids as unknown[]).join(', ') || '∅'}`;
  });
  await step('search get_enquiry_transcript', async () => {
    const found = await run(search('get_enquiry_transcript'), {
      authData,
      inputData: { enquiry_id: closed!.displayCaseNumber },
    });
    const transcript = String(found[0]?.transcript ?? '');
    check(found[0]?.message_count && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} .+: /.test(transcript), 'no transcript');
    return `${found[0]!.message_count} messages; "${transcript.split('\n')[0]}"`;
  });
  await step('search get_enquiry_transcript (not closed)', async () => {
    check(notClosed, 'the sandbox has no enquiry that is not closed');
    try {
      await run(search('get_enquiry_transcript'), {
        authData,
        inputData: { enquiry_id: notClosed!.displayCaseNumber },
      });
    } catch (error) {
      const message = String((error as Error).message);
      check(/closed enquiries only/.test(message), `refused for another reason: ${message.slice(0, 200)}`);
      return `refused: not closed (${notClosed!.status})`;
    }
    throw new Error('the chat of an enquiry that is not closed was returned');
  });
}
