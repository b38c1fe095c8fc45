// The contract check's reading of the app's CINNOX assumptions (A1… in src/cinnox/contract.ts and the README's
// assumption table): one entry per assumption, keyed by its id, saying how one CINNOX answer is
// judged against it, or, for those a read-only run cannot test, what would. The paths, parameters and values are
// src/cinnox/contract.ts's own (imported, never copied); test/contract-check.test.ts fails when an assumption
// declared there has no entry here or no row in the README's assumption table.
//
// A judge sees one exchange (method, path, query, status, body) and says whether CINNOX's answer fits the
// assumption: holds / does not hold / cannot tell, with evidence made of the HTTP status, the CINNOX code and the
// answer's shape (keys and types), never its values; or nothing, when the request did not exercise it.
// The verdicts several judges share (a filtered list, a paged list, a report window, a report's order and
// values): verdicts.ts.
import {
  CALL_DIRECTIONS,
  CALL_LOG_CALL_ID_PARAM,
  CALL_LOG_ID_KEYS,
  CALL_LOG_PATH,
  CALL_LOG_RECORD_KEYS,
  CALL_RESULTS,
  CHAT_SENDER_NAME_KEYS,
  CINNOX_ID_KEYS,
  CINNOX_ID_MAX_UNITS,
  CONTACT_ID_PARAM,
  CONTACT_LIST_PATH,
  CONTACT_NAME_PARAM,
  ENQUIRY_CASE_NUMBER_PARAM,
  ENQUIRY_CHANNELS,
  ENQUIRY_CHAT_PATH,
  ENQUIRY_DETAIL_PATH,
  ENQUIRY_RECORD_ID_KEYS,
  ENQUIRY_RECORD_STATUSES,
  ENQUIRY_STATUSES,
  EVENT_HOOK_LIST_PATH,
  INBOUND_SMS_USAGE,
  NOT_IN_CINNOX_IDS,
  NUMBER_TYPES,
  SMS_CARRIER_STATUSES,
  SMS_DETAIL_PATH,
  SMS_STATUSES,
  SMS_USAGES,
  numberListPath,
  type NumberType,
} from '../../src/cinnox/contract.ts';
import {
  answerOf,
  codeOf,
  describe,
  folded,
  isNoRecords,
  isUnknownPath,
  windowRefused,
  word,
  type Answer,
  type Exchange,
} from './cinnox-answer.ts';
import {
  filterVerdict,
  pagedListVerdict,
  reportVerdict,
  windowVerdict,
  type Judged,
  type Verdict,
} from './verdicts.ts';

export type { Verdict } from './verdicts.ts';

export type AssumptionId = `A${number}`;

export interface Finding {
  id: AssumptionId;
  verdict: Verdict;
  /** The request and the answer's shape, then why: `GET /labels?offset&limit → 200 {…}: records under "labelList"`. */
  evidence: string;
  /** The why alone: `records under "labelList"`. */
  reason: string;
}

/** How a finding names an SMS's status as the scheduled trigger reads it. */
const SMS_STATUS_KEY = 'status (carrierStatus)';

/** The statuses the enquiry triggers read (A19), in the order of their event statuses. */
const RECORD_STATUSES: readonly string[] = [...new Set(Object.values(ENQUIRY_RECORD_STATUSES).flat())];

/**
 * One assumption: its short title, and either its judge (what one exchange says about it) or, for one a
 * read-only run cannot test, what would test it. Both for an assumption judged only in some runs.
 */
export type Assumption = { title: string } & (
  { judge: (answer: Answer) => Judged; untestable?: string } | { judge?: undefined; untestable: string }
);

