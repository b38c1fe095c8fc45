/**
 * Labels (docs/cinnox-api.md §3.6): a label list record → a Labels drop-down option and a Find Label result,
 * and the answer of Label / Unlabel an Enquiry → the Add / Remove Labels output.
 */
import type { PlainOutputField } from 'zapier-platform-core';
import type { EnquiryLabelsResult, LabelRecord } from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asText } from '../cinnox/values';
import { recordTable, type OutputOf } from './table';

/** A label as the Labels drop-down lists it: a label without a name shows its ID. */
export const LABEL_OPTION = recordTable({
  id: { label: 'Label ID', read: 'text', sample: '65a000000000000000000001' },
  name: { label: 'Name', value: (label) => asText(label.name) || asText(label.id), sample: 'VIP' },
  colorName: { label: 'Colour', read: 'text', sample: 'red' },
});
export type LabelOption = OutputOf<typeof LABEL_OPTION.columns>;
export const toLabelOption = (label: LabelRecord): LabelOption => LABEL_OPTION.map(label);
export const LABEL_OPTION_SAMPLE: LabelOption = LABEL_OPTION.sample;
export const LABEL_OPTION_OUTPUT_FIELDS = LABEL_OPTION.outputFields;

/** The label list record (§3.6) as Find Label returns it: each key once. */
export const FOUND_LABEL = recordTable({
  id: { label: 'Label ID', read: 'text', sample: '65a000000000000000000001' },
  name: { label: 'Name', read: 'text', sample: 'VIP' },
  colorName: { label: 'Colour', read: 'text', sample: 'red' },
  createdBy: { label: 'Created By (Staff ID)', read: 'text', sample: '5f0c3a2b1d4e5f6a7b8c9d0e' },
  updatedBy: { label: 'Updated By (Staff ID)', read: 'text', sample: '5f0c3a2b1d4e5f6a7b8c9d0e' },
  createdAt: { label: 'Created At', read: 'isoDateOrNull', type: 'datetime', sample: '2026-11-01T09:00:00.000Z' },
  updatedAt: { label: 'Updated At', read: 'isoDateOrNull', type: 'datetime', sample: '2026-11-01T09:00:00.000Z' },
});
export type FoundLabel = OutputOf<typeof FOUND_LABEL.columns>;
export const toFoundLabel = (label: LabelRecord): FoundLabel => FOUND_LABEL.map(label);
export const FOUND_LABEL_SAMPLE: FoundLabel = FOUND_LABEL.sample;
export const FOUND_LABEL_OUTPUT_FIELDS = FOUND_LABEL.outputFields;

/** The ids of a §3.6 answer list (null, absent, or not a list: none). */
export const labelIdsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(asText).filter(Boolean) : []);

/**
 * A §3.6 Label / Unlabel answer, flat or under `result` (as Send OTP SMS's answer, A26): the object that carries
 * `labelIds`, `notExistLabelIds` or `updatedAt`. Anything else is an answer without labels (none applied).
 */
export function enquiryLabelsAnswer(raw: unknown): EnquiryLabelsResult {
  const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const nested =
    body.result && typeof body.result === 'object' && !Array.isArray(body.result)
      ? (body.result as Record<string, unknown>)
      : undefined;
  const carries = (o: Record<string, unknown>) => 'labelIds' in o || 'notExistLabelIds' in o || 'updatedAt' in o;
  return (nested && carries(nested) && !carries(body) ? nested : body) as EnquiryLabelsResult;
}

/** "L1" / "L1, L2" and the verb that goes with it: "L1 was", "L1, L2 were". */
export const idsWere = (ids: string[]): string => `${ids.join(', ')} ${ids.length === 1 ? 'was' : 'were'}`;

export type EnquiryLabelsOutput = {
  enquiry_id: string;
  /** Add: the labels requested and applied. Remove: the labels requested and removed. */
  label_ids: string[];
  /** Add: every label CINNOX answers as applied. Remove: the labels that remain on the enquiry. */
  enquiry_label_ids: string[];
  updated_at: string | null;
};

export function enquiryLabelsOutput(
  enquiryId: string,
  labelIds: string[],
  answer: EnquiryLabelsResult,
): EnquiryLabelsOutput {
  return {
    enquiry_id: enquiryId,
    label_ids: labelIds,
    enquiry_label_ids: labelIdsOf(answer?.labelIds),
    updated_at: isoDateTime(answer?.updatedAt),
  };
}

export const enquiryLabelsSample = (labelIds: string[], enquiryLabelIds: string[]): EnquiryLabelsOutput => ({
  enquiry_id: '66b000000000000000000001',
  label_ids: labelIds,
  enquiry_label_ids: enquiryLabelIds,
  updated_at: '2026-11-22T08:30:00.000Z',
});

export const enquiryLabelsOutputFields = (labelIds: string, enquiryLabelIds: string): PlainOutputField[] => [
  { key: 'enquiry_id', label: 'Enquiry Record ID' },
  { key: 'label_ids', label: labelIds, list: true },
  { key: 'enquiry_label_ids', label: enquiryLabelIds, list: true },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];
