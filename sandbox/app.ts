// The sandbox HTTP server (`createSandbox`): one seeded account (state.ts) with its webhooks (webhooks.ts) and
// faults (faults.ts), served as CINNOX's Open API under `/v1/api/apps/{appID}` (api-routes.ts) and the admin API
// under `/__admin` (admin.ts), both changing the account through account.ts; `listen` and `close` for server.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccount, type Shared } from './account.ts';
import { ADMIN_PREFIX, createAdmin } from './admin.ts';
import { API_PREFIX, createApi } from './api-routes.ts';
import type { SandboxConfig } from './config.ts';
import { Faults } from './faults.ts';
import { send } from './http.ts';
import { createState } from './state.ts';
import { CODES } from './validate.ts';
import { createWebhooks } from './webhooks.ts';

export { ADMIN_PREFIX, API_PREFIX };
export { UNDELIVERABLE_SUFFIX } from './account.ts';

/** The start-up line's fields (without the pid). */
export interface ListenInfo {
  sandbox: 'cinnox';
  baseUrl: string;
  apiRoot: string;
  adminUrl: string;
  appId: string;
  appToken: string;
  port: number;
}

export function createSandbox(config: SandboxConfig, options: { log?: (line: string) => void } = {}) {
  const log: (line: string) => void = config.quiet
    ? () => {}
    : (options.log ?? ((line) => process.stderr.write(`[sandbox] ${line}\n`)));
  const state = createState({ serviceId: config.serviceId, appId: config.appId });
  const hooks = createWebhooks(state, config, log);
  /** Faults on demand (sandbox/faults.ts), from --fault and the admin API; the answers they hold back. */
  const faults = new Faults(config.faults);
  const holding = new Set<http.ServerResponse>();
  /** Per App ID: request times inside the current rate-limit window. */
  const rateLog = new Map<string, number[]>();
  const shared: Shared = { config, state, hooks, log };
  const account = createAccount(shared);
  const { world } = account;
  const handleApi = createApi({ ...shared, ...account, faults, holding, rateLog });
  const handleAdmin = createAdmin({ ...shared, ...account, faults, rateLog });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const handled = url.pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, url)
      : url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)
        ? handleAdmin(req, res, url)
        : Promise.resolve(
            url.pathname === '/'
              ? send(res, 200, { sandbox: 'cinnox', apiRoot: `${API_PREFIX}${config.appId}`, admin: ADMIN_PREFIX })
              : send(res, 404, {
                  code: CODES.methodNotFound,
                  message: `method not found, method: ${req.method} url: ${url.pathname}`,
                }),
          );
    handled.catch((error: unknown) => {
      log(`unhandled: ${(error as Error | undefined)?.stack ?? error}`);
      if (!res.headersSent)
        send(res, 500, { code: CODES.badServiceResponse, message: 'Bad response from the service' });
    });
  });

  return {
    server,
    state,
    config,
    world,
    listen(port: number = config.port, host: string = config.host): Promise<ListenInfo> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
          const baseUrl = `http://${shown}:${address.port}`;
          resolve({
            sandbox: 'cinnox',
            baseUrl,
            apiRoot: `${baseUrl}${API_PREFIX}${encodeURIComponent(config.appId)}`,
            adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
            appId: config.appId,
            appToken: config.appToken,
            port: address.port,
          });
        });
      });
    },
    /** Stops retries and the server (open connections are closed). */
    close(): Promise<void> {
      hooks.cancelAll();
      for (const held of holding) held.socket?.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}
