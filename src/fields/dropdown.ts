/**
 * What the drop-down triggers (staff-list.ts, label-list.ts, sender-number-list.ts, otp-sender-list.ts) share;
 * not an operation itself: a hidden polling trigger that pages. Drop-down page n is the new records of the n-th
 * request of a paged read from the start (src/cinnox/client.ts `dropdownPage`, on `readPages`): the first page
 * is one CINNOX request of LIST_PAGE_MAX records; page n re-reads the pages before it (n + 1 requests), so a
 * page cap below LIST_PAGE_MAX skips no record and an ignored offset repeats none (the page after the last is empty).
 */
import { defineTrigger, type Bundle, type PlainOutputField, type PollingTriggerPerform } from 'zapier-platform-core';

/** The drop-down page Zapier asks for (`bundle.meta.page`, from 0). */
export function pageOf(bundle: Pick<Bundle, 'meta'>): { page: number } {
  return { page: Math.max(0, Math.trunc(Number(bundle.meta?.page ?? 0) || 0)) };
}

export interface DropdownTriggerSpec<K extends string, R extends { id: string }> {
  key: K;
  noun: string;
  label: string;
  description: `Triggers when ${string}.`;
  /** One page of options. */
  perform: PollingTriggerPerform<Record<string, unknown>, R>;
  sample: R;
  outputFields: PlainOutputField[];
}

export function defineDropdownTrigger<const K extends string, R extends { id: string }>(
  spec: DropdownTriggerSpec<K, R>,
) {
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description, hidden: true },
    operation: {
      type: 'polling',
      canPaginate: true,
      perform: spec.perform,
      sample: spec.sample,
      outputFields: spec.outputFields,
    },
  });
}
