/**
 * The label event group (`label-event-sub`, docs/cinnox-api.md §3.6): created, edited, deleted. Its
 * normaliser, its recent records for performList (the label list), its output fields and samples.
 */
import { list } from '../../cinnox/client';
import { EVENT_STATUS, LABEL_LIST_PATH, SUBSCRIPTIONS, type LabelRecord } from '../../cinnox/contract';
import { asText } from '../../cinnox/values';
import { pick } from '../payload';
import { LIST_SAMPLE_SIZE, SAMPLE, defineGroup, eventIdOf, eventTime, serviceIdOf, statusOf } from './shared';

export const labelGroup = defineGroup({
  subscription: SUBSCRIPTIONS.label,
  events: 'label events (created, edited, deleted)',
  normalize(event, ctx) {
    const labelId = asText(pick(event, 'id', 'labelId'));
    const status = statusOf(event);
    const colorName = asText(pick(event, 'colorName'));
    return {
      // `id` is the label's (the CINNOX Zapier guide's key), so the per-event id is `eventId`, the primary key.
      eventId: eventIdOf(event, labelId, status, eventTime(event, ctx)),
      status,
      id: labelId,
      name: asText(pick(event, 'name', 'labelName')),
      // Events name the colour colorCode (A12); the label list (§3.6), which Test Trigger reads, names it colorName.
      colorCode: asText(pick(event, 'colorCode', 'color')) || colorName,
      serviceId: serviceIdOf(event),
    };
  },
  async recent(z, bundle, status) {
    // A listed label has not been deleted: for Label Deleted, the static sample.
    if (status === EVENT_STATUS.labelDeleted) return [];
    const records = await list<LabelRecord>(z, bundle, LABEL_LIST_PATH, { offset: 0, limit: LIST_SAMPLE_SIZE });
    return records.map((r) => ({
      status,
      id: r.id,
      name: r.name,
      colorCode: r.colorCode,
      colorName: r.colorName,
      updatedAt: r.updatedAt,
    }));
  },
});

/**
 * Every label trigger. The `id` of the CINNOX Zapier guide (https://docs.cinnox.com/docs/zapier) is the
 * label's, so the per-event id is `eventId`, marked primary.
 */
export const LABEL_BASE_FIELDS = [
  { key: 'eventId', label: 'Event ID', primary: true },
  { key: 'status', label: 'Status' },
  { key: 'id', label: 'Label ID' },
  { key: 'name', label: 'Label Name' },
  { key: 'serviceId', label: 'Service ID' },
] as const;

/**
 * New Label and Label Edited add the colour (a deleted label has none): the event's colorCode, else the
 * colorName of the label list (§3.6: "the colour name of the label", a hex code or a name).
 */
export const LABEL_COLOUR_FIELDS = [{ key: 'colorCode', label: 'Colour (Hex Code or Colour Name)' }] as const;
export const LABEL_FIELDS = [...LABEL_BASE_FIELDS, ...LABEL_COLOUR_FIELDS] as const;

/** What every label trigger declares alike. */
export const LABEL_TRIGGER = { noun: 'Label', group: 'label' } as const;

/** A label trigger's sample: one label, in `status`. */
export function labelEventSample(status: string) {
  const id = 'lbl-2b4d6f';
  return { eventId: `${id}:${status}:${SAMPLE.time}`, status, id, name: 'VIP', serviceId: SAMPLE.serviceId };
}

/** The sample of the triggers with LABEL_FIELDS: the label and its colour. */
export const colouredLabelSample = (status: string) => ({ ...labelEventSample(status), colorCode: '#1E88E5' });