/** Every assumption of src/cinnox/contract.ts, by id, in order. */
export const JUDGES: Readonly<Record<AssumptionId, Assumption>> = {
  A1: {
    title: 'Send SMS is POST /sms',
    untestable:
      'A1–A3: send one SMS to a test number you own with Send SMS (README: Trying it without a CINNOX account)',
  },
  A2: { title: 'Send SMS body {senderNumber, recipientNumbers, text}', untestable: 'see A1' },
  A3: { title: 'Send SMS answers {code, result: [{recipientNumber, transactionID, …}]}', untestable: 'see A1' },
  A4: {
    title: 'number lists GET /{access-numbers|cli|sms-numbers}, offset/limit (500 max)',
    judge: (a) => {
      const type = (Object.keys(NUMBER_TYPES) as NumberType[]).find((t) => a.e.path === numberListPath(t));
      return type ? pagedListVerdict(a, `${type} numbers`) : undefined;
    },
  },
  A5: {
    title: 'Enquiry Details filter by displayCaseNumber',
    // Find Enquiry sends A6's window with the case number: a refusal naming the window is A6's, not A5's.
    judge: (a) =>
      a.e.path !== ENQUIRY_DETAIL_PATH
        ? undefined
        : ENQUIRY_CASE_NUMBER_PARAM in a.e.query && windowRefused(a.e)
          ? ['cannot tell', `CINNOX refused the time window sent with ${ENQUIRY_CASE_NUMBER_PARAM}`]
          : filterVerdict(
              a,
              ENQUIRY_CASE_NUMBER_PARAM,
              (r, asked) => String(r.displayCaseNumber ?? '') === asked,
              'set CINNOX_CHECK_CASE_NUMBER to a case number of this account',
            ),
  },
  A6: {
    title: 'enquiry / SMS details take startAt/endAt (last 7 days) with offset/limit',
    judge: (a) => {
      if (a.e.path !== ENQUIRY_DETAIL_PATH && a.e.path !== SMS_DETAIL_PATH) return undefined;
      // Find Enquiry's read by case number carries the window too: only its refusal tells about A6.
      if (a.e.path === ENQUIRY_DETAIL_PATH && ENQUIRY_CASE_NUMBER_PARAM in a.e.query)
        return windowRefused(a.e) ? ['does not hold', 'CINNOX refused the time window'] : undefined;
      return windowVerdict(a, 'createdAt', { none: 'records', outside: 'record(s) created', inside: 'record(s)' });
    },
  },
  A7: {
    title: 'contact list filtered by fullName (the app keeps exact matches)',
    judge: (a) =>
      a.e.path === CONTACT_LIST_PATH
        ? filterVerdict(
            a,
            CONTACT_NAME_PARAM,
            (r, asked) => folded(`${r.firstName ?? ''} ${r.lastName ?? ''}`).includes(folded(asked)),
            'set CINNOX_CHECK_CONTACT_NAME to the full name of a contact of this account',
          )
        : undefined,
  },
  A8: {
    title: 'contact list filtered by id',
    judge: (a) =>
      a.e.path === CONTACT_LIST_PATH
        ? filterVerdict(
            a,
            CONTACT_ID_PARAM,
            (r, asked) => String(r.id ?? '') === asked,
            'the account listed no contact to ask for',
          )
        : undefined,
  },
  A9: {
    title: 'contact bodies: phones[], emails[], addresses, socialContacts [{key, value}]',
    untestable: 'create and update a test contact with every field (Create / Update External Contact)',
  },
  A10: {
    title: 'IM to staff: message-push with receiverEID, no roomID',
    untestable: 'send one Send IM to Staff to yourself',
  },
  A11: {
    title: 'which subscription carries which trigger',
    untestable: 'turn on one Zap per event group on a test account and make each event happen',
  },
  A12: {
    title: 'event statuses and payloads (merge, transfer, label create/update/deleted)',
    untestable: 'see A11: look at the deliveries',
  },
  A13: {
    title: 'Event Hook List GET /event-hooks {code, result: [{name, enabled, url}]}',
    judge: ({ e, records, answered }) => {
      if (e.path !== EVENT_HOOK_LIST_PATH) return undefined;
      if (isUnknownPath(e))
        return [
          'does not hold',
          'CINNOX does not know the path, so the app cannot refuse a second Zap on one subscription',
        ];
      if (!answered) return ['cannot tell'];
      if (records.length === 0) return ['holds', 'the list is read; no subscription listed, so no entry to check'];
      const unnamed = records.filter((r) => typeof r.name !== 'string').length;
      return unnamed === 0
        ? ['holds', 'every entry carries a name']
        : ['does not hold', `${unnamed} entr(ies) without a name`];
    },
  },
  A14: {
    title: 'URL verification passes on any 2xx',
    untestable: 'turn on one Zap: CINNOX answering enabled: false means it insists on the echo',
  },
  A15: {
    title: 'list records as a bare array or under result, data, labelList (LIST_ENVELOPE_KEYS)',
    judge: ({ key, unread, answered }) => {
      if (!answered) return undefined;
      if (key === 'bare') return ['holds', 'records as a bare array'];
      if (key) return ['holds', `records under "${key}"`];
      if (unread.length)
        return ['does not hold', `records under "${unread.join('", "')}", a key the app does not read`];
      return ['cannot tell', 'no array in the answer'];
    },
  },
  A16: {
    title: 'a code ≥ 1,000,000 in an HTTP 200 body is an error; success bodies carry code 0',
    judge: ({ e, answered }) => {
      const code = codeOf(e.body);
      if (!answered)
        return e.status !== undefined && e.status >= 400 && code === undefined && !isUnknownPath(e)
          ? ['cannot tell', 'an error answer without a CINNOX code']
          : undefined;
      if (code === 0) return ['holds', 'code 0 in the success body'];
      if (code === undefined) return ['cannot tell', 'no code in the success body'];
      return ['does not hold', `code ${code} in a success body, neither 0 nor ≥ 1,000,000`];
    },
  },
  A17: {
    title: 'Update External Contact merges (left-out fields kept)',
    untestable: 'update one field of a test contact and read it back',
  },
  A18: {
    title: "enquiry record id is _id (id), the event's eid",
    judge: ({ e, records, answered }) => {
      if (e.path !== ENQUIRY_DETAIL_PATH || !answered || records.length === 0) return undefined;
      const withoutId = records.filter(
        (r) => !ENQUIRY_RECORD_ID_KEYS.some((k) => typeof r[k] === 'string' && r[k] !== ''),
      ).length;
      return withoutId === 0
        ? [
            'holds',
            `every record carries ${ENQUIRY_RECORD_ID_KEYS.join(' or ')} (that it equals an event's eid needs a delivered enquiry event)`,
          ]
        : ['does not hold', `${withoutId} record(s) without _id or id`];
    },
  },
  A19: {
    title: 'Enquiry Details statuses open / ongoing / followed-up / closed / missed',
    judge: ({ e, records, answered }) => {
      if (e.path !== ENQUIRY_DETAIL_PATH || !answered || records.length === 0) return undefined;
      const statuses = [...new Set(records.map((r) => String(r.status ?? '')))];
      const unknown = statuses.filter((s) => !RECORD_STATUSES.includes(s));
      // A status is an enumeration, not personal data: an unknown one is named when it looks like one.
      const named = unknown.map((s) => (/^[A-Za-z][\w -]{0,29}$/.test(s) ? `"${s}"` : 'an unreadable status'));
      return unknown.length === 0
        ? ['holds', `statuses among ${RECORD_STATUSES.join(', ')}`]
        : ['does not hold', `status ${named.join(', ')} is none of the five`];
    },
  },
  A20: {
    title: 'one call is the call log filtered by callID',
    judge: (a) =>
      a.e.path === CALL_LOG_PATH
        ? filterVerdict(
            a,
            CALL_LOG_CALL_ID_PARAM,
            (r, asked) => {
              const key = CALL_LOG_ID_KEYS.find((k) => typeof r[k] === 'string' && r[k] !== '');
              return key !== undefined && r[key] === asked;
            },
            'make a call to one of your numbers, then run again',
          )
        : undefined,
  },
  A21: {
    title: 'call log record fields (caller, callee, direction, duration)',
    judge: ({ e, records, answered }) => {
      if (e.path !== CALL_LOG_PATH) return undefined;
      if (!answered || records.length === 0)
        return answered || isNoRecords(e)
          ? ['cannot tell', 'no call record to look at; make a call and run again']
          : undefined;
      const keys: readonly string[] = CALL_LOG_RECORD_KEYS;
      const carried = keys.filter((k) => records.some((r) => k in r));
      const absent = keys.filter((k) => !carried.includes(k));
      return carried.length === 0
        ? ['does not hold', `no record carries any of ${keys.join(', ')}`]
        : [
            'holds',
            `records carry ${carried.length} of the ${keys.length} keys the app reads${absent.length ? ` (none carries ${absent.join(', ')})` : ''}`,
          ];
    },
  },
  A22: {
    title: 'inbound SMS appear in SMS Details with usage inbound',
    // An account may simply have had no inbound SMS in the window, so absence never says "does not hold".
    judge: ({ e, records, answered }) => {
      if (e.path !== SMS_DETAIL_PATH) return undefined;
      if (isNoRecords(e))
        // "No records found": the account had no SMS at all in the window, so nothing to tell inbound by.
        return [
          'cannot tell',
          'SMS Details answered 6451011 "No records found": no SMS in the last 7 days; text one of your numbers and run again',
        ];
      if (e.status === undefined) return undefined;
      // Refused or failed (e.g. the window of A6): no list to tell inbound SMS by, which is not "no step ran it".
      if (!answered)
        return ['cannot tell', 'SMS Details answered an error, not a list: nothing to tell inbound SMS by'];
      const inbound = records.filter((r) => folded(r.usage) === INBOUND_SMS_USAGE).length;
      const withUsage = records.filter((r) => 'usage' in r).length;
      if (inbound > 0) return ['holds', `${inbound} of ${records.length} record(s) with usage "inbound"`];
      return [
        'cannot tell',
        records.length === 0
          ? 'no SMS in the window; text one of your numbers and run again'
          : `no record with usage "inbound" (${withUsage} of ${records.length} carry usage); text one of your numbers and run again`,
      ];
    },
  },
  A23: {
    title: 'a call event’s callees may be a list',
    untestable: 'turn on a Call Started Zap and ring a group of staff',
  },
  A24: {
    title: 'the call log takes the report window of A6',
    judge: (a) =>
      a.e.path === CALL_LOG_PATH && !(CALL_LOG_CALL_ID_PARAM in a.e.query)
        ? windowVerdict(a, 'callDate', { none: 'calls', outside: 'call(s) dated', inside: 'call(s)' })
        : undefined,
  },
  A25: {
    title: 'label / unlabel an enquiry by its record id _id, not the inquiry ID',
    untestable: 'add and remove one label on a test enquiry (Add / Remove Labels)',
  },
  A26: {
    title: 'Send OTP SMS answers {serviceID, status, transactionID}, flat or under result',
    untestable: 'send one OTP to a test number you own (Send OTP SMS)',
  },
  A27: { title: 'unlabel succeeded when none of the removed labels remains', untestable: 'see A25' },
  A28: {
    title: 'enquiry chat: not closed → 6451011, unknown id → 6451000',
    untestable:
      'Get Enquiry Transcript on an open enquiry and on an unknown ID (the read-only run reads a closed one, which does not test this)',
  },
  A29: {
    title: "a chat message's sender name under fromName / senderName / displayName / name",
    untestable: "run with CINNOX_CHECK_CASE_NUMBER set to a closed enquiry's case number: its transcript is read",
    // A name under one of the keys (top level, then content.from); else the transcript shows EIDs.
    judge: ({ e, records, answered }) => {
      if (e.path !== ENQUIRY_CHAT_PATH || !answered || records.length === 0) return undefined;
      const named = records.filter((r) => {
        const from = (r.content as { from?: Record<string, unknown> } | undefined)?.from ?? {};
        return CHAT_SENDER_NAME_KEYS.some(
          (k) => (typeof r[k] === 'string' && r[k]) || (typeof from[k] === 'string' && from[k]),
        );
      }).length;
      return named > 0
        ? ['holds', `${named} of ${records.length} message(s) carry a sender name under one of the keys`]
        : [
            'cannot tell',
            `none of ${records.length} message(s) carries a sender name under the keys: the transcript shows EIDs`,
          ];
    },
  },
  A30: {
    title: 'reports list newest first; their statuses, channels, directions and usages are the documented ones',
    // A window read of a report, as the scheduled triggers make it.
    judge: ({ e, records, answered }) => {
      if (!answered || records.length === 0 || !('startAt' in e.query) || ENQUIRY_CASE_NUMBER_PARAM in e.query)
        return undefined;
      if (e.path === CALL_LOG_PATH)
        return reportVerdict(records, 'callDate', { status: CALL_RESULTS, callDirection: CALL_DIRECTIONS });
      if (e.path === ENQUIRY_DETAIL_PATH)
        return reportVerdict(records, 'createdAt', { status: ENQUIRY_STATUSES, channel: ENQUIRY_CHANNELS });
      if (e.path === SMS_DETAIL_PATH)
        // The SMS's status as New or Updated SMS's Status filter reads it: Rejected, else the carrier's, else CINNOX's.
        return reportVerdict(
          records.map((r) => ({
            ...r,
            [SMS_STATUS_KEY]: word(r.status) === 'rejected' ? r.status : r.carrierStatus || r.status,
          })),
          'createdAt',
          {
            usage: Object.values(SMS_USAGES).flat(),
            [SMS_STATUS_KEY]: [...SMS_STATUSES, ...SMS_CARRIER_STATUSES],
          },
        );
      return undefined;
    },
  },
  A31: {
    title: 'Create / Update External Contact answer {code, id}, the id flat or under result',
    untestable: 'see A9: the create answers the id of the test contact',
  },
  A32: {
    title: 'IDs are at most 128 characters, without spaces, "/", "\\", "%", "?" or "#"',
    // Every ID a list answer carries is one the app's ID fields accept (counted, never shown).
    judge: ({ records, answered }) => {
      if (!answered) return undefined;
      const ids = records.flatMap((r) =>
        CINNOX_ID_KEYS.map((k) => (r && typeof r === 'object' ? r[k] : undefined))
          .filter((v) => (typeof v === 'string' && v !== '') || typeof v === 'number')
          .map(String),
      );
      if (ids.length === 0) return undefined;
      const odd = ids.filter((id) => id.length > CINNOX_ID_MAX_UNITS || NOT_IN_CINNOX_IDS.test(id)).length;
      const rule = `longer than ${CINNOX_ID_MAX_UNITS} characters or with a space, "/", "\\", "%", "?" or "#"`;
      return odd === 0
        ? ['holds', `${ids.length} ID(s), none ${rule}`]
        : ['does not hold', `${odd} of ${ids.length} ID(s) ${rule}: the app's ID fields refuse them`];
    },
  },
};

