/**
 * Scheduled (polling) triggers on CINNOX's reports (A30). Zapier runs perform every few minutes and starts the Zap
 * for each item whose `id` it has not seen before. No CINNOX subscription is involved, so any number of Zaps on one
 * connection can run the same trigger, and each poll reads the report's whole window: no webhook to lose.
 *
 * A trigger file declares its report, its filters (an input, src/input/schema.ts), which records pass them, a
 * record's item, its output fields and sample; this builds perform:
 * - the filters are checked before any request;
 * - the report is read in pages of 500, at most REPORT_POLL_MAX_PAGES: one request in the common case;
 * - the items are the newest first, each id once, at most REPORT_POLL_MAX_ITEMS;
 * - a report listed oldest first while holding more than the poll read fails the poll (A30) rather than miss records;
 * - so does a record that a chosen filter drops only because its value is none of the filter's choices (A30): the
 *   message names the filter and the value, rather than the Zap never firing with nothing to say why.
 */
import { defineTrigger, type PlainOutputField, type PollingTriggerPerform } from 'zapier-platform-core';
import { readPages, reportWindow } from '../cinnox/client';
import { REPORT_POLL_MAX_ITEMS, REPORT_POLL_MAX_PAGES } from '../cinnox/contract';
import { CinnoxError } from '../cinnox/errors';
import { inputFieldsOf, labelOf, parseInput, type InputOf, type InputSchema, type Shape } from '../input/schema';

export interface ReportTriggerSpec<K extends string, F extends Shape, R, O extends { id: string }> {
  key: K;
  noun: string;
  label: string;
  /** What it fires on; the note on polling and the instant alternative are appended. */
  description: `Triggers when ${string}.`;
  /** The instant trigger(s) to use instead, as the Zap editor names them. */
  instant: string;
  /** How messages name the report, e.g. "the call log". */
  report: string;
  path: string;
  /** The report window, in days back from now. */
  days: number;
  input: InputSchema<F>;
  /**
   * The item's `id`, unique per event Zapier should start the Zap for (Zapier's deduplication); pages that overlap
   * give each id once.
   */
  idOf(record: R): string;
  /** When CINNOX listed the record by (ISO 8601, '' unknown): the report's own order, checked (A30). */
  listedAt(record: R): string;
  /**
   * When the record last changed (ISO 8601, '' unknown): the items' order. A trigger whose records change after
   * they are listed (an enquiry closed, an SMS delivered) reads the whole report, up to its bound, so the change
   * of an older record is not cut off.
   */
  changedAt?(record: R): string;
  passes(record: R, filters: InputOf<InputSchema<F>>): boolean;
  /**
   * For each choice filter (by its input key): the record's value when it is none of the values the filter's choices
   * know (A30), '' when a choice knows it or the record has none.
   */
  unknown: { readonly [K in keyof F]?: (record: R) => string };
  /** The record's item, without its `id` (the factory puts `idOf`'s first). */
  item(record: R): Record<string, unknown>;
  outputFields: readonly PlainOutputField[];
  sample: O;
}

/** What every scheduled trigger's description says after what it fires on. */
export const scheduledNote = (instant: string): string =>
  `Checked every few minutes, not instantly, and needs no CINNOX subscription, so any number of Zaps on one connection can use it. For an instant trigger, use ${instant}.`;

/** How many unknown values the message names, and how long each may be. */
const UNKNOWN_SHOWN = 3;
const UNKNOWN_MAX_CHARS = 40;

