/**
 * New Call in Call Log: a scheduled trigger on CINNOX's call log (docs/cinnox-api.md §2.4, A24's window, A30),
 * with filters for direction, result and CINNOX number, applied by the app. Each item is one call, with the keys
 * of Call Ended's Call Details (src/records/call.ts); its id is the call's, so a call starts a Zap once.
 */
import {
  CALL_DIRECTIONS,
  CALL_LOG_PATH,
  CALL_LOG_WINDOW_DAYS,
  CALL_RESULTS,
  type CallLogRecord,
} from '../cinnox/contract';
import { isoDateTime } from '../cinnox/dates';
import { asE164, asText, valueWord as word } from '../cinnox/values';
import type { Example } from '../examples';
import { fingerprint } from '../hooks/payload';
import { input, text } from '../input/schema';
import { choice, choicesOf } from '../input/choices';
import { CALL, callIdOf, isMissedCall } from '../records/call';
import { defineReportTrigger } from '../reports/scheduled';

/** The result filter's choices: "Missed" stands for the five results of a call nobody took. */
const RESULT_CHOICES = {
  missed: 'Missed (Not Answered, Abandoned, Cancelled, Declined or Busy)',
  ...choicesOf(CALL_RESULTS),
};

const NEW_CALL_INPUT = input({
  directions: choice(
    { label: 'Direction', helpText: 'Only calls in these directions. Leave empty for both.', list: true },
    choicesOf(CALL_DIRECTIONS),
  ),
  results: choice(
    {
      label: 'Result',
      helpText: 'Only calls with these results, e.g. **Missed** for a missed-call alert. Leave empty for every call.',
      list: true,
    },
    RESULT_CHOICES,
  ),
  cinnox_number: text({
    label: 'CINNOX Number',
    helpText: 'Only calls on this number of your CINNOX account (the Virtual Number called). Leave empty for all.',
    format: 'phone',
  }),
});

/** The call's CINNOX number: the record's `virtualNumber` (§2.4), else the callee of an inbound call, else the caller. */
function cinnoxNumberOf(record: CallLogRecord): string {
  const given = asE164(record.virtualNumber);
  if (given) return given;
  return asE164(word(record.callDirection) === 'outbound' ? record.caller : record.callee);
}

export default defineReportTrigger({
  key: 'new_call',
  noun: 'Call',
  label: 'New Call in Call Log',
  description:
    "Triggers when a call appears in CINNOX's call log: every call, or only those of a direction, a result (such as missed) or one of your CINNOX numbers.",
  instant: 'Call Ended',
  report: 'the call log',
  path: CALL_LOG_PATH,
  days: CALL_LOG_WINDOW_DAYS,
  input: NEW_CALL_INPUT,
  idOf: (record: CallLogRecord) => callIdOf(record) || fingerprint(record),
  listedAt: (record) => isoDateTime(record.callDate) ?? '',
  passes: (record, { directions, results, cinnox_number }) =>
    (!directions?.length || directions.some((d) => word(d) === word(record.callDirection))) &&
    (!results?.length ||
      results.some((r) => (r === 'missed' ? isMissedCall(record) : word(r) === word(record.status)))) &&
    (!cinnox_number || cinnoxNumberOf(record) === cinnox_number),
  unknown: {
    directions: (record) =>
      CALL_DIRECTIONS.some((d) => word(d) === word(record.callDirection)) ? '' : asText(record.callDirection),
    results: (record) => (CALL_RESULTS.some((r) => word(r) === word(record.status)) ? '' : asText(record.status)),
  },
  item: (record) => CALL.map(record),
  outputFields: [{ key: 'id', label: 'ID' }, ...CALL.outputFields],
  sample: { id: CALL.sample.callId, ...CALL.sample },
});

/** A Zap builder's input (src/examples.ts): every inbound call on the sandbox's first Virtual Number. */
export const example: Example = {
  inputData: { directions: ['Inbound'], cinnox_number: '+85230001234' },
  onAccount: () => ({}),
};
