// Start / stop the sandbox as a child process and drive its admin API — for the `npm start` tour and scripts.
//
//   import { startSandbox } from './sandbox/control.ts';
//   const sandbox = await startSandbox({ args: ['--delivery-backoff-ms', '50'] });
//   sandbox.authData;                    // {appId, appToken, baseUrl} for zapier-platform-core
//   await sandbox.event('enquiry.missed'); // makes it happen; delivered to the inquiry-event-sub URL
//   await sandbox.waitForDeliveries({ event: 'enquiry.missed', status: 'delivered' });
//   await sandbox.fault('POST /sms=answer:all-rejected*1'); // the next Send SMS: every recipient Rejected
//   await sandbox.stop();
//
// `connectSandbox(baseUrl)` drives one that is already running (e.g. `npm run sandbox` in another terminal).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { URLSearchParams, fileURLToPath } from 'node:url';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventKind } from './event-kinds.ts';
import type { Delivery, SandboxEvent } from './state.ts';

export { EVENT_KINDS, type EventKind } from './event-kinds.ts';

export const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

/** The start-up line of `node sandbox/server.ts`. */
export interface SandboxInfo {
  /** e.g. http://127.0.0.1:4010 (the connection's Base URL) */
  baseUrl: string;
  /** baseUrl + /v1/api/apps/{appId} */
  apiRoot: string;
  /** baseUrl + /__admin */
  adminUrl: string;
  appId: string;
  appToken: string;
  port: number;
  pid?: number;
}

/** A delivery as the admin API answers it. */
export type DeliveryView = Delivery;
export interface DeliveryFilter {
  subscription?: string;
  event?: string;
  status?: string;
  eventId?: string;
}

/** What POST /__admin/events/{kind} answers. */
export interface EventAnswer {
  ok: boolean;
  kind: EventKind;
  record?: Record<string, unknown>;
  event?: Pick<SandboxEvent, 'id' | 'kind' | 'payload'>;
  deliveries?: Pick<Delivery, 'id' | 'subscription' | 'url' | 'status'>[];
}

/** A parsed JSON answer of the Open API: callers read what they asked for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class SandboxClient {
  info: SandboxInfo;
  baseUrl: string;
  apiRoot: string;
  adminUrl: string;
  appId: string;
  appToken: string;
  /** zapier-platform-core bundle.authData for this sandbox. */
  authData: { appId: string; appToken: string; baseUrl: string };
  /**
   * Environment for child processes: `zapier-platform invoke` reads authData from `authData_<key>` variables
   * (or .env lines); CINNOX_* are the names a real account is given in.
   */
  env: Record<string, string>;
  stopper: (() => Promise<void>) | undefined;

  constructor(info: SandboxInfo, stopper?: () => Promise<void>) {
    this.info = info;
    this.baseUrl = info.baseUrl;
    this.apiRoot = info.apiRoot;
    this.adminUrl = info.adminUrl;
    this.appId = info.appId;
    this.appToken = info.appToken;
    this.authData = { appId: info.appId, appToken: info.appToken, baseUrl: info.baseUrl };
    this.env = {
      authData_appId: info.appId,
      authData_appToken: info.appToken,
      authData_baseUrl: info.baseUrl,
      CINNOX_BASE_URL: info.baseUrl,
      CINNOX_APP_ID: info.appId,
      CINNOX_APP_TOKEN: info.appToken,
    };
    this.stopper = stopper;
  }

  /** An admin call (`path` e.g. '/events/contact.merged'); throws on a non-2xx answer (the message says why). */
  async admin<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? (JSON.parse(text) as T & { error?: string }) : undefined;
    if (!response.ok)
      throw new Error(`sandbox admin ${method} ${path}: HTTP ${response.status} ${data?.error ?? text}`);
    return data as T;
  }

  /**
   * A call to the sandbox's Open API (`path` e.g. '/labels?limit=5') with the sandbox's credentials
   * (override token / appId to see the errors).
   */
  async api(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; appId?: string } = {},
  ): Promise<{ status: number; data: Json }> {
    const appId = options.appId ?? this.appId;
    const response = await fetch(`${this.baseUrl}/v1/api/apps/${encodeURIComponent(appId)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? this.appToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, data: text ? JSON.parse(text) : undefined };
  }

  state(): Promise<Json> {
    return this.admin('GET', '/state');
  }
  reset(): Promise<{ ok: boolean }> {
    return this.admin('POST', '/reset');
  }
  /** `patch` e.g. {rateLimit: 5, deliveryBackoffMs: 10, challenge: 'echo'}; answers the whole configuration. */
  configure(patch: Record<string, unknown>): Promise<Json> {
    return this.admin('POST', '/config', patch);
  }
  /** Makes one of EVENT_KINDS happen; answers {ok, kind, record, event: {id, kind, payload}, deliveries: [...]}. */
  event(kind: EventKind | string, body: Record<string, unknown> = {}): Promise<EventAnswer> {
    return this.admin('POST', `/events/${kind}`, body);
  }
  /**
   * Sets a fault or a canned answer on a route (sandbox/faults.ts), e.g. 'POST /sms=answer:all-rejected*1' or
   * 'GET /access-numbers=delay:3000'; answers the faults in force.
   */
  fault(spec: string): Promise<{ faults: Json[] }> {
    return this.admin('POST', '/faults', { fault: spec });
  }
  /** Clears every fault and canned answer. */
  clearFaults(): Promise<{ faults: [] }> {
    return this.admin('DELETE', '/faults');
  }
  deliveries(filter: DeliveryFilter = {}): Promise<DeliveryView[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
    return this.admin('GET', `/deliveries${query.size ? `?${query}` : ''}`);
  }

  /** Polls until `check()` returns a truthy value (returned), or fails after timeoutMs. */
  async waitFor<T>(
    check: () => Promise<T | undefined>,
    options: { timeoutMs?: number | undefined; intervalMs?: number; what?: string } = {},
  ): Promise<T> {
    const { timeoutMs = 10_000, intervalMs = 25, what = 'condition' } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`sandbox: timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(intervalMs);
    }
  }

  /** Waits until at least `count` deliveries match the filter (default status: any finished one). */
  waitForDeliveries(filter: DeliveryFilter & { count?: number; timeoutMs?: number }): Promise<DeliveryView[]> {
    const { count = 1, timeoutMs, ...match } = filter;
    return this.waitFor(
      async () => {
        const list = (await this.deliveries(match)).filter((d) => match.status || d.status !== 'pending');
        return list.length >= count ? list : undefined;
      },
      { timeoutMs, what: `${count} deliver${count === 1 ? 'y' : 'ies'} matching ${JSON.stringify(match)}` },
    );
  }

  /** Stops a sandbox started by startSandbox (a no-op for connectSandbox). */
  async stop(): Promise<void> {
    await this.stopper?.();
  }
}

