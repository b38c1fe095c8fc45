/**
 * Test harness for the sandbox: starts `node sandbox/server.ts --port 0` as a child process (never imported:
 * it is ESM and runs in its own process), talks to it over HTTP with fetch, and runs a local receiver that
 * stands in for Zapier's hook URLs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import nock from 'nock';

export const SERVER = path.resolve(__dirname, '../../sandbox/server.ts');

/** A parsed JSON answer: tests read it freely, so the one `any` lives here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The sandbox is on 127.0.0.1: let fetch reach it (test/setup.ts disables the network). */
export function allowLocalNetwork(): void {
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterAll(() => nock.disableNetConnect());
}

export interface SandboxInfo {
  sandbox: 'cinnox';
  baseUrl: string;
  apiRoot: string;
  adminUrl: string;
  appId: string;
  appToken: string;
  port: number;
  pid: number;
}

export interface ApiAnswer<T = Json> {
  status: number;
  data: T;
}

export interface Sandbox extends SandboxInfo {
  process: ChildProcess;
  /** An Open API call with the sandbox's credentials unless `token` / `appId` override them. */
  api<T = Json>(
    method: string,
    apiPath: string,
    options?: { body?: unknown; token?: string | null; appId?: string },
  ): Promise<ApiAnswer<T>>;
  /** An admin call; throws on non-2xx unless `allowError`. */
  admin<T = Json>(method: string, adminPath: string, body?: unknown): Promise<T>;
  adminRaw(method: string, adminPath: string, body?: unknown): Promise<ApiAnswer>;
  /** Polls /__admin/deliveries until `count` deliveries match and none of them is pending. */
  settled(filter: Record<string, string>, count: number, timeoutMs?: number): Promise<Json[]>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSandbox(args: string[] = []): Promise<Sandbox> {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--quiet', '--stdin-lifeline', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: process.env,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<SandboxInfo>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sandbox printed no start-up line in 10 s: ${stderr}`)), 10_000);
    void exited.then(() => reject(new Error(`sandbox exited before listening: ${stderr}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.slice(0, newline)) as SandboxInfo);
      } catch {
        reject(new Error(`sandbox start-up line is not JSON: ${out}`));
      }
    });
  });

  const request = async (
    url: string,
    method: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<ApiAnswer> => {
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, data: text ? JSON.parse(text) : undefined };
  };

  const sandbox: Sandbox = {
    ...info,
    process: child,
    api: (method, apiPath, options = {}) => {
      const appId = options.appId ?? info.appId;
      const token = options.token === undefined ? info.appToken : options.token;
      return request(
        `${info.baseUrl}/v1/api/apps/${encodeURIComponent(appId)}${apiPath}`,
        method,
        options.body,
        token === null ? {} : { authorization: `Bearer ${token}` },
      );
    },
    adminRaw: (method, adminPath, body) => request(`${info.adminUrl}${adminPath}`, method, body, {}),
    admin: async (method, adminPath, body) => {
      const answer = await sandbox.adminRaw(method, adminPath, body);
      if (answer.status !== 200)
        throw new Error(`admin ${method} ${adminPath}: ${answer.status} ${JSON.stringify(answer.data)}`);
      return answer.data;
    },
    settled: async (filter, count, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      let last: Json[] = [];
      while (Date.now() < deadline) {
        last = await sandbox.admin<Json[]>('GET', `/deliveries?${new URLSearchParams(filter)}`);
        if (last.length >= count && last.every((d) => d.status !== 'pending')) return last;
        await sleep(20);
      }
      throw new Error(`deliveries ${JSON.stringify(filter)} not settled in ${timeoutMs} ms: ${JSON.stringify(last)}`);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      child.stdin.destroy();
    },
  };
  return sandbox;
}

export interface Received {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: Json;
  at: number;
}

export type Responder = (request: Received, index: number) => { status: number; body?: unknown };

/** A local HTTP server standing in for Zapier's hook URLs; records every request. */
export interface Receiver {
  url: string;
  requests: Received[];
  /** Requests that are events (not URL-verification challenges). */
  events(pathPrefix?: string): Received[];
  challenges(pathPrefix?: string): Received[];
  respondWith(responder: Responder): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  let responder: Responder = () => ({ status: 200, body: 'ok' });
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      const received: Received = {
        path: req.url ?? '/',
        method: req.method ?? '',
        headers: req.headers,
        body,
        at: Date.now(),
      };
      requests.push(received);
      const answer = responder(received, requests.length - 1);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const isChallenge = (r: Received) =>
    r.body && typeof r.body === 'object' && Object.keys(r.body).join() === 'challenge';
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    events: (prefix = '') => requests.filter((r) => r.path.startsWith(prefix) && !isChallenge(r)),
    challenges: (prefix = '') => requests.filter((r) => r.path.startsWith(prefix) && isChallenge(r)),
    respondWith: (next) => {
      responder = next;
    },
    clear: () => {
      requests.length = 0;
      responder = () => ({ status: 200, body: 'ok' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The one sandbox a test file's tests share: local network allowed, started before them, reset before each,
 * stopped after them. Read it inside a test or hook: `sandbox()`.
 */
export function sharedSandbox(): () => Sandbox {
  allowLocalNetwork();
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox?.stop());
  beforeEach(() => sandbox!.admin('POST', '/reset'));
  return () => sandbox!;
}

/** CINNOX's refusal of a request's parameters (6451000) with its reason, as the sandbox answers it. */
export const badParameters = (message: string) => ({ status: 400, data: { code: 6451000, message } });
