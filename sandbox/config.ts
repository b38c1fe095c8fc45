// Sandbox settings: defaults, command-line flags and SANDBOX_* environment variables (flags win).
import { parseArgs } from 'node:util';
import { ADDRESS_FILE } from './address.ts';
import { ANSWER_PRESETS, FaultError, parseFault, type Fault } from './faults.ts';

export interface SandboxConfig {
  /** interface to listen on */
  host: string;
  /** 0 = a free port chosen by the OS */
  port: number;
  /** the one App ID the sandbox accepts in the path */
  appId: string;
  /** the one App Token it accepts as `Authorization: Bearer …` */
  appToken: string;
  /** the CINNOX service ID in records and events */
  serviceId: string;
  /** requests allowed per App ID per window (CINNOX: 500 a minute) */
  rateLimit: number;
  /** the rate-limit window */
  rateWindowMs: number;
  /** webhook attempts before a delivery is given up */
  deliveryAttempts: number;
  /** wait before the 2nd attempt; doubles each time */
  deliveryBackoffMs: number;
  /** per-attempt timeout (also for the URL verification) */
  deliveryTimeoutMs: number;
  /** URL verification passes on any 2xx (A14) or only on the echoed challenge */
  challenge: 'any2xx' | 'echo';
  /** assumptions the sandbox breaks on purpose, to show the contract check's verdicts change (BREAKS) */
  breaks: Break[];
  /**
   * faults on demand at start (--fault, sandbox/faults.ts): a route that hangs, resets, stalls, answers late, or gives
   * a canned answer
   */
  faults: Fault[];
  /** no log lines on stderr */
  quiet: boolean;
  /** exit when stdin closes (set by control.ts so a dead parent leaves no sandbox) */
  stdinLifeline: boolean;
  /** where to leave the address for sandbox:event / sandbox:watch ('' = nowhere; address.ts) */
  addressFile: string;
}

/**
 * Ways the sandbox can break one of the app's CINNOX assumptions on purpose (`--break NAME`, repeatable or
 * comma-separated), so `npm run check:account` against it shows the matching verdict change.
 */
export const BREAKS = {
  'bare-list-envelope': 'A15/A16: lists answer a bare JSON array, without {code, result}',
  'unknown-list-envelope': 'A15: lists answer {code: 0, items: [...]}, a key the app does not read',
  'name-filter-ignored': 'A7: the external contact list ignores fullName and answers every contact',
  'id-filter-ignored': 'A8: the external contact list ignores id and answers every contact',
  'no-event-hook-list': 'A13: GET /event-hooks is unknown (6450001 method not found)',
  'report-window-rejected': 'A6: enquiry and SMS details refuse startAt / endAt (6451000 invalid query)',
  'call-filter-ignored': 'A20: the call log ignores callID and answers the newest calls',
  'reports-oldest-first': 'A30: Enquiry Details, SMS Details and the call log list a window oldest first',
} as const;
export type Break = keyof typeof BREAKS;
const isBreak = (name: string): name is Break => Object.hasOwn(BREAKS, name);

export const DEFAULTS: Readonly<SandboxConfig> = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  appId: 'sandbox-app',
  appToken: 'sandbox-token',
  serviceId: 'sandbox-service',
  rateLimit: 500,
  rateWindowMs: 60_000,
  deliveryAttempts: 5,
  deliveryBackoffMs: 1000,
  deliveryTimeoutMs: 5000,
  challenge: 'any2xx',
  breaks: [],
  faults: [],
  quiet: false,
  stdinLifeline: false,
  addressFile: '',
});

