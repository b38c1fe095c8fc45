// The contract check's reading of the app's CINNOX assumptions (A1… in src/cinnox/contract.ts and README's
// "CINNOX API assumptions" table): which of them a read-only run can test, and how one CINNOX answer is judged
// against each. Plain data and functions: no Node-only imports, so jest loads this file too and pins it to
// src/cinnox/contract.ts (test/contract-check.test.ts), while scripts/contract-check.ts runs it as it is.
//
// A judge sees one exchange (method, path, query, status, body) and says, for each assumption the request
// exercised, whether CINNOX's answer fits: holds / does not hold / cannot tell, with evidence made of the
// HTTP status, the CINNOX code and the answer's shape (keys and types), never its values.

export type Verdict = 'holds' | 'does not hold' | 'cannot tell';
export type AssumptionId = `A${number}`;

export interface Finding {
  id: AssumptionId;
  verdict: Verdict;
  /** The request and the answer's shape, then why: `GET /labels?offset&limit → 200 {…}: records under "labelList"`. */
  evidence: string;
  /** The why alone: `records under "labelList"`. */
  reason: string;
}

/** One request the app made and CINNOX's answer (status undefined: no answer reached the app). */
export interface Exchange {
  method: string;
  /** Relative to `{Base URL}/v1/api/apps/{App ID}`, e.g. `/labels`. */
  path: string;
  query: Record<string, string>;
  status?: number;
  /** Refused by the check's GET-only guard: never sent. */
  notSent?: boolean;
  /** The parsed body (kept in memory for the judges; only its shape is ever shown). */
  body?: unknown;
}

/** The paths and parameter names the judges know, as src/cinnox/contract.ts has them (pinned by a test). */
export const CONTRACT = {
  staffList: '/contacts/staffcontact-list',
  contactList: '/contacts/extcontact-list',
  labelList: '/labels',
  enquiryDetail: '/data/enquiry-detail',
  smsDetail: '/data/sms-detail',
  eventHookList: '/event-hooks',
  callLog: '/data/call-log',
  numberTypes: ['access-numbers', 'cli', 'sms-numbers'],
  caseNumberParam: 'displayCaseNumber',
  contactNameParam: 'fullName',
  contactIdParam: 'id',
  listEnvelopeKeys: ['result', 'data', 'records', 'list', 'labelList', 'contacts', 'numbers'],
  enquiryRecordIdKeys: ['_id', 'id'],
  enquiryRecordStatuses: ['open', 'ongoing', 'followed-up', 'closed', 'missed'],
  callIdParam: 'callID',
  callLogIdKeys: ['callID', 'callId', 'id'],
  callLogRecordKeys: ['caller', 'callee', 'callDirection', 'fromEID', 'toEID', 'callDate', 'callEndTime', 'duration'],
  inboundSmsUsage: 'inbound',
  enquiryChat: '/data/enquiry-chat',
  chatSenderNameKeys: ['fromName', 'senderName', 'displayName', 'name'],
  listPageMax: 500,
  callResults: [
    'Call Ended',
    'Not Answered',
    'Abandoned',
    'Cancelled',
    'Declined',
    'Busy',
    'Unreachable',
    'Call Failed',
  ],
  callDirections: ['Inbound', 'Outbound'],
  enquiryChannels: [
    'Weblink',
    'Web Link',
    'Directory - Web Link',
    'Directory',
    'Tag/Directory',
    'Campaign',
    'VirtualNumber',
    'Virtual Number',
    'Email',
    'EMAIL',
    'ThirdParty',
    'THIRDPARTY',
    'Third Party Channel',
    'FACEBOOK',
    'Facebook Messenger',
    'Messenger',
    'Messager',
    'WHATSAPP',
    'WhatsApp',
    'WECHAT',
    'WeChat',
    'LINE',
    'WOZTELL',
    'INSTAGRAM',
    'CHATBOT',
    'CINNOX',
  ],
  smsUsages: ['inbound', 'direct', 'openAPI-sms', 'verification', 'openAPI-otp'],
  smsStatuses: ['Submitted', 'Rejected', 'Queued', 'Delivered', 'Undelivered'],
  idKeys: ['id', '_id', 'inquiryID', 'roomID', 'displayCaseNumber'],
  idMaxUnits: 128,
  notInIds: '[\\s/\\\\%?#]',
} as const;