/** Drives a sandbox already running at baseUrl (asks it for its App ID; the App Token must be given unless default). */
export async function connectSandbox(baseUrl: string, options: { appToken?: string } = {}): Promise<SandboxClient> {
  const root = baseUrl.replace(/\/+$/, '');
  const config = (await (await fetch(`${root}/__admin/config`)).json()) as { appId: string; appToken: string };
  return new SandboxClient({
    baseUrl: root,
    apiRoot: `${root}/v1/api/apps/${encodeURIComponent(config.appId)}`,
    adminUrl: `${root}/__admin`,
    appId: config.appId,
    appToken: options.appToken ?? config.appToken,
    port: Number(new URL(root).port),
  });
}

/** A sandbox startSandbox started: its child process, and its last log lines (stderr). */
export type StartedSandbox = SandboxClient & { process: ChildProcessWithoutNullStreams; logs: string[] };

/**
 * Starts `node sandbox/server.ts --port 0 --stdin-lifeline [args…]` and resolves once it prints its JSON line.
 * The child exits when this process's end of its stdin closes (so a crashed parent leaves no sandbox behind).
 */
export function startSandbox(
  options: {
    port?: number;
    args?: string[];
    env?: Record<string, string>;
    timeoutMs?: number;
    onLog?: (line: string) => void;
    /**
     * Its own process group: a Ctrl-C in the terminal then reaches only the parent, which stops the sandbox
     * itself (rather than seeing its requests fail while both go down).
     */
    detached?: boolean;
  } = {},
): Promise<StartedSandbox> {
  const { port = 0, args = [], env = {}, timeoutMs = 10_000, onLog, detached = false } = options;
  const child = spawn(process.execPath, [SERVER, '--port', String(port), '--stdin-lifeline', ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached,
  });
  /** The last log lines (stderr), for error messages. */
  const logs: string[] = [];
  let stderrBuffer = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrBuffer += chunk;
    const lines = stderrBuffer.split('\n');
    stderrBuffer = lines.pop() ?? '';
    for (const line of lines) {
      logs.push(line);
      if (logs.length > 200) logs.shift();
      onLog?.(line);
    }
  });

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    child.stdin.destroy();
  };

  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(
        new Error(
          `sandbox did not start: ${why}${logs.length ? `\n${logs.slice(-20).join('\n')}` : ''}${stderrBuffer ? `\n${stderrBuffer}` : ''}`,
        ),
      );
    };
    const timer = setTimeout(() => fail(`no start-up line within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(error.message));
    void exited.then((how) => fail(`it exited (code ${how.code}, signal ${how.signal})`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.includes('\n')) return;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      let info: SandboxInfo;
      try {
        info = JSON.parse(stdout.slice(0, newline)) as SandboxInfo;
      } catch {
        fail(`unexpected start-up line ${JSON.stringify(stdout.slice(0, newline))}`);
        return;
      }
      const client = Object.assign(new SandboxClient(info, stop), { process: child, logs });
      resolve(client);
    });
  });
}