type Kind = 'string' | 'id' | 'port' | 'int0' | 'int1' | 'challenge';
/** flag name → [config key, env var, kind] */
const OPTIONS: Record<string, [keyof SandboxConfig, string, Kind]> = {
  host: ['host', 'SANDBOX_HOST', 'string'],
  port: ['port', 'SANDBOX_PORT', 'port'],
  'app-id': ['appId', 'SANDBOX_APP_ID', 'id'],
  'app-token': ['appToken', 'SANDBOX_APP_TOKEN', 'string'],
  'service-id': ['serviceId', 'SANDBOX_SERVICE_ID', 'string'],
  'rate-limit': ['rateLimit', 'SANDBOX_RATE_LIMIT', 'int1'],
  'rate-window-ms': ['rateWindowMs', 'SANDBOX_RATE_WINDOW_MS', 'int1'],
  'delivery-attempts': ['deliveryAttempts', 'SANDBOX_DELIVERY_ATTEMPTS', 'int1'],
  'delivery-backoff-ms': ['deliveryBackoffMs', 'SANDBOX_DELIVERY_BACKOFF_MS', 'int0'],
  'delivery-timeout-ms': ['deliveryTimeoutMs', 'SANDBOX_DELIVERY_TIMEOUT_MS', 'int1'],
  challenge: ['challenge', 'SANDBOX_CHALLENGE', 'challenge'],
};

