// Faults on demand: the sandbox misbehaves as a real server can, per route, over real sockets, so a developer
// (and the app's tests) can watch the app end a step in time and say what is known (docs/errors.md, "Time limits
// and rate"), or see what a step makes of an answer CINNOX can give (docs/errors.md's table). A fault is
// written `METHOD PATH=MODE[:ARG][*TIMES]`, e.g. `POST /sms=reset`, `GET /access-numbers=delay:3000`,
// `GET /contacts/contact-list=reset*1` (the next request only), `POST /sms=answer:all-rejected`; PATH is the API path
// after the App ID.
//   delay:MS       answer after MS milliseconds
//   hang           read the request, carry it out, never answer
//   reset          read the request, carry it out, then destroy the connection
//   stall          carry it out, send the headers and the first bytes of the answer, then nothing more
//   answer:PRESET  a canned answer (ANSWER_PRESETS: every recipient rejected, a gateway's 403 page, …)
//   answer:STATUS[:CODE[:REASON]]  that HTTP status with CINNOX's body {code, message: REASON}; a bare page
//                  (no CINNOX body) without CODE
// A fault that swallows the answer still counts the request as received and carries it out: a real CINNOX may
// have sent the SMS before the connection broke. A canned answer carries the request out only when its preset
// says so (the sandbox's own answer, changed); otherwise nothing happens in the account.
import { Buffer } from 'node:buffer';
import type http from 'node:http';

