// The CINNOX Open API at CINNOX's paths (`/v1/api/apps/{appID}/…`, docs/cinnox-api.md §0.1, and the app's
// named assumptions (A1, A2, …) where the reference is silent): the route table (`api`), list envelopes, paging, report
// windows and the `--break` modes that bend them, behind the App ID and Bearer-token checks and the rate limit
// (`handleApi`), with the request log and faults on demand (faults.ts). A list nothing in the sandbox changes (a
// catalogue) may keep its records beside its route; records a route or an event changes live in state.ts.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { folded, type Account, type Shared } from './account.ts';
import type { Break } from './config.ts';
import { cannedAnswer, misbehave, sendCanned, type Canned, type Faults } from './faults.ts';
import { readBody, send } from './http.ts';
import {
  REQUEST_LOG_MAX,
  chatLog,
  findContact,
  fullName,
  iso,
  smsSender,
  type RequestEntry,
  type SmsRecord,
} from './state.ts';
import {
  CHAT_LOG_MAX_MESSAGES,
  CHAT_LOG_OVER_LIMIT,
  CODES,
  CinnoxError,
  badParameters,
  contactBody,
  labelIdsBody,
  messagePushBody,
  noRecords,
  onlyParams,
  paging,
  sendOtpBody,
  sendSmsBody,
  subscriptionBody,
  timeWindow,
} from './validate.ts';
import { isSubscriptionName } from './webhooks.ts';

export const API_PREFIX = '/v1/api/apps/';

/** What the Open API uses besides the account: the faults, the answers they hold back, the rate-limit log. */
export interface ApiParts extends Shared, Account {
  faults: Faults;
  holding: Set<http.ServerResponse>;
  /** Per App ID: request times inside the current rate-limit window. */
  rateLog: Map<string, number[]>;
}