export const USAGE = `Usage: node sandbox/server.ts [options]

A local CINNOX Open API for the Zapier app: prints one JSON line (baseUrl, appId, appToken, …) on stdout.

  --port N                 port (default ${DEFAULTS.port}; 0 = any free port)      SANDBOX_PORT
  --host H                 interface (default ${DEFAULTS.host})                   SANDBOX_HOST
  --app-id ID              App ID (default ${DEFAULTS.appId})                      SANDBOX_APP_ID
  --app-token T            App Token (default ${DEFAULTS.appToken})                SANDBOX_APP_TOKEN
  --service-id S           service ID in records and events                 SANDBOX_SERVICE_ID
  --rate-limit N           requests per window per App ID (default ${DEFAULTS.rateLimit})     SANDBOX_RATE_LIMIT
  --rate-window-ms MS      rate-limit window (default ${DEFAULTS.rateWindowMs})             SANDBOX_RATE_WINDOW_MS
  --delivery-attempts N    webhook attempts before giving up (default ${DEFAULTS.deliveryAttempts})  SANDBOX_DELIVERY_ATTEMPTS
  --delivery-backoff-ms MS wait before the 2nd attempt, doubling (default ${DEFAULTS.deliveryBackoffMs}) SANDBOX_DELIVERY_BACKOFF_MS
  --delivery-timeout-ms MS per-attempt timeout (default ${DEFAULTS.deliveryTimeoutMs})          SANDBOX_DELIVERY_TIMEOUT_MS
  --challenge any2xx|echo  URL verification rule (default ${DEFAULTS.challenge})          SANDBOX_CHALLENGE
  --break NAME[,NAME]      break an assumption on purpose (repeatable)       SANDBOX_BREAK
${Object.entries(BREAKS)
  .map(([name, what]) => `                             ${name}: ${what}`)
  .join('\n')}
  --fault 'METHOD PATH=MODE[:ARG][*N]'  misbehave on a route (repeatable): hang, reset, stall,
                           delay:MS, or a canned answer: answer:PRESET or answer:STATUS[:CODE[:REASON]];
                           *N for the next N requests only, e.g. --fault 'POST /sms=reset',
                           --fault 'POST /sms=answer:all-rejected', --fault 'POST /sms=answer:400:7210101:bad request'
${Object.entries(ANSWER_PRESETS)
  .map(
    ([name, { what, routes }]) =>
      `                             ${name}${routes ? ` (${routes.join(', ')})` : ''}: ${what}`,
  )
  .join('\n')}
  --quiet                  no log lines on stderr
  --stdin-lifeline         exit when stdin closes
  --address-file PATH      leave the start-up line there while running (default
                           node_modules/.cache/cinnox-sandbox.json; none with --stdin-lifeline)  SANDBOX_ADDRESS_FILE
  --help
`;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function coerce(name: string, kind: Kind, raw: unknown): string | number {
  const text = String(raw).trim();
  if (kind === 'string') {
    if (!text) throw new ConfigError(`${name} must not be empty`);
    return text;
  }
  if (kind === 'id') {
    if (!text || /[\s/?#]/.test(text))
      throw new ConfigError(`${name} must be non-empty, without spaces, "/", "?" or "#"`);
    return text;
  }
  if (kind === 'challenge') {
    if (text !== 'any2xx' && text !== 'echo') throw new ConfigError(`${name} must be any2xx or echo, not "${text}"`);
    return text;
  }
  if (!/^\d+$/.test(text)) throw new ConfigError(`${name} must be a whole number, not "${text}"`);
  const n = Number(text);
  if (kind === 'int1' && n < 1) throw new ConfigError(`${name} must be at least 1`);
  if (kind === 'port' && n > 65535) throw new ConfigError(`${name} must be at most 65535`);
  return n;
}

/** Settings changed at run time through POST /__admin/config (same keys as SandboxConfig). */
export function patchConfig(config: SandboxConfig, patch: Record<string, unknown>): SandboxConfig {
  const mutable: string[] = [
    'rateLimit',
    'rateWindowMs',
    'deliveryAttempts',
    'deliveryBackoffMs',
    'deliveryTimeoutMs',
    'challenge',
  ];
  for (const [key, value] of Object.entries(patch)) {
    if (!mutable.includes(key))
      throw new ConfigError(`${key} cannot be changed at run time (changeable: ${mutable.join(', ')})`);
    const entry = Object.entries(OPTIONS).find(([, [k]]) => k === key);
    if (!entry) throw new ConfigError(`unknown setting ${key}`);
    (config as unknown as Record<string, unknown>)[key] = coerce(key, entry[1][2], value);
  }
  return config;
}

/** `argv`: the arguments after the script name. */
export function parseConfig(
  argv: string[],
  env: Record<string, string | undefined>,
): { config: SandboxConfig; help: boolean } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    quiet: { type: 'boolean' },
    break: { type: 'string', multiple: true },
    fault: { type: 'string', multiple: true },
    'stdin-lifeline': { type: 'boolean' },
    'address-file': { type: 'string' },
    help: { type: 'boolean' },
  };
  for (const flag of Object.keys(OPTIONS)) options[flag] = { type: 'string' };
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const config: Record<string, unknown> = { ...DEFAULTS };
  for (const [flag, [key, envName, kind]] of Object.entries(OPTIONS)) {
    const raw = (values[flag] as string | undefined) ?? env[envName];
    if (raw !== undefined && raw !== '')
      config[key] = coerce(values[flag] !== undefined ? `--${flag}` : envName, kind, raw);
  }
  config.breaks = parseBreaks((values.break as string[] | undefined) ?? (env.SANDBOX_BREAK ? [env.SANDBOX_BREAK] : []));
  try {
    config.faults = ((values.fault as string[] | undefined) ?? []).map(parseFault);
  } catch (error) {
    if (error instanceof FaultError) throw new ConfigError(error.message);
    throw error;
  }
  config.quiet = Boolean(values.quiet);
  config.stdinLifeline = Boolean(values['stdin-lifeline']);
  // `npm run sandbox` leaves its address for sandbox:event and sandbox:watch; a script's sandbox does not.
  const addressFile = values['address-file'] ?? (config.stdinLifeline ? undefined : env.SANDBOX_ADDRESS_FILE);
  config.addressFile = typeof addressFile === 'string' ? addressFile : config.stdinLifeline ? '' : ADDRESS_FILE;
  return { config: config as unknown as SandboxConfig, help: Boolean(values.help) };
}

/** `--break a,b --break c` → the named breaks, each known (a ConfigError names the unknown one and the known ones). */
export function parseBreaks(raw: readonly string[]): Break[] {
  const names = raw
    .flatMap((r) => r.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
  for (const name of names)
    if (!isBreak(name)) throw new ConfigError(`--break ${name} is unknown; known: ${Object.keys(BREAKS).join(', ')}`);
  return [...new Set(names)] as Break[];
}