/** CINNOX codes the judges name (docs/cinnox-api.md §0.3). */
const CODES = { methodNotFound: 6450001, badParameters: 6451000, noRecords: 6451011 } as const;
const ERROR_CODE_MIN = 1_000_000;

/**
 * Every assumption, in order: its short title, and for those a read-only run cannot test, what would.
 * A test keeps these ids in step with README's table.
 */
export const ASSUMPTIONS: readonly { id: AssumptionId; title: string; untestable?: string }[] = [
  {
    id: 'A1',
    title: 'Send SMS is POST /sms',
    untestable:
      'A1–A3: send one SMS to a test number you own with Send SMS (README: Trying it without a CINNOX account)',
  },
  { id: 'A2', title: 'Send SMS body {senderNumber, recipientNumbers, text}', untestable: 'see A1' },
  { id: 'A3', title: 'Send SMS answers {code, result: [{recipientNumber, transactionID, …}]}', untestable: 'see A1' },
  { id: 'A4', title: 'number lists GET /{access-numbers|cli|sms-numbers}, offset/limit (500 max)' },
  { id: 'A5', title: 'Enquiry Details filter by displayCaseNumber' },
  { id: 'A6', title: 'enquiry / SMS details take startAt/endAt (last 7 days) with offset/limit' },
  { id: 'A7', title: 'contact list filtered by fullName (the app keeps exact matches)' },
  { id: 'A8', title: 'contact list filtered by id' },
  {
    id: 'A9',
    title: 'contact bodies: phones[], emails[], addresses, socialContacts [{key, value}]',
    untestable: 'create and update a test contact with every field (Create / Update External Contact)',
  },
  {
    id: 'A10',
    title: 'IM to staff: message-push with receiverEID, no roomID',
    untestable: 'send one Send IM to Staff to yourself',
  },
  {
    id: 'A11',
    title: 'which subscription carries which trigger',
    untestable: 'turn on one Zap per event group on a test account and make each event happen',
  },
  {
    id: 'A12',
    title: 'event statuses and payloads (merge, transfer, label create/update/deleted)',
    untestable: 'see A11: look at the deliveries',
  },
  { id: 'A13', title: 'Event Hook List GET /event-hooks {code, result: [{name, enabled, url}]}' },
  {
    id: 'A14',
    title: 'URL verification passes on any 2xx',
    untestable: 'turn on one Zap: CINNOX answering enabled: false means it insists on the echo',
  },
  { id: 'A15', title: 'list records as a bare array or under result, data, labelList (LIST_ENVELOPE_KEYS)' },
  { id: 'A16', title: 'a code ≥ 1,000,000 in an HTTP 200 body is an error; success bodies carry code 0' },
  {
    id: 'A17',
    title: 'Update External Contact merges (left-out fields kept)',
    untestable: 'update one field of a test contact and read it back',
  },
  { id: 'A18', title: "enquiry record id is _id (id), the event's eid" },
  { id: 'A19', title: 'Enquiry Details statuses open / ongoing / followed-up / closed / missed' },
  { id: 'A20', title: 'one call is the call log filtered by callID' },
  { id: 'A21', title: 'call log record fields (caller, callee, direction, duration)' },
  { id: 'A22', title: 'inbound SMS appear in SMS Details with usage inbound' },
  {
    id: 'A23',
    title: 'a call event’s callees may be a list',
    untestable: 'turn on a Call Started Zap and ring a group of staff',
  },
  { id: 'A24', title: 'the call log takes the report window of A6' },
  {
    id: 'A25',
    title: 'label / unlabel an enquiry by its record id _id, not the inquiry ID',
    untestable: 'add and remove one label on a test enquiry (Add / Remove Labels)',
  },
  {
    id: 'A26',
    title: 'Send OTP SMS answers {serviceID, status, transactionID}, flat or under result',
    untestable: 'send one OTP to a test number you own (Send OTP SMS)',
  },
  { id: 'A27', title: 'unlabel succeeded when none of the removed labels remains', untestable: 'see A25' },
  {
    id: 'A28',
    title: 'enquiry chat: not closed → 6451011, unknown id → 6451000',
    untestable:
      'Get Enquiry Transcript on an open enquiry and on an unknown ID (the read-only run reads a closed one, which does not test this)',
  },
  {
    id: 'A29',
    title: "a chat message's sender name under fromName / senderName / displayName / name",
    untestable: "run with CINNOX_CHECK_CASE_NUMBER set to a closed enquiry's case number: its transcript is read",
  },
  {
    id: 'A30',
    title: 'reports list newest first; their statuses, channels, directions and usages are the documented ones',
  },
  {
    id: 'A31',
    title: 'Create / Update External Contact answer {code, id}, the id flat or under result',
    untestable: 'see A9: the create answers the id of the test contact',
  },
  { id: 'A32', title: 'IDs are at most 128 characters, without spaces, "/", "\\", "%", "?" or "#"' },
];