export const FAULT_MODES = ['delay', 'hang', 'reset', 'stall', 'answer'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export interface Fault {
  method: string;
  path: string;
  mode: FaultMode;
  /** delay: how long to wait before answering. */
  ms?: number;
  /** answer: a preset's name (ANSWER_PRESETS), or `STATUS[:CODE[:REASON]]`. */
  answer?: string;
  /** how many more requests it applies to; absent: every one until cleared. */
  times?: number;
}

export class FaultError extends Error {}

/** What a canned answer sends: JSON, or a page that is not JSON (no CINNOX body). */
export type Canned = { status: number; json: unknown } | { status: number; html: string };

/** A gateway's page in front of CINNOX: HTML, no CINNOX code. */
const page = (status: number, title: string): Canned => ({
  status,
  html: `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>`,
});

/** The numbers of a number-list answer (A4: `Number`, or `number`) as digits, without "+". */
function numbersAsDigits(answer: unknown): unknown {
  const { result } = (answer ?? {}) as { result?: unknown };
  if (!Array.isArray(result)) return answer;
  const digits = (n: unknown) => (typeof n === 'string' ? n.replace(/^\+/, '') : n);
  return {
    ...(answer as object),
    result: result.map((r: Record<string, unknown>) => ({
      ...r,
      ...('Number' in r ? { Number: digits(r.Number) } : {}),
      ...('number' in r ? { number: digits(r.number) } : {}),
    })),
  };
}

/**
 * The named canned answers: what each answers, on which routes (`METHOD PATH`; none: any route), and whether the
 * request is carried out first (`own`: the sandbox's own answer, which the preset changes) or not at all.
 */
export const ANSWER_PRESETS: Readonly<
  Record<
    string,
    {
      what: string;
      routes?: readonly string[];
      /** Builds the answer from the request's body; `own` is the sandbox's answer when the preset carries it out. */
      answer(body: unknown, own?: unknown): Canned;
      carriedOut: boolean;
    }
  >
> = {
  'all-rejected': {
    what: 'code 0 with every recipient Rejected (responseCode 400, exception "sms send failed"); nothing is sent',
    routes: ['POST /sms'],
    carriedOut: false,
    answer: (body) => {
      const { recipientNumbers } = (body ?? {}) as { recipientNumbers?: unknown };
      const numbers = Array.isArray(recipientNumbers) ? recipientNumbers : [];
      return {
        status: 200,
        json: {
          code: 0,
          result: numbers.map((recipientNumber) => ({
            recipientNumber,
            transactionID: '',
            status: 'Rejected',
            responseCode: '400',
            exception: 'sms send failed',
          })),
        },
      };
    },
  },
  'gateway-403': {
    what: "a gateway's bare HTTP 403 page (HTML, no CINNOX code); the request never reaches CINNOX",
    carriedOut: false,
    answer: () => page(403, 'Forbidden'),
  },
  'not-closed': {
    what: 'the chat of an enquiry that is not closed (A28): 6451011 No records found, whatever the enquiry',
    routes: ['GET /data/enquiry-chat'],
    carriedOut: false,
    answer: () => ({ status: 400, json: { code: 6451011, message: 'No records found' } }),
  },
  digits: {
    what: 'the number list with each number as digits, without "+"',
    routes: ['GET /access-numbers', 'GET /cli', 'GET /sms-numbers'],
    carriedOut: true,
    answer: (_body, own) => ({ status: 200, json: numbersAsDigits(own) }),
  },
  'empty-answer': {
    what: 'the request is carried out; the answer says nothing: HTTP 200 with {} (no code, no id, no result)',
    carriedOut: true,
    answer: () => ({ status: 200, json: {} }),
  },
  'id-under-result': {
    what: 'the contact is created; its id answered under result ({code: 0, result: {id}}) instead of beside code',
    routes: ['POST /management/create_externalcontact'],
    carriedOut: true,
    answer: (_body, own) => {
      const { id, ...rest } = (own ?? {}) as { id?: unknown };
      return { status: 200, json: { ...rest, result: { id } } };
    },
  },
};

const GENERIC_ANSWER = /^(\d{3})(?::(\d+)(?::(.*))?)?$/;

/** `answer:…`'s argument for `METHOD PATH`: a preset for that route, or `STATUS[:CODE[:REASON]]`. */
function checkAnswer(text: string, route: string, answer: string): void {
  const generic = GENERIC_ANSWER.exec(answer);
  if (generic) {
    const status = Number(generic[1]);
    if (status < 200 || status > 599) throw new FaultError(`fault "${text}": the status must be from 200 to 599`);
    return;
  }
  if (!Object.hasOwn(ANSWER_PRESETS, answer))
    throw new FaultError(
      `fault "${text}": answer:${answer} is neither a preset (${Object.keys(ANSWER_PRESETS).join(', ')}) nor STATUS[:CODE[:REASON]] (e.g. answer:400:6451000:Invalid senderNumber)`,
    );
  const preset = ANSWER_PRESETS[answer]!;
  if (preset.routes && !preset.routes.includes(route))
    throw new FaultError(`fault "${text}": answer:${answer} answers ${preset.routes.join(', ')} only`);
}

/** `POST /sms=reset*1` → the fault; a FaultError says what is wrong and the form. */
export function parseFault(text: string): Fault {
  const m = /^\s*([A-Za-z]+)\s+(\/\S*)\s*=\s*([a-z]+)(?::(.*?))?(?:\*(\d+))?\s*$/.exec(text);
  const mode = m?.[3] as FaultMode | undefined;
  if (!m || !mode || !FAULT_MODES.includes(mode))
    throw new FaultError(
      `fault "${text}" is not METHOD PATH=MODE[:ARG][*TIMES] with MODE one of ${FAULT_MODES.join(', ')} (e.g. "POST /sms=reset", "GET /access-numbers=delay:3000", "POST /sms=answer:all-rejected")`,
    );
  const method = m[1]!.toUpperCase();
  const path = m[2]!;
  const arg = m[4];
  if (mode === 'delay' && (arg === undefined || !/^\d+$/.test(arg)))
    throw new FaultError(`fault "${text}": delay needs its milliseconds (delay:3000)`);
  if (mode === 'answer') {
    if (!arg)
      throw new FaultError(
        `fault "${text}": answer needs a preset (${Object.keys(ANSWER_PRESETS).join(', ')}) or STATUS[:CODE[:REASON]]`,
      );
    checkAnswer(text, `${method} ${path}`, arg);
  } else if (mode !== 'delay' && arg !== undefined) throw new FaultError(`fault "${text}": ${mode} takes no argument`);
  return {
    method,
    path,
    mode,
    ...(mode === 'delay' ? { ms: Number(arg) } : {}),
    ...(mode === 'answer' ? { answer: arg } : {}),
    ...(m[5] !== undefined ? { times: Number(m[5]) } : {}),
  };
}

/**
 * The answer a request gets under an `answer:` fault. `own` carries the request out as the sandbox would and gives
 * its answer (an error it throws is the answer, unchanged); it is called only by a preset that carries it out.
 */
export async function cannedAnswer(fault: Fault, body: unknown, own: () => Promise<unknown>): Promise<Canned> {
  const answer = fault.answer ?? '';
  const generic = GENERIC_ANSWER.exec(answer);
  if (generic) {
    const [, status, code, reason] = generic;
    if (code === undefined) return page(Number(status), 'Error');
    return { status: Number(status), json: { code: Number(code), ...(reason ? { message: reason } : {}) } };
  }
  const preset = ANSWER_PRESETS[answer]!;
  return preset.answer(body, preset.carriedOut ? await own() : undefined);
}

/** The faults in force; `take` returns the one for a request (and counts it down). */
export class Faults {
  private faults: Fault[] = [];
  constructor(initial: Fault[] = []) {
    this.faults = [...initial];
  }
  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }
  set(fault: Fault): void {
    this.faults = this.faults.filter((f) => f.method !== fault.method || f.path !== fault.path);
    this.faults.push(fault);
  }
  clear(): void {
    this.faults = [];
  }
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.method === method && f.path === path);
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}

/** Answers `res` as `fault` says; `answer` sends the real answer (delay) or is never called. */
export function misbehave(
  fault: Fault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  answer: () => void,
  holding: Set<http.ServerResponse>,
): void {
  if (fault.mode === 'delay') {
    setTimeout(answer, fault.ms ?? 0);
    return;
  }
  if (fault.mode === 'reset') {
    req.socket.destroy();
    return;
  }
  holding.add(res);
  res.on('close', () => holding.delete(res));
  if (fault.mode === 'stall') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
    res.write('{"code":0,"result":[');
  }
}

/** Sends a canned answer: JSON, or the page as text/html. */
export function sendCanned(res: http.ServerResponse, canned: Canned): void {
  const [type, text] =
    'json' in canned
      ? ['application/json; charset=utf-8', JSON.stringify(canned.json)]
      : ['text/html; charset=utf-8', canned.html];
  res.writeHead(canned.status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