/** The Open API's request handler, for the requests under API_PREFIX. */
export function createApi({ config, state, hooks, log, faults, holding, rateLog, world, staffById }: ApiParts) {
  const broken = (name: Break): boolean => config.breaks.includes(name);
  /**
   * A list answer (A15): `{code: 0, [key]: records}`, `result` unless the reference documents its key (§3.6
   * `labelList`); a bare array or an unknown key when the sandbox breaks A15 on purpose
   * (`--break bare-list-envelope | unknown-list-envelope`).
   */
  function listAnswer(records: unknown[], key = 'result'): unknown {
    if (broken('bare-list-envelope')) return records;
    if (broken('unknown-list-envelope')) return { code: 0, items: records };
    return { code: 0, [key]: records };
  }
  /** A30 broken on purpose (`--break reports-oldest-first`): a report's window read lists its oldest records first. */
  const reportOrder = <T>(newestFirst: T[]): T[] =>
    broken('reports-oldest-first') ? [...newestFirst].reverse() : newestFirst;
  /** A6 broken on purpose (`--break report-window-rejected`): a time window is an invalid query. */
  function reportWindow(query: URLSearchParams): void {
    if (broken('report-window-rejected') && (query.has('startAt') || query.has('endAt')))
      throw badParameters(
        `invalid query: ${['startAt', 'endAt']
          .filter((k) => query.has(k))
          .map((k) => `(${k})`)
          .join(', ')}`,
      );
  }

  function page<T>(records: T[], query: URLSearchParams): T[] {
    const { offset, limit } = paging(query);
    const slice = records.slice(offset, offset + limit);
    if (slice.length === 0) throw noRecords();
    return slice;
  }
  type Dated = { createdAt: string };
  const newestFirst = (a: Dated, b: Dated) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  const within =
    (w: { start: number; end: number }) =>
    (r: Dated): boolean => {
      const t = Date.parse(r.createdAt);
      return t >= w.start && t <= w.end;
    };
  const smsView = (r: SmsRecord) => {
    const { receiptStatus: _s, exception: _e, parts: _p, encoding: _n, characters: _c, transactionID: _t, ...view } = r;
    return view;
  };

  type Call = { query: URLSearchParams; body: unknown; params: string[] };
  type Route = [method: string, path: string | RegExp, handler: (call: Call) => unknown];
  const api: Route[] = [
    [
      'GET',
      '/contacts/staffcontact-list',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'fullName']);
        const name = folded(query.get('fullName') ?? '');
        return listAnswer(
          page(
            state.staff.filter((s) => !name || folded(s.displayName).includes(name)),
            query,
          ),
        );
      },
    ],
    [
      'GET',
      '/contacts/extcontact-list',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'fullName', 'id']);
        const name = broken('name-filter-ignored') ? '' : folded(query.get('fullName') ?? '');
        const id = broken('id-filter-ignored') ? null : query.get('id');
        const found = state.contacts.filter(
          (c) => (!id || c.id === id) && (!name || folded(fullName(c)).includes(name)),
        );
        return listAnswer(page(found, query));
      },
    ],
    [
      'POST',
      '/management/create_externalcontact',
      ({ body }) => {
        const { record } = world.createContact(contactBody(body, { create: true }));
        return { code: 0, id: record.id };
      },
    ],
    [
      'PUT',
      /^\/management\/update_externalcontact\/([^/]+)$/,
      ({ body, params }) => {
        const id = params[0]!;
        const valid = contactBody(body, { create: false });
        if (!findContact(state, id)) throw noRecords();
        world.editContact(id, valid);
        return { code: 0, id };
      },
    ],
    [
      'GET',
      '/labels',
      ({ query }) => {
        onlyParams(query, ['offset', 'limit', 'id', 'name']);
        const id = query.get('id');
        const name = query.get('name');
        const found = state.labels.filter((l) => (!id || l.id === id) && (!name || folded(l.name) === folded(name)));
        return listAnswer(page(found, query), 'labelList');
      },
    ],
    [
      'GET',
      '/data/enquiry-detail',
      ({ query }) => {
        onlyParams(query, ['displayCaseNumber', 'startAt', 'endAt', 'offset', 'limit']);
        reportWindow(query);
        const caseNumber = query.get('displayCaseNumber');
        // A report: every read needs its window (§0.3 "Empty time range"), by case number too (A5 within A6).
        const window = timeWindow(query);
        let found = [...state.enquiries].sort(newestFirst).filter(within(window));
        if (caseNumber !== null) {
          if (!caseNumber.trim()) throw badParameters('invalid query: (displayCaseNumber)');
          found = found.filter((e) => e.displayCaseNumber === caseNumber.trim());
        } else {
          found = reportOrder(found);
        }
        return listAnswer(page(found, query));
      },
    ],
    [
      'GET',
      '/data/sms-detail',
      ({ query }) => {
        onlyParams(query, ['startAt', 'endAt', 'offset', 'limit']);
        reportWindow(query);
        const found = reportOrder([...state.sms].sort(newestFirst).filter(within(timeWindow(query))));
        return listAnswer(page(found, query).map(smsView));
      },
    ],
    [
      'POST',
      '/message-push',
      ({ body }) => {
        const valid = messagePushBody(body, (eid) => Boolean(staffById(eid)));
        const messageIDs = valid.messages.map(() => `msg-${state.next('message')}`);
        const roomID = valid.roomID ?? `direct-${valid.receiverEID}`;
        state.messages.push({ ...valid, roomID, messageIDs, at: iso(Date.now()) });
        return { code: 0, result: { roomID, messageIDs } };
      },
    ],
    [
      'POST',
      '/sms',
      ({ body }) => {
        const valid = sendSmsBody(body, (n) => Boolean(smsSender(state, n)));
        const { records } = world.sendSms(valid);
        return {
          code: 0,
          result: records.map((r) => ({
            recipientNumber: r.recipient,
            transactionID: r.transactionID,
            status: r.status,
            responseCode: '',
            exception: '',
          })),
        };
      },
    ],
    ...(['access-numbers', 'cli', 'sms-numbers'] as const).map((type): Route => [
      'GET',
      `/${type}`,
      ({ query }) => {
        onlyParams(query, ['offset', 'limit']);
        return listAnswer(page(state.numbers[type], query));
      },
    ]),
    [
      'PATCH',
      /^\/([a-z-]+-event-sub)$/,
      async ({ body, params }) => hooks.setSubscription(params[0]!, subscriptionBody(body)),
    ],
    // Send OTP SMS (§1.2), Label / Unlabel an Enquiry (§3.6), Get Enquiry Chat (§2.2).
    [
      'POST',
      '/send_otp',
      ({ body }) => {
        const valid = sendOtpBody(body, (id) =>
          state.numbers['sms-numbers'].some((n) => n.supportSMS && n.Number.toUpperCase() === id.trim().toUpperCase()),
        );
        const transactionID = randomUUID();
        state.otps.push({
          ...valid,
          text: valid.text.replace('%s', () => valid.pin),
          transactionID,
          createdAt: iso(Date.now()),
        });
        return { code: 0, serviceID: config.serviceId, status: true, transactionID };
      },
    ],
    ...(['POST', 'DELETE'] as const).map((method): Route => [
      method,
      /^\/inquiries\/([^/]+)\/labels$/,
      ({ body, params }) => {
        const ids = labelIdsBody(body);
        // A25: the path takes the Enquiry Details record id.
        const enquiry = state.enquiries.find((e) => e._id === params[0]);
        if (!enquiry) throw badParameters('invalid enquiryID');
        const missing = ids.filter((id) => !state.labels.some((l) => l.id === id));
        const current = state.enquiryLabels[enquiry._id] ?? [];
        const next =
          method === 'POST'
            ? [...new Set([...current, ...ids.filter((id) => !missing.includes(id))])]
            : current.filter((id) => !ids.includes(id));
        state.enquiryLabels[enquiry._id] = next;
        return {
          code: 0,
          notExistLabelIds: missing.length > 0 ? missing : null,
          labelIds: next.length > 0 ? next : null,
          updatedAt: iso(Date.now()),
        };
      },
    ]),
    [
      'GET',
      '/data/enquiry-chat',
      ({ query }) => {
        onlyParams(query, ['enquiryID']);
        const ref = query.get('enquiryID')?.trim();
        if (!ref) throw badParameters('enquiryID is required');
        // §2.2: the `inquiry` ID or the displayCaseNumber.
        const enquiry = state.enquiries.find((e) => e.inquiry === ref || e.displayCaseNumber === ref);
        if (!enquiry) throw badParameters('invalid enquiryID');
        // A28: an enquiry that is not closed answers "No records found".
        if (enquiry.status !== 'closed') throw noRecords();
        const log = chatLog(state, enquiry);
        if (log.length > CHAT_LOG_MAX_MESSAGES)
          throw new CinnoxError(CHAT_LOG_OVER_LIMIT, 'Requested chat logs over the limit');
        return listAnswer(log);
      },
    ],
    // the call log (§2.4), one call by callID (A20), recent calls in a report window (A24).
    [
      'GET',
      '/data/call-log',
      ({ query }) => {
        onlyParams(query, ['callID', 'startAt', 'endAt', 'offset', 'limit']);
        const callID = query.get('callID');
        // A report: every read needs its window (§0.3 "Empty time range"), by call id too (A20 within A24).
        const w = timeWindow(query);
        let found = state.calls
          .filter((c) => c.ended && Date.parse(c.callDate) >= w.start && Date.parse(c.callDate) <= w.end)
          .sort((a, b) => Date.parse(b.callDate) - Date.parse(a.callDate));
        if (callID !== null) {
          if (!callID.trim()) throw badParameters('invalid query: (callID)');
          // A20 broken on purpose (`--break call-filter-ignored`): every call, newest first.
          if (!broken('call-filter-ignored')) found = found.filter((c) => c.callID === callID.trim());
        } else {
          found = reportOrder(found);
        }
        return listAnswer(page(found, query).map(({ ended: _e, callees: _c, ...view }) => view));
      },
    ],
    [
      'GET',
      '/event-hooks',
      ({ query }) => {
        onlyParams(query, []);
        return listAnswer(Object.values(state.subscriptions));
      },
    ],
  ];

  function route(method: string, path: string): { handler?: Route[2]; params?: string[]; pathMatched?: boolean } {
    let pathMatched = false;
    for (const [m, pattern, handler] of api) {
      const match = typeof pattern === 'string' ? (pattern === path ? [path] : null) : pattern.exec(path);
      if (!match) continue;
      if (pattern instanceof RegExp && pattern.source.includes('event-sub') && !isSubscriptionName(match[1]!)) continue;
      pathMatched = true;
      if (pattern === '/event-hooks' && broken('no-event-hook-list')) continue;
      if (m === method) return { handler, params: match.slice(1).map((p) => decodeURIComponent(p)) };
    }
    return { handler: undefined, pathMatched };
  }

  /** Counts the request; true when the App ID already made rateLimit requests in the window. */
  function rateLimited(appId: string): boolean {
    const now = Date.now();
    const times = (rateLog.get(appId) ?? []).filter((t) => now - t < config.rateWindowMs);
    rateLog.set(appId, times);
    if (times.length >= config.rateLimit) return true;
    times.push(now);
    return false;
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const rest = url.pathname.slice(API_PREFIX.length);
    const slash = rest.indexOf('/');
    const appId = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
    const path = slash === -1 ? '' : rest.slice(slash);
    const entry: RequestEntry = {
      at: iso(Date.now()),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      status: 200,
      code: 0,
    };
    let status = 200;
    let answer: unknown;
    const fault = faults.take(method, path);
    /** An `answer:` fault's answer (sandbox/faults.ts), instead of the route's own. */
    let canned: Canned | undefined;
    try {
      const { json } = await readBody(req);
      entry.body = typeof json === 'symbol' ? '(not JSON)' : json;
      if (appId !== config.appId) throw new CinnoxError(CODES.invalidAppId, 'Invalid appID');
      const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? '').trim());
      if (!auth || auth[1] !== config.appToken) throw new CinnoxError(CODES.invalidToken, 'Invalid token');
      if (rateLimited(appId)) throw new CinnoxError(CODES.tooManyRequests, 'Too many requests');
      const { handler, params } = route(method, path);
      if (!handler)
        throw new CinnoxError(CODES.methodNotFound, `method not found, method: ${method} url: ${url.pathname}`);
      if (typeof json === 'symbol') throw badParameters('Unknown data type: the request body is not JSON');
      const body = method === 'GET' ? undefined : json;
      const own = async () => handler({ query: url.searchParams, body, params: params ?? [] });
      if (fault?.mode === 'answer') canned = await cannedAnswer(fault, body, own);
      else answer = await own();
    } catch (error) {
      if (error instanceof CinnoxError) {
        status = error.status;
        answer = { code: error.code, message: error.message };
      } else {
        status = 500;
        answer = { code: CODES.badServiceResponse, message: 'Bad response from the service' };
        log(`internal error: ${(error as Error).stack}`);
      }
    }
    if (canned) [status, answer] = [canned.status, 'json' in canned ? canned.json : canned.html];
    const reply = () => (canned ? sendCanned(res, canned) : send(res, status, answer));
    if (fault) entry.fault = [fault.mode, fault.ms ?? fault.answer].filter((p) => p !== undefined).join(':');
    if (fault && fault.mode !== 'answer') misbehave(fault, req, res, reply, holding);
    else reply();
    entry.status = status;
    entry.code = (answer as { code?: number } | undefined)?.code ?? 0;
    state.requestCount += 1;
    state.requests.push(entry);
    if (state.requests.length > REQUEST_LOG_MAX) state.requests.splice(0, state.requests.length - REQUEST_LOG_MAX);
    log(
      `${method} ${url.pathname}${url.search} -> ${status}${entry.code ? ` ${entry.code}${status !== 200 ? ` ${(answer as { message?: string }).message}` : ''}` : ''}`,
    );
  }

  return handleApi;
}
