/**
 * A script run in a fresh Node process (the built app, the bench's modules: what jest's module registry must not
 * share with the test), from the project's root: the JSON of the last line it prints. A failing process throws
 * with its stderr, so a test never reads a half-written answer.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');

export function lastJsonOf<T>(
  script: string,
  { module = false, timeoutMs }: { module?: boolean; timeoutMs: number },
): T {
  const out = spawnSync(process.execPath, [...(module ? ['--input-type=module'] : []), '-e', script], {
    cwd: ROOT,
    env: process.env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (out.status !== 0) throw new Error(`the script exited with ${out.status ?? out.signal}: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as T;
}
