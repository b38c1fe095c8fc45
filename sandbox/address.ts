// Where a running sandbox leaves its address, so `npm run sandbox:event` and `npm run sandbox:watch` find it
// by themselves (also when it was started with `--port 0`).
//
// `npm run sandbox` writes its start-up line to ADDRESS_FILE (node_modules/.cache/cinnox-sandbox.json, which
// git ignores) once it listens, and removes it when it stops. A sandbox started by a script
// (`--stdin-lifeline`, as control.ts does) writes none unless given `--address-file`. The commands look at
// CINNOX_SANDBOX_URL first, then at the file (SANDBOX_ADDRESS_FILE names another), then at the default port.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const ADDRESS_FILE = fileURLToPath(new URL('../node_modules/.cache/cinnox-sandbox.json', import.meta.url));
export const DEFAULT_URL = 'http://127.0.0.1:4010';

/** What the file holds: the sandbox's start-up line (baseUrl, appId, appToken, port, pid, …). */
interface Recorded {
  baseUrl: string;
  pid?: number;
}

export function writeAddress(file: string, info: Recorded): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(info)}\n`);
}

/** Removes the file if it still names this process (another sandbox may have started since). */
export function removeAddress(file: string, pid: number = process.pid): void {
  try {
    if ((JSON.parse(readFileSync(file, 'utf8')) as Recorded).pid === pid) rmSync(file, { force: true });
  } catch {
    // gone already, or not ours to remove
  }
}

/** The sandbox to talk to, and how it was found (said in errors). */
export function findSandbox(env: Record<string, string | undefined> = process.env): { baseUrl: string; from: string } {
  if (env.CINNOX_SANDBOX_URL) return { baseUrl: env.CINNOX_SANDBOX_URL, from: 'CINNOX_SANDBOX_URL' };
  const file = env.SANDBOX_ADDRESS_FILE || ADDRESS_FILE;
  try {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
    if (recorded.baseUrl) return { baseUrl: recorded.baseUrl, from: `${file} (pid ${recorded.pid})` };
  } catch {
    // no sandbox has left its address
  }
  return { baseUrl: DEFAULT_URL, from: 'the default address (no sandbox left its address)' };
}

/** The hint when nothing answers at the address found. */
export const notRunningHint = (found: { baseUrl: string; from: string }): string =>
  `no sandbox answers at ${found.baseUrl} (from ${found.from}): start one with \`npm run sandbox\`, or set CINNOX_SANDBOX_URL to its address`;
