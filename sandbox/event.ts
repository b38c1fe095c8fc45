#!/usr/bin/env node
// `npm run sandbox:event -- <kind> [json] [--base-url URL] [--timeout-ms MS]`: makes one of the events
// happen in a running sandbox (`npm run sandbox`), without the app, waits until each delivery has an
// outcome and prints it (per URL: delivered or failed, the HTTP status, the attempts).
//   npm run sandbox:event -- enquiry.missed
//   npm run sandbox:event -- label.created '{"name":"Gold","colorCode":"#FFB300"}'
// The sandbox is found by itself (address.ts): --base-url, else CINNOX_SANDBOX_URL, else the address the
// running sandbox left, else http://127.0.0.1:4010. The kinds are those of sandbox/event-kinds.ts.
import process from 'node:process';
import { findSandbox, notRunningHint } from './address.ts';
import { connectSandbox, type DeliveryView } from './control.ts';
import { EVENT_KINDS, isEventKind, nearestKind } from './event-kinds.ts';

const args = process.argv.slice(2);
const optionOf = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const given = optionOf('--base-url');
const found = given ? { baseUrl: given, from: '--base-url' } : findSandbox();
const timeoutMs = Number(optionOf('--timeout-ms') ?? 60_000);
const [kind, json] = args;
if (!kind || !isEventKind(kind)) {
  if (kind) {
    const near = nearestKind(kind);
    process.stderr.write(
      `sandbox:event: ${JSON.stringify(kind.slice(0, 60))} is not a kind of event the sandbox knows${near ? `: did you mean ${near}?` : ''}\n`,
    );
  }
  process.stderr.write(
    `usage: npm run sandbox:event -- <kind> [json body] [--base-url URL] [--timeout-ms MS]\nkinds: ${EVENT_KINDS.join(', ')}\n`,
  );
  process.exit(2);
}
let body: Record<string, unknown> = {};
try {
  body = json ? (JSON.parse(json) as Record<string, unknown>) : {};
} catch {
  process.stderr.write(`sandbox:event: the body is not JSON: ${json}\n`);
  process.exit(2);
}

/** One delivery's outcome: "label-event-sub → URL: delivered (HTTP 200, attempt 1 of 5)". */
function outcome(d: DeliveryView): string {
  const last = d.attempts.at(-1);
  const http = last?.status ? `HTTP ${last.status}` : (last?.error ?? 'no answer');
  const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
  if (d.status === 'pending') return `${d.subscription} → ${d.url}: still pending after ${timeoutMs} ms (${tries})`;
  return `${d.subscription} → ${d.url}: ${d.status} (${http}; ${tries})`;
}

let sandbox: Awaited<ReturnType<typeof connectSandbox>>;
try {
  sandbox = await connectSandbox(found.baseUrl);
} catch (error) {
  process.stderr.write(`sandbox:event: ${notRunningHint(found)} (${(error as Error).message})\n`);
  process.exit(1);
}
try {
  const answer = await sandbox.event(kind, body);
  process.stdout.write(`${kind}: event ${answer.event?.id} in the sandbox at ${sandbox.baseUrl}\n`);
  process.stdout.write(`${JSON.stringify(answer.event?.payload)}\n`);
  const ids = new Set((answer.deliveries ?? []).map((d) => d.id));
  if (ids.size === 0) {
    process.stdout.write('no subscription is enabled for it: nothing delivered\n');
    process.exit(0);
  }
  let finished: DeliveryView[] = [];
  try {
    finished = await sandbox.waitFor(
      async () => {
        const mine = (await sandbox.deliveries({ eventId: answer.event?.id })).filter((d) => ids.has(d.id));
        return mine.every((d) => d.status !== 'pending') ? mine : undefined;
      },
      { timeoutMs, intervalMs: 100, what: 'the deliveries' },
    );
  } catch {
    finished = (await sandbox.deliveries({ eventId: answer.event?.id })).filter((d) => ids.has(d.id));
  }
  for (const d of finished) process.stdout.write(`${outcome(d)}\n`);
  process.exit(finished.every((d) => d.status === 'delivered') ? 0 : 1);
} catch (error) {
  process.stderr.write(`sandbox:event: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
