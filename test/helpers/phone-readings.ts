/**
 * A trigger's or search's phone numbers read on the sandbox (test/sandbox/harness.ts) and sent there with Send SMS
 * (or Send OTP SMS), for test/chains.test.ts: what a Zap builder maps from the step into the SMS's number field,
 * and what the sandbox recorded of the SMS.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { examples } from '../../src/examples';
import type { Sandbox } from '../sandbox/harness';
import { appTester } from './app';
import { createPerform } from './ops';

type Item = Record<string, unknown>;
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

/** The field a number is mapped into: Send SMS's Recipient Number or Sender Number, or Send OTP SMS's Sender ID. */
export type Into = 'recipient' | 'sender' | 'otp sender';

/**
 * The value at a flattened output key: `a__b` inside `a`, `a[]b` in the first line item of `a`; undefined when the
 * item has no such value.
 */
export function valueAt(item: Item | undefined, key: string): unknown {
  const [head, ...rest] = key.split('__');
  const [list, inner] = head!.split('[]');
  let value: unknown = item?.[list!];
  if (inner !== undefined) value = (value as Item[] | undefined)?.[0]?.[inner];
  return rest.length > 0 ? valueAt(value as Item | undefined, rest.join('__')) : value;
}

/** What each field takes: E.164, or an Alphanumeric sender ID (Send OTP SMS). */
const WELL_FORMED: Record<Into, RegExp> = {
  recipient: /^\+[1-9]\d{6,14}$/,
  sender: /^\+[1-9]\d{6,14}$/,
  'otp sender': /^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/,
};

/** One phone number an item gave on the sandbox, and what became of it. */
export interface Reading {
  field: string;
  value: unknown;
  into: Into;
  /** As `into` takes it (WELL_FORMED). */
  wellFormed: boolean;
  /** Its digits (or letters) are a value of CINNOX's answer to the reads the operation made: no invented number. */
  inCinnoxAnswer: boolean;
  /** What the sandbox recorded as the SMS's recipient (or sender) when the create ran with it; its error else. */
  sent: unknown[];
}

/** The reading a number passes as: well formed, one CINNOX answered, sent exactly as it is. */
export const passing = (reading: Reading): Reading => ({
  ...reading,
  wellFormed: true,
  inCinnoxAnswer: true,
  sent: [reading.value],
});

export const onSandbox = (sandbox: Sandbox, inputData: Record<string, unknown>) => ({
  authData: { appId: sandbox.appId, appToken: sandbox.appToken, baseUrl: sandbox.baseUrl },
  inputData,
});

const leaves = (value: unknown): unknown[] =>
  value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value];
const plain = (value: unknown): string =>
  String(value)
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();

/** Send SMS (or Send OTP SMS) on the sandbox, its example input with `value` in `into`: what the sandbox recorded. */
async function sentOnSandbox(sandbox: Sandbox, into: Into, value: unknown): Promise<unknown[]> {
  const key = into === 'otp sender' ? 'send_otp_sms' : 'send_sms';
  const recorded = async (): Promise<unknown[]> => {
    const state = await sandbox.admin('GET', '/state');
    if (into === 'otp sender') return state.otps.map((otp: Item) => otp.senderNumber);
    return state.sms.map((sms: Item) => (into === 'sender' ? sms.sender : sms.recipient));
  };
  const before = (await recorded()).length;
  const mapped = into === 'recipient' ? { recipient_numbers: [value] } : { sender_number: value };
  try {
    await appTester(createPerform(key), onSandbox(sandbox, { ...examples.creates[key]!.inputData, ...mapped }));
  } catch (error) {
    return [`${key} failed: ${(error as Error).message}`];
  }
  return (await recorded()).slice(before);
}

/**
 * `perform` run with `inputData` on the sandbox, reset first: each value of `fields` in each item it gives, mapped
 * into `into` of a create run on the same sandbox.
 */
export async function readingsOnSandbox(
  sandbox: Sandbox,
  perform: Perform,
  inputData: Record<string, unknown>,
  fields: string[],
  into: Into,
): Promise<Reading[]> {
  await sandbox.admin('POST', '/reset');
  const items = (await appTester(perform, onSandbox(sandbox, inputData))) as Item[];
  // The same reads again, raw: CINNOX's answers as the operation got them.
  const { requests } = await sandbox.admin('GET', '/state');
  const answers = await Promise.all(
    requests
      .filter((r: Item) => r.method === 'GET')
      .map((r: Item) =>
        sandbox.api('GET', `${String(r.path)}?${new URLSearchParams(r.query as Record<string, string>)}`),
      ),
  );
  const answered = new Set(answers.flatMap((answer) => leaves(answer.data)).map(plain));
  const readings: Reading[] = [];
  for (const item of items) {
    for (const field of fields) {
      const value = valueAt(item, field);
      if (value === undefined || value === null || value === '') continue;
      const wellFormed = WELL_FORMED[into].test(String(value));
      const inCinnoxAnswer = answered.has(plain(value));
      readings.push({
        field,
        value,
        into,
        wellFormed,
        inCinnoxAnswer,
        sent: await sentOnSandbox(sandbox, into, value),
      });
    }
  }
  return readings;
}