export function defineReportTrigger<const K extends string, F extends Shape, R, O extends { id: string }>(
  spec: ReportTriggerSpec<K, F, R, O>,
) {
  const changedAt = spec.changedAt ?? spec.listedAt;
  type Filters = InputOf<InputSchema<F>>;
  const unknownChecks = Object.entries(spec.unknown).filter(
    (entry): entry is [Extract<keyof F, string>, (record: R) => string] => typeof entry[1] === 'function',
  );
  /**
   * The chosen filters that drop a record only because its value is unknown: for each, the value (A30). A record
   * another filter drops anyway is none of them.
   */
  const unknownDrops = (read: R[], filters: Filters): Map<string, Set<string>> => {
    const found = new Map<string, Set<string>>();
    for (const [key, unknownOf] of unknownChecks) {
      const chosen = filters[key] as unknown;
      if (chosen === undefined || (Array.isArray(chosen) && chosen.length === 0)) continue;
      for (const record of read) {
        const value = unknownOf(record);
        if (!value || spec.passes(record, filters) || !spec.passes(record, { ...filters, [key]: undefined })) continue;
        const label = labelOf(spec.input.shape[key]!);
        found.set(label, (found.get(label) ?? new Set()).add(value));
      }
    }
    return found;
  };
  const unknownMessage = (found: Map<string, Set<string>>): string => {
    const named = [...found]
      .flatMap(([label, values]) =>
        [...values].map(
          (v) => `${label} ${JSON.stringify(v.length > UNKNOWN_MAX_CHARS ? `${v.slice(0, UNKNOWN_MAX_CHARS)}…` : v)}`,
        ),
      )
      .slice(0, UNKNOWN_SHOWN);
    const labels = [...found.keys()].join(' and ');
    return `CINNOX listed ${spec.report} records with ${named.join(', ')}, which none of this trigger's choices knows (A30), so the trigger cannot tell whether they match the ${labels} chosen, and stops rather than drop them unseen. To receive every record meanwhile, leave ${labels} empty (a Filter step can filter on it), and report the value to the app's developers.`;
  };
  const perform = (async (z, bundle) => {
    const filters = parseInput(z, spec.input, bundle.inputData);
    const passing = (records: R[]): R[] => records.filter((record) => spec.passes(record, filters));
    // The report's last `days` days (A6, A24), in pages of 500 until enough records pass, the report ends, or
    // REPORT_POLL_MAX_PAGES requests (A30).
    const pages = await readPages<R>(z, bundle, spec.path, reportWindow(spec.days), spec.idOf, REPORT_POLL_MAX_PAGES, {
      // A record that changes may do so anywhere in the report: read it all (up to the bound).
      enough: (records) => !spec.changedAt && passing(records).length >= REPORT_POLL_MAX_ITEMS,
      // A poll cut short is repeated at the trigger's next check, which reads the report again from its newest.
      advice: 'Zapier checks again at the next poll; if it keeps happening, CINNOX is slow for a while.',
    }).catch((error: unknown) => {
      // The poll sends none of the Zap's fields, only the window and paging: nothing in the trigger to change.
      if (!(error instanceof CinnoxError) || error.errorCode !== 'CinnoxInvalidParameters') throw error;
      throw new CinnoxError(
        `CINNOX refused this trigger's read of ${spec.report} (CINNOX code ${error.cinnoxCode}${error.reason ? `: ${error.reason}` : ''}). The trigger sends CINNOX only the last ${spec.days} days and paging, none of this Zap's filters (A6, A30), so no field of the trigger can fix it: report this to the app's developers.`,
        'CinnoxInvalidParameters',
        error.httpStatus,
        error.cinnoxCode,
        error.reason,
      );
    });
    const read = pages.records;
    if (pages.end !== 'complete' && read.length > 1) {
      const first = spec.listedAt(read[0]!);
      const last = spec.listedAt(read[read.length - 1]!);
      if (first && last && first < last)
        throw new z.errors.Error(
          `CINNOX listed ${spec.report} oldest first (from ${first} to ${last}) and holds more records than this poll read (${read.length.toLocaleString('en')}), so the newest may be among those not read. The trigger stops rather than miss them: CINNOX does not list its reports as the app assumes (A30). Report this to the app's developers.`,
          'CinnoxUnexpectedResponse',
          502,
        );
    }
    const unknown = unknownDrops(read, filters);
    if (unknown.size > 0) throw new z.errors.Error(unknownMessage(unknown), 'CinnoxUnknownValue', 502);
    // readPages gave each id once.
    return passing(read)
      .map((record, index) => ({ record, index, at: changedAt(record) }))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.index - b.index))
      .slice(0, REPORT_POLL_MAX_ITEMS)
      .map(({ record }) => {
        const id = spec.idOf(record);
        return Object.assign({ id }, spec.item(record), { id });
      });
  }) satisfies PollingTriggerPerform;

  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: `${spec.description} ${scheduledNote(spec.instant)}` },
    operation: {
      type: 'polling',
      inputFields: inputFieldsOf(spec.input),
      perform,
      sample: { ...spec.sample },
      outputFields: spec.outputFields.map((f) => ({ ...f })),
    },
  });
}
