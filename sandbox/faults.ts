// Faults on demand: the sandbox misbehaves as a real server can, per route, over real sockets, so a developer
// (and the app's tests) can watch the app end a step in time and say what is known (README "Time limits and
// rate"). A fault is written `METHOD PATH=MODE[:MS][*TIMES]`, e.g. `POST /sms=reset`, `GET /access-numbers=delay:3000`,
// `GET /contacts/contact-list=reset*1` (the next request only); PATH is the API path after the App ID.
//   delay:MS  answer after MS milliseconds
//   hang      read the request, carry it out, never answer
//   reset     read the request, carry it out, then destroy the connection
//   stall     carry it out, send the headers and the first bytes of the answer, then nothing more
// A fault that swallows the answer still counts the request as received and carries it out: a real CINNOX may
// have sent the SMS before the connection broke.
import type http from 'node:http';

export const FAULT_MODES = ['delay', 'hang', 'reset', 'stall'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export interface Fault {
  method: string;
  path: string;
  mode: FaultMode;
  /** delay: how long to wait before answering. */
  ms?: number;
  /** how many more requests it applies to; absent: every one until cleared. */
  times?: number;
}

export class FaultError extends Error {}

/** `POST /sms=reset*1` → the fault; a FaultError says what is wrong and the form. */
export function parseFault(text: string): Fault {
  const m = /^\s*([A-Za-z]+)\s+(\/\S*)\s*=\s*([a-z]+)(?::(\d+))?(?:\*(\d+))?\s*$/.exec(text);
  const mode = m?.[3] as FaultMode | undefined;
  if (!m || !mode || !FAULT_MODES.includes(mode))
    throw new FaultError(
      `fault "${text}" is not METHOD PATH=MODE[:MS][*TIMES] with MODE one of ${FAULT_MODES.join(', ')} (e.g. "POST /sms=reset", "GET /access-numbers=delay:3000")`,
    );
  if (mode === 'delay' && m[4] === undefined)
    throw new FaultError(`fault "${text}": delay needs its milliseconds (delay:3000)`);
  return {
    method: m[1]!.toUpperCase(),
    path: m[2]!,
    mode,
    ...(m[4] !== undefined ? { ms: Number(m[4]) } : {}),
    ...(m[5] !== undefined ? { times: Number(m[5]) } : {}),
  };
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
