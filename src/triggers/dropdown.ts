/**
 * What the drop-down triggers (staff-list.ts, sender-number-list.ts) share; not an operation itself:
 * a hidden polling trigger that pages, one CINNOX request of LIST_PAGE_MAX records per drop-down page.
 */
import { defineTrigger, type Bundle, type PlainOutputField, type PollingTriggerPerform } from 'zapier-platform-core';
import { LIST_PAGE_MAX } from '../cinnox/contract';

/** The CINNOX offset and limit of the drop-down page Zapier asks for (`bundle.meta.page`, from 0). */
export function pageOf(bundle: Pick<Bundle, 'meta'>): { page: number; offset: number; limit: number } {
  const page = Math.max(0, Math.trunc(Number(bundle.meta?.page ?? 0) || 0));
  return { page, offset: page * LIST_PAGE_MAX, limit: LIST_PAGE_MAX };
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