/** Every assumption, in order, with its id: what the check's table lists. */
export const ASSUMPTIONS: readonly ({ id: AssumptionId } & Assumption)[] = Object.entries(JUDGES).map(
  ([id, assumption]) => ({ id: id as AssumptionId, ...assumption }),
);

/** What one exchange says about each assumption its request exercised. */
export function judge(e: Exchange): Finding[] {
  if (e.method !== 'GET') return [];
  const seen = describe(e);
  const answer = answerOf(e);
  return ASSUMPTIONS.flatMap(({ id, judge }) => {
    const judged = judge?.(answer);
    if (!judged) return [];
    const [verdict, reason] = judged;
    return [{ id, verdict, evidence: reason ? `${seen}: ${reason}` : seen, reason: reason ?? seen }];
  });
}

const RANK: Record<Verdict, number> = { 'does not hold': 2, holds: 1, 'cannot tell': 0 };

/** One finding per assumption: the weightiest verdict (does not hold > holds > cannot tell) and its evidence. */
export function combine(findings: readonly Finding[]): Finding[] {
  const byId = new Map<AssumptionId, Finding>();
  for (const f of findings) {
    const kept = byId.get(f.id);
    if (!kept || RANK[f.verdict] > RANK[kept.verdict]) byId.set(f.id, f);
  }
  return [...byId.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