// ---------------------------------------------------------------------------------------------
// Shapes: keys and types, never values
// ---------------------------------------------------------------------------------------------

/** `{code: number, result: array(3) of {id: string, …}}`: the keys and types of a JSON value. */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array(0)';
    const first = value.slice(0, 3).filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    const element = first.length > 0 ? shapeOf(Object.assign({}, ...first) as object, depth) : shapeOf(value[0], depth);
    return `array(${value.length}) of ${element}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    if (depth >= 2) return `{${entries.length} keys}`;
    const shown = entries.slice(0, 6).map(([k, v]) => `${k}: ${shapeOf(v, depth + 1)}`);
    return `{${shown.join(', ')}${entries.length > 6 ? `, +${entries.length - 6} keys` : ''}}`;
  }
  return typeof value;
}

const codeOf = (body: unknown): number | undefined => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const code = (body as { code?: unknown }).code;
  return code === undefined || code === null || code === '' || !Number.isFinite(Number(code))
    ? undefined
    : Number(code);
};
const messageOf = (body: unknown): string => {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? ` "${message.slice(0, 100)}"` : '';
};

/** `GET /labels?offset&limit → 200 {code: number, labelList: array(2) of {…}}`: query keys only. */
export function describe(exchange: Exchange): string {
  const keys = Object.keys(exchange.query);
  const request = `${exchange.method} ${exchange.path}${keys.length ? `?${keys.join('&')}` : ''}`;
  if (exchange.notSent) return `${request} → not sent (the check sends GET only)`;
  if (exchange.status === undefined) return `${request} → no answer`;
  const code = codeOf(exchange.body);
  const answer =
    exchange.status >= 400 || (code !== undefined && code >= ERROR_CODE_MIN)
      ? `${exchange.status}, code ${code ?? 'none'}${messageOf(exchange.body)}`
      : `${exchange.status} ${shapeOf(exchange.body)}`;
  return `${request} → ${answer}`;
}

// ---------------------------------------------------------------------------------------------
// Records of a list answer (as the app reads them, A15)
// ---------------------------------------------------------------------------------------------

type Rec = Record<string, unknown>;

/** Where a list answer carries its records: 'bare', an envelope key, or undefined with the unread keys. */
export function envelopeOf(body: unknown): { key: string | undefined; records: Rec[]; unread: string[] } {
  if (Array.isArray(body)) return { key: 'bare', records: body as Rec[], unread: [] };
  if (body && typeof body === 'object') {
    const object = body as Rec;
    for (const key of CONTRACT.listEnvelopeKeys)
      if (Array.isArray(object[key])) return { key, records: object[key] as Rec[], unread: [] };
    const unread = Object.keys(object).filter((k) => Array.isArray(object[k]));
    return { key: undefined, records: [], unread };
  }
  return { key: undefined, records: [], unread: [] };
}

const folded = (s: unknown): string =>
  String(s ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const isError = (e: Exchange): boolean =>
  e.status === undefined || e.status >= 400 || (codeOf(e.body) ?? 0) >= ERROR_CODE_MIN;
const isNoRecords = (e: Exchange): boolean => codeOf(e.body) === CODES.noRecords;
/** A report read whose window CINNOX refused: 6451000 with a reason naming startAt / endAt or the window (§0.3). */
const windowRefused = (e: Exchange): boolean =>
  ('startAt' in e.query || 'endAt' in e.query) &&
  codeOf(e.body) === CODES.badParameters &&
  /startAt|endAt|time range|query day/i.test(messageOf(e.body));
/** A path CINNOX does not know: 404, or 6450001 method not found. */
const isUnknownPath = (e: Exchange): boolean => e.status === 404 || codeOf(e.body) === CODES.methodNotFound;

/** `seen` is the request and the answer's shape (describe), `reason` the why. */
const finding = (id: AssumptionId, verdict: Verdict, seen: string, reason?: string): Finding => ({
  id,
  verdict,
  evidence: reason ? `${seen}: ${reason}` : seen,
  reason: reason ?? seen,
});

/** A filtered list read: every record must carry the value asked for under `keyOf`. */
function filterFinding(
  id: AssumptionId,
  e: Exchange,
  param: string,
  matches: (record: Rec, asked: string) => boolean,
  noneHint: string,
): Finding {
  const seen = describe(e);
  if (isNoRecords(e)) return finding(id, 'cannot tell', seen, `no record has the ${param} asked for; ${noneHint}`);
  if (isUnknownPath(e) || codeOf(e.body) === CODES.badParameters)
    return finding(id, 'does not hold', seen, `CINNOX refused ${param}`);
  if (isError(e)) return finding(id, 'cannot tell', seen);
  const { records } = envelopeOf(e.body);
  if (records.length === 0)
    return finding(id, 'cannot tell', seen, `no record has the ${param} asked for; ${noneHint}`);
  const asked = e.query[param] ?? '';
  const others = records.filter((r) => !matches(r, asked)).length;
  return others === 0
    ? finding(id, 'holds', seen, `all ${records.length} record(s) match the ${param} asked for`)
    : finding(
        id,
        'does not hold',
        seen,
        `${others} of ${records.length} record(s) do not match the ${param} asked for`,
      );
}

/** How many records are dated (under `dateKey`) outside the startAt / endAt window asked for. */
const withinWindow = (e: Exchange, records: Rec[], dateKey = 'createdAt'): number => {
  const start = Date.parse(e.query.startAt ?? '');
  const end = Date.parse(e.query.endAt ?? '');
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return records.filter((r) => {
    const at = Date.parse(String(r[dateKey] ?? ''));
    return Number.isFinite(at) && (at < start - 1000 || at > end + 1000);
  }).length;
};

/** How a finding names an SMS's status as the scheduled trigger reads it. */
const SMS_STATUS_KEY = 'status (carrierStatus)';

/** Compared as the scheduled triggers compare them: case, spaces, hyphens and underscores ignored. */
const word = (value: unknown): string =>
  String(value ?? '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * A30 on one window read of a report: its records newest first (by `dateKey`), and each value a scheduled trigger
 * filters on one of the documented ones (`known`: record key → the values).
 */
function reportFinding(
  seen: string,
  records: Rec[],
  dateKey: string,
  known: Record<string, readonly string[]>,
): Finding {
  const unknown = Object.entries(known).flatMap(([key, values]) => {
    const found = new Set(records.map((r) => r[key]).filter((v) => v !== undefined && v !== null && v !== ''));
    return [...found].filter((v) => !values.some((k) => word(k) === word(v))).map((v) => `${key} ${JSON.stringify(v)}`);
  });
  if (unknown.length > 0)
    return finding('A30', 'does not hold', seen, `${unknown.slice(0, 3).join(', ')}: not a value the filters know`);
  const dates = records.map((r) => Date.parse(String(r[dateKey] ?? ''))).filter(Number.isFinite);
  if (dates.length < 2) return finding('A30', 'cannot tell', seen, `fewer than two dated records to see their order`);
  const newestFirst = dates.every((d, i) => i === 0 || d <= dates[i - 1]!);
  return newestFirst
    ? finding(
        'A30',
        'holds',
        seen,
        `${dates.length} records newest first (${dateKey}), every filtered value documented`,
      )
    : finding('A30', 'does not hold', seen, `records not listed newest first by ${dateKey}`);
}

/** What one exchange says about each assumption its request exercised. */
export function judge(e: Exchange): Finding[] {
  if (e.method !== 'GET') return [];
  const out: Finding[] = [];
  const seen = describe(e);
  const { key, records, unread } = envelopeOf(e.body);
  const answered = e.status !== undefined && !isError(e);

  // A15 list envelopes and A16 codes in success bodies: every list read the app makes.
  if (answered) {
    if (key === 'bare') out.push(finding('A15', 'holds', seen, `records as a bare array`));
    else if (key) out.push(finding('A15', 'holds', seen, `records under "${key}"`));
    else if (unread.length)
      out.push(
        finding('A15', 'does not hold', seen, `records under "${unread.join('", "')}", a key the app does not read`),
      );
    else out.push(finding('A15', 'cannot tell', seen, `no array in the answer`));
    const code = codeOf(e.body);
    if (code === 0) out.push(finding('A16', 'holds', seen, `code 0 in the success body`));
    else if (code === undefined) out.push(finding('A16', 'cannot tell', seen, `no code in the success body`));
    else out.push(finding('A16', 'does not hold', seen, `code ${code} in a success body, neither 0 nor ≥ 1,000,000`));
  } else if (e.status !== undefined && e.status >= 400 && codeOf(e.body) === undefined && !isUnknownPath(e)) {
    out.push(finding('A16', 'cannot tell', seen, `an error answer without a CINNOX code`));
  }

  // A32: every ID a list answer carries is one the app's ID fields accept (counted, never shown).
  if (answered) {
    const notInIds = new RegExp(CONTRACT.notInIds);
    const ids = records.flatMap((r) =>
      CONTRACT.idKeys
        .map((k) => (r && typeof r === 'object' ? r[k] : undefined))
        .filter((v) => (typeof v === 'string' && v !== '') || typeof v === 'number')
        .map(String),
    );
    const odd = ids.filter((id) => id.length > CONTRACT.idMaxUnits || notInIds.test(id)).length;
    const rule = `longer than ${CONTRACT.idMaxUnits} characters or with a space, "/", "\\", "%", "?" or "#"`;
    if (ids.length > 0)
      out.push(
        odd === 0
          ? finding('A32', 'holds', seen, `${ids.length} ID(s), none ${rule}`)
          : finding(
              'A32',
              'does not hold',
              seen,
              `${odd} of ${ids.length} ID(s) ${rule}: the app's ID fields refuse them`,
            ),
      );
  }

  const number = CONTRACT.numberTypes.find((t) => e.path === `/${t}`);
  if (number) {
    const paged = 'offset' in e.query && 'limit' in e.query;
    const limit = Number(e.query.limit);
    if (isUnknownPath(e)) out.push(finding('A4', 'does not hold', seen, `CINNOX does not know the path`));
    else if (codeOf(e.body) === CODES.badParameters)
      out.push(finding('A4', 'does not hold', seen, `CINNOX refused the query`));
    else if (isNoRecords(e)) out.push(finding('A4', 'holds', seen, `the path is known; no ${number} numbers`));
    else if (!answered) out.push(finding('A4', 'cannot tell', seen));
    else if (paged && Number.isFinite(limit) && records.length > limit)
      out.push(finding('A4', 'does not hold', seen, `${records.length} records for limit ${limit}: paging ignored`));
    else
      out.push(finding('A4', 'holds', seen, paged ? `${records.length} record(s) within limit ${limit}` : undefined));
  }

  if (e.path === CONTRACT.enquiryChat && answered && records.length > 0) {
    // A29: a name under one of the keys (top level, then content.from); else the transcript shows EIDs.
    const named = records.filter((r) => {
      const from = (r.content as { from?: Record<string, unknown> } | undefined)?.from ?? {};
      return CONTRACT.chatSenderNameKeys.some(
        (k) => (typeof r[k] === 'string' && r[k]) || (typeof from[k] === 'string' && from[k]),
      );
    }).length;
    out.push(
      named > 0
        ? finding(
            'A29',
            'holds',
            seen,
            `${named} of ${records.length} message(s) carry a sender name under one of the keys`,
          )
        : finding(
            'A29',
            'cannot tell',
            seen,
            `none of ${records.length} message(s) carries a sender name under the keys: the transcript shows EIDs`,
          ),
    );
  }
  if (e.path === CONTRACT.enquiryDetail || e.path === CONTRACT.smsDetail) {
    if (CONTRACT.caseNumberParam in e.query && e.path === CONTRACT.enquiryDetail) {
      // Find Enquiry sends A6's window with the case number: a refusal naming the window is A6's, not A5's.
      if (windowRefused(e)) {
        out.push(
          finding('A5', 'cannot tell', seen, `CINNOX refused the time window sent with ${CONTRACT.caseNumberParam}`),
        );
        out.push(finding('A6', 'does not hold', seen, `CINNOX refused the time window`));
      } else
        out.push(
          filterFinding(
            'A5',
            e,
            CONTRACT.caseNumberParam,
            (r, asked) => String(r.displayCaseNumber ?? '') === asked,
            'set CINNOX_CHECK_CASE_NUMBER to a case number of this account',
          ),
        );
    } else if ('startAt' in e.query || 'endAt' in e.query) {
      if (isUnknownPath(e) || codeOf(e.body) === CODES.badParameters)
        out.push(finding('A6', 'does not hold', seen, `CINNOX refused the time window`));
      else if (isNoRecords(e)) out.push(finding('A6', 'holds', seen, `the window is accepted; no records in it`));
      else if (!answered) out.push(finding('A6', 'cannot tell', seen));
      else {
        const outside = withinWindow(e, records);
        out.push(
          outside > 0
            ? finding('A6', 'does not hold', seen, `${outside} record(s) created outside the window asked for`)
            : finding('A6', 'holds', seen, `${records.length} record(s), all inside the window`),
        );
      }
    }
    if (e.path === CONTRACT.smsDetail && isNoRecords(e))
      // "No records found": the account had no SMS at all in the window, so nothing to tell inbound by.
      out.push(
        finding(
          'A22',
          'cannot tell',
          seen,
          'SMS Details answered 6451011 "No records found": no SMS in the last 7 days; text one of your numbers and run again',
        ),
      );
    else if (e.path === CONTRACT.smsDetail && e.status !== undefined && !answered)
      // Refused or failed (e.g. the window of A6): no list to tell inbound SMS by, which is not "no step ran it".
      out.push(
        finding(
          'A22',
          'cannot tell',
          seen,
          'SMS Details answered an error, not a list: nothing to tell inbound SMS by',
        ),
      );
    if (e.path === CONTRACT.smsDetail && answered) {
      // A22: an account may simply have had no inbound SMS in the window, so absence never says "does not hold".
      const inbound = records.filter((r) => folded(r.usage) === CONTRACT.inboundSmsUsage).length;
      const withUsage = records.filter((r) => 'usage' in r).length;
      out.push(
        inbound > 0
          ? finding('A22', 'holds', seen, `${inbound} of ${records.length} record(s) with usage "inbound"`)
          : finding(
              'A22',
              'cannot tell',
              seen,
              records.length === 0
                ? 'no SMS in the window; text one of your numbers and run again'
                : `no record with usage "inbound" (${withUsage} of ${records.length} carry usage); text one of your numbers and run again`,
            ),
      );
    }
    if (e.path === CONTRACT.enquiryDetail && answered && records.length > 0) {
      const withoutId = records.filter(
        (r) => !CONTRACT.enquiryRecordIdKeys.some((k) => typeof r[k] === 'string' && r[k] !== ''),
      ).length;
      out.push(
        withoutId === 0
          ? finding(
              'A18',
              'holds',
              seen,
              `every record carries ${CONTRACT.enquiryRecordIdKeys.join(' or ')} (that it equals an event's eid needs a delivered enquiry event)`,
            )
          : finding('A18', 'does not hold', seen, `${withoutId} record(s) without _id or id`),
      );
      const statuses = [...new Set(records.map((r) => String(r.status ?? '')))];
      const unknown = statuses.filter((s) => !(CONTRACT.enquiryRecordStatuses as readonly string[]).includes(s));
      // A status is an enumeration, not personal data: an unknown one is named when it looks like one.
      const named = unknown.map((s) => (/^[A-Za-z][\w -]{0,29}$/.test(s) ? `"${s}"` : 'an unreadable status'));
      out.push(
        unknown.length === 0
          ? finding('A19', 'holds', seen, `statuses among ${CONTRACT.enquiryRecordStatuses.join(', ')}`)
          : finding('A19', 'does not hold', seen, `status ${named.join(', ')} is none of the five`),
      );
    }
  }

  if (e.path === CONTRACT.contactList) {
    if (CONTRACT.contactNameParam in e.query)
      out.push(
        filterFinding(
          'A7',
          e,
          CONTRACT.contactNameParam,
          (r, asked) => folded(`${r.firstName ?? ''} ${r.lastName ?? ''}`).includes(folded(asked)),
          'set CINNOX_CHECK_CONTACT_NAME to the full name of a contact of this account',
        ),
      );
    if (CONTRACT.contactIdParam in e.query)
      out.push(
        filterFinding(
          'A8',
          e,
          CONTRACT.contactIdParam,
          (r, asked) => String(r.id ?? '') === asked,
          'the account listed no contact to ask for',
        ),
      );
  }

  if (e.path === CONTRACT.callLog) {
    if (CONTRACT.callIdParam in e.query) {
      out.push(
        filterFinding(
          'A20',
          e,
          CONTRACT.callIdParam,
          (r, asked) => {
            const key = CONTRACT.callLogIdKeys.find((k) => typeof r[k] === 'string' && r[k] !== '');
            return key !== undefined && r[key] === asked;
          },
          'make a call to one of your numbers, then run again',
        ),
      );
    } else if ('startAt' in e.query || 'endAt' in e.query) {
      if (isUnknownPath(e) || codeOf(e.body) === CODES.badParameters)
        out.push(finding('A24', 'does not hold', seen, `CINNOX refused the time window`));
      else if (isNoRecords(e)) out.push(finding('A24', 'holds', seen, `the window is accepted; no calls in it`));
      else if (!answered) out.push(finding('A24', 'cannot tell', seen));
      else {
        const outside = withinWindow(e, records, 'callDate');
        out.push(
          outside > 0
            ? finding('A24', 'does not hold', seen, `${outside} call(s) dated outside the window asked for`)
            : finding('A24', 'holds', seen, `${records.length} call(s), all inside the window`),
        );
      }
    }
    if (answered && records.length > 0) {
      const keys: readonly string[] = CONTRACT.callLogRecordKeys;
      const carried = keys.filter((k) => records.some((r) => k in r));
      const absent = keys.filter((k) => !carried.includes(k));
      out.push(
        carried.length === 0
          ? finding('A21', 'does not hold', seen, `no record carries any of ${keys.join(', ')}`)
          : finding(
              'A21',
              'holds',
              seen,
              `records carry ${carried.length} of the ${keys.length} keys the app reads${absent.length ? ` (none carries ${absent.join(', ')})` : ''}`,
            ),
      );
    } else if (answered || isNoRecords(e))
      out.push(finding('A21', 'cannot tell', seen, `no call record to look at; make a call and run again`));
  }

  // A30: a window read of a report, as the scheduled triggers make it.
  if (answered && records.length > 0 && 'startAt' in e.query && !(CONTRACT.caseNumberParam in e.query)) {
    if (e.path === CONTRACT.callLog)
      out.push(
        reportFinding(seen, records, 'callDate', {
          status: CONTRACT.callResults,
          callDirection: CONTRACT.callDirections,
        }),
      );
    if (e.path === CONTRACT.enquiryDetail)
      out.push(
        reportFinding(seen, records, 'createdAt', {
          status: CONTRACT.enquiryRecordStatuses,
          channel: CONTRACT.enquiryChannels,
        }),
      );
    if (e.path === CONTRACT.smsDetail)
      // The SMS's status as New or Updated SMS's Status filter reads it: Rejected, else the carrier's, else CINNOX's.
      out.push(
        reportFinding(
          seen,
          records.map((r) => ({
            ...r,
            [SMS_STATUS_KEY]: word(r.status) === 'rejected' ? r.status : r.carrierStatus || r.status,
          })),
          'createdAt',
          { usage: CONTRACT.smsUsages, [SMS_STATUS_KEY]: CONTRACT.smsStatuses },
        ),
      );
  }

  if (e.path === CONTRACT.eventHookList) {
    if (isUnknownPath(e))
      out.push(
        finding(
          'A13',
          'does not hold',
          seen,
          `CINNOX does not know the path, so the app cannot refuse a second Zap on one subscription`,
        ),
      );
    else if (!answered) out.push(finding('A13', 'cannot tell', seen));
    else if (records.length === 0)
      out.push(finding('A13', 'holds', seen, `the list is read; no subscription listed, so no entry to check`));
    else {
      const unnamed = records.filter((r) => typeof r.name !== 'string').length;
      out.push(
        unnamed === 0
          ? finding('A13', 'holds', seen, `every entry carries a name`)
          : finding('A13', 'does not hold', seen, `${unnamed} entr(ies) without a name`),
      );
    }
  }
  return out;
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
