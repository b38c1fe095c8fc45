/**
 * Hidden trigger feeding the Labels drop-down of Add / Remove Labels (docs/cinnox-api.md §3.6 Get Label List):
 * the account's labels. Page n is the n-th request of a paged read from the start (src/fields/dropdown.ts):
 * one CINNOX request for the first page, n + 1 for page n.
 */
import { dropdownPage, keyById } from '../cinnox/client';
import { LABEL_LIST_PATH, type LabelRecord } from '../cinnox/contract';
import { LABEL_OPTION_OUTPUT_FIELDS, LABEL_OPTION_SAMPLE, toLabelOption, type LabelOption } from '../records/label';
import { defineDropdownTrigger, pageOf } from '../fields/dropdown';
import type { Example } from '../examples';

export default defineDropdownTrigger({
  key: 'label_list',
  noun: 'Label',
  label: 'Label List',
  description: 'Triggers when the Labels drop-down is opened: lists the labels of your CINNOX account.',
  perform: async (z, bundle): Promise<LabelOption[]> => {
    const labels = await dropdownPage<LabelRecord>(z, bundle, LABEL_LIST_PATH, keyById, pageOf(bundle).page);
    return labels.filter((l) => l?.id).map(toLabelOption);
  },
  sample: LABEL_OPTION_SAMPLE,
  outputFields: LABEL_OPTION_OUTPUT_FIELDS,
});

/** A Zap builder's input (src/examples.ts). */
export const example: Example = { inputData: {} };
