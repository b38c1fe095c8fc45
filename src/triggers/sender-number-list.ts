/**
 * Hidden trigger feeding the Sender Number drop-down (Send SMS): the account's numbers of the Number Type
 * chosen in the action (`bundle.inputData.number_type`) that can send SMS. Drop-down page n is the n-th request of
 * a paged read from the start (src/cinnox/client.ts `readPages`, A4 is undocumented): the first page is one
 * request of 500; a later page re-reads the earlier ones, so a page cap below 500 skips no number and an
 * ignored offset repeats none (the page after the last is empty).
 */
import type { PlainOutputField } from 'zapier-platform-core';
import { NUMBER_TYPES, type NumberRecord, type NumberType } from '../cinnox/contract';
import { asE164, asText, countryOf, numberOf } from '../cinnox/values';
import { DEFAULT_SMS_NUMBER_TYPE, isSmsNumberType, SMS_NUMBER_TYPES } from '../fields/sms';
import { defineDropdownTrigger, pageOf } from '../fields/dropdown';
import { numbersDropdownPage } from '../records/number';
import type { Example } from '../examples';

export interface SenderNumberOption {
  id: string;
  label: string;
  number: string;
  number_type: string;
  type: string;
  country: string;
  ServiceID: string;
}

export function senderLabel(record: NumberRecord): string {
  const details = [countryOf(record), asText(record.type)].filter(Boolean).join(', ');
  const name = asText(record.name);
  let label = asE164(numberOf(record));
  if (name && name !== label) label += ` ${name}`;
  if (details) label += ` (${details})`;
  return label;
}

/**
 * The drop-down options of a page of numbers of one type: those that can send SMS. Shared by this drop-down
 * and the Sender ID drop-down of Send OTP SMS (src/triggers/otp-sender-list.ts).
 */
export function senderOptions(numbers: NumberRecord[], type: NumberType): SenderNumberOption[] {
  // A number CINNOX marks as not sending SMS (`supportSMS: false`) cannot be a sender: left out of the page.
  return numbers
    .filter((n) => numberOf(n) && n.supportSMS !== false)
    .map((n) => ({
      // "+" restored when CINNOX lists a number as digits: Send SMS's Sender Number needs it, as a recipient does.
      id: asE164(numberOf(n)),
      label: senderLabel(n),
      number: asE164(numberOf(n)),
      number_type: NUMBER_TYPES[type],
      type: asText(n.type),
      country: countryOf(n),
      ServiceID: asText(n.ServiceID ?? n.serviceID),
    }));
}

export const SENDER_OPTION_SAMPLE: SenderNumberOption = {
  id: '+85230001234',
  label: '+85230001234 (HK, DID)',
  number: '+85230001234',
  number_type: 'Virtual Number',
  type: 'DID',
  country: 'HK',
  ServiceID: 'svc-8f2e41',
};

export const SENDER_OPTION_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Number' },
  { key: 'label', label: 'Number (Country, Type)' },
  { key: 'number', label: 'Number' },
  { key: 'number_type', label: 'Number Type' },
  { key: 'type', label: 'Type' },
  { key: 'country', label: 'Country' },
  { key: 'ServiceID', label: 'Service ID' },
];

export default defineDropdownTrigger({
  key: 'sender_number_list',
  noun: 'Sender Number',
  label: 'Sender Number List',
  description:
    'Triggers when the Sender Number drop-down is opened: lists your CINNOX numbers of the chosen Number Type that can send SMS.',
  perform: async (z, bundle): Promise<SenderNumberOption[]> => {
    const requested = asText(bundle.inputData?.number_type);
    const type = isSmsNumberType(requested) ? requested : DEFAULT_SMS_NUMBER_TYPE;
    const numbers = await numbersDropdownPage(z, bundle, type, pageOf(bundle).page);
    return senderOptions(numbers, type);
  },
  sample: SENDER_OPTION_SAMPLE,
  outputFields: SENDER_OPTION_OUTPUT_FIELDS,
});

/** A Zap builder's input (src/examples.ts); on an account, the drop-down of each Number Type Send SMS offers. */
export const example: Example = {
  inputData: { number_type: 'access-numbers' },
  onAccount: () => Object.keys(SMS_NUMBER_TYPES).map((number_type) => ({ number_type })),
};
