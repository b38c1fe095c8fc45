/**
 * Hidden trigger feeding the Sender ID drop-down of Send OTP SMS: the account's Alphanumeric sender IDs
 * (docs/cinnox-api.md §1.2 "Alphanumeric sender ID only"; the number list of A4), the same options as the
 * Sender Number drop-down (`senderOptions`), paged as it is (src/fields/dropdown.ts): one CINNOX request for
 * the first page, n + 1 for page n.
 */
import { OTP_SENDER_NUMBER_TYPE } from '../fields/sms';
import { numbersDropdownPage } from '../records/number';
import { defineDropdownTrigger, pageOf } from '../fields/dropdown';
import {
  SENDER_OPTION_OUTPUT_FIELDS,
  SENDER_OPTION_SAMPLE,
  senderOptions,
  type SenderNumberOption,
} from './sender-number-list';
import type { Example } from '../examples';

export default defineDropdownTrigger({
  key: 'otp_sender_list',
  noun: 'Sender ID',
  label: 'Alphanumeric Sender ID List',
  description:
    'Triggers when the Sender ID drop-down of Send OTP SMS is opened: lists your CINNOX Alphanumeric sender IDs.',
  perform: async (z, bundle): Promise<SenderNumberOption[]> => {
    const numbers = await numbersDropdownPage(z, bundle, OTP_SENDER_NUMBER_TYPE, pageOf(bundle).page);
    return senderOptions(numbers, OTP_SENDER_NUMBER_TYPE);
  },
  sample: {
    ...SENDER_OPTION_SAMPLE,
    id: 'CINNOX',
    label: 'CINNOX (HK, ALPHANUMERIC)',
    number: 'CINNOX',
    number_type: 'Alphanumeric',
    type: 'ALPHANUMERIC',
  },
  outputFields: SENDER_OPTION_OUTPUT_FIELDS,
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = { inputData: {} };
