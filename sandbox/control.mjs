// Start / stop the sandbox as a child process and drive its admin API — for the `npm start` tour and scripts.
//
//   import { startSandbox } from './sandbox/control.mjs';
//   const sandbox = await startSandbox({ args: ['--delivery-backoff-ms', '50'] });
//   sandbox.authData;                    // {appId, appToken, baseUrl} for zapier-platform-core
//   await sandbox.event('enquiry.missed'); // makes it happen; delivered to the inquiry-event-sub URL
//   await sandbox.waitForDeliveries({ event: 'enquiry.missed', status: 'delivered' });
//   await sandbox.stop();
//
// `connectSandbox(baseUrl)` drives one that is already running (e.g. `npm run sandbox` in another terminal).
import { spawn } from 'node:child_process';
import { URLSearchParams, fileURLToPath } from 'node:url';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

export const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));

/** The 13 events the admin API makes happen (POST /__admin/events/{kind}). */
export const EVENT_KINDS = [
  'contact.created',
  'contact.edited',
  'contact.merged',
  'contact.transferred',
  'contact.deleted',
  'enquiry.opened',
  'enquiry.handling',
  'enquiry.closed',
  'enquiry.missed',
  'sms.receipt',
  'label.created',
  'label.edited',
  'label.deleted',
];

/**
 * @typedef {object} SandboxInfo
 * @property {string} baseUrl  e.g. http://127.0.0.1:4010 (the connection's Base URL)
 * @property {string} apiRoot  baseUrl + /v1/api/apps/{appId}
 * @property {string} adminUrl baseUrl + /__admin
 * @property {string} appId
 * @property {string} appToken
 * @property {number} port
 * @property {number} [pid]
 */

export class SandboxClient {
  /** @param {SandboxInfo} info @param {(() => Promise<void>)} [stopper] */
  constructor(info, stopper) {
    this.info = info;
    this.baseUrl = info.baseUrl;
    this.apiRoot = info.apiRoot;
    this.adminUrl = info.adminUrl;
    this.appId = info.appId;
    this.appToken = info.appToken;
    /** zapier-platform-core bundle.authData for this sandbox. */
    this.authData = { appId: info.appId, appToken: info.appToken, baseUrl: info.baseUrl };
    /**
     * Environment for child processes: `zapier-platform invoke` reads authData from `authData_<key>` variables
     * (or .env lines); CINNOX_* are the names a real account is given in.
     */
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

  /**
   * An admin call; throws on a non-2xx answer (the message says why).
   * @param {string} method @param {string} path e.g. '/events/contact.merged' @param {unknown} [body]
   */
  async admin(method, path, body) {
    const response = await fetch(`${this.adminUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!response.ok)
      throw new Error(`sandbox admin ${method} ${path}: HTTP ${response.status} ${data?.error ?? text}`);
    return data;
  }

  /**
   * A call to the sandbox's Open API with the sandbox's credentials (override token / appId to see the errors).
   * @param {string} method @param {string} path e.g. '/labels?limit=5'
   * @param {{body?: unknown, token?: string, appId?: string}} [options]
   * @returns {Promise<{status: number, data: any}>}
   */
  async api(method, path, options = {}) {
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

  state() {
    return this.admin('GET', '/state');
  }
  reset() {
    return this.admin('POST', '/reset');
  }
  /** @param {Record<string, unknown>} patch e.g. {rateLimit: 5, deliveryBackoffMs: 10, challenge: 'echo'} */
  configure(patch) {
    return this.admin('POST', '/config', patch);
  }
  /**
   * Makes one of EVENT_KINDS happen; answers {ok, kind, record, event: {id, payload}, deliveries: [...]}.
   * @param {string} kind @param {Record<string, unknown>} [body]
   */
  event(kind, body = {}) {
    return this.admin('POST', `/events/${kind}`, body);
  }
  /** @param {{subscription?: string, event?: string, status?: string, eventId?: string}} [filter] */
  deliveries(filter = {}) {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.admin('GET', `/deliveries${query.size ? `?${query}` : ''}`);
  }

  /**
   * Polls until `check()` returns a truthy value (returned), or fails after timeoutMs.
   * @template T @param {() => Promise<T>} check @param {{timeoutMs?: number, intervalMs?: number, what?: string}} [options]
   * @returns {Promise<T>}
   */
  async waitFor(check, options = {}) {
    const { timeoutMs = 10_000, intervalMs = 25, what = 'condition' } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`sandbox: timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(intervalMs);
    }
  }

  /**
   * Waits until at least `count` deliveries match the filter (default status: any finished one).
   * @param {{subscription?: string, event?: string, status?: string, eventId?: string, count?: number, timeoutMs?: number}} filter
   */
  waitForDeliveries(filter) {
    const { count = 1, timeoutMs, ...match } = filter;
    return this.waitFor(
      async () => {
        const list = /** @type {any[]} */ (await this.deliveries(match)).filter(
          (d) => match.status || d.status !== 'pending',
        );
        return list.length >= count ? list : undefined;
      },
      { timeoutMs, what: `${count} deliver${count === 1 ? 'y' : 'ies'} matching ${JSON.stringify(match)}` },
    );
  }

  /** Stops a sandbox started by startSandbox (a no-op for connectSandbox). */
  async stop() {
    await this.stopper?.();
  }
}

/**
 * Drives a sandbox already running at baseUrl (asks it for its App ID; the App Token must be given unless default).
 * @param {string} baseUrl @param {{appToken?: string}} [options]
 */
export async function connectSandbox(baseUrl, options = {}) {
  const root = baseUrl.replace(/\/+$/, '');
  const config = await (await fetch(`${root}/__admin/config`)).json();
  return new SandboxClient({
    baseUrl: root,
    apiRoot: `${root}/v1/api/apps/${encodeURIComponent(config.appId)}`,
    adminUrl: `${root}/__admin`,
    appId: config.appId,
    appToken: options.appToken ?? config.appToken,
    port: Number(new URL(root).port),
  });
}

/**
 * Starts `node sandbox/server.mjs --port 0 --stdin-lifeline [args…]` and resolves once it prints its JSON line.
 * The child exits when this process's end of its stdin closes (so a crashed parent leaves no sandbox behind).
 * @param {{port?: number, args?: string[], env?: Record<string, string>, timeoutMs?: number, onLog?: (line: string) => void}} [options]
 * @returns {Promise<SandboxClient & {process: import('node:child_process').ChildProcess, logs: string[]}>}
 */
export function startSandbox(options = {}) {
  const { port = 0, args = [], env = {}, timeoutMs = 10_000, onLog } = options;
  const child = spawn(process.execPath, [SERVER, '--port', String(port), '--stdin-lifeline', ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  /** @type {string[]} the last log lines (stderr), for error messages */
  const logs = [];
  let stderrBuffer = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderrBuffer += chunk;
    const lines = stderrBuffer.split('\n');
    stderrBuffer = lines.pop() ?? '';
    for (const line of lines) {
      logs.push(line);
      if (logs.length > 200) logs.shift();
      onLog?.(line);
    }
  });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
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
    const fail = (/** @type {string} */ why) => {
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
    void exited.then((/** @type {any} */ how) => fail(`it exited (code ${how.code}, signal ${how.signal})`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (stdout.includes('\n')) return;
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      let info;
      try {
        info = JSON.parse(stdout.slice(0, newline));
      } catch {
        fail(`unexpected start-up line ${JSON.stringify(stdout.slice(0, newline))}`);
        return;
      }
      const client = Object.assign(new SandboxClient(info, stop), { process: child, logs });
      resolve(client);
    });
  });
}
