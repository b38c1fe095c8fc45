#!/usr/bin/env node
// `npm run sandbox:event -- <kind> [json] [--base-url URL]`: makes one of the events happen in a
// running sandbox (`npm run sandbox`), without the app, and prints where it was delivered.
//   npm run sandbox:event -- enquiry.missed
//   npm run sandbox:event -- label.created '{"name":"Gold","colorCode":"#FFB300"}'
// The kinds are those of sandbox/event-kinds.ts.
import process from 'node:process';
import { connectSandbox } from './control.ts';
import { EVENT_KINDS, isEventKind } from './event-kinds.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--base-url');
const baseUrl = at === -1 ? (process.env.CINNOX_SANDBOX_URL ?? 'http://127.0.0.1:4010') : args.splice(at, 2)[1];
const [kind, json] = args;
if (!kind || !isEventKind(kind)) {
  process.stderr.write(
    `usage: npm run sandbox:event -- <kind> [json body] [--base-url URL]\nkinds: ${EVENT_KINDS.join(', ')}\n`,
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
try {
  const sandbox = await connectSandbox(baseUrl as string);
  const answer = await sandbox.event(kind, body);
  const where = answer.deliveries?.length
    ? answer.deliveries.map((d) => `${d.subscription} → ${d.url} (${d.status})`).join('; ')
    : 'no subscription for it: nothing delivered';
  process.stdout.write(`${kind}: event ${answer.event?.id}; ${where}\n${JSON.stringify(answer.event?.payload)}\n`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  // The hint only when nothing answered: an admin error means the sandbox is there and said why.
  const unreachable = /fetch failed|ECONNREFUSED|ENOTFOUND/i.test(`${message} ${cause?.code ?? ''}`);
  process.stderr.write(
    `sandbox:event: ${message}${unreachable ? ` (is \`npm run sandbox\` running at ${baseUrl}?)` : ''}\n`,
  );
  process.exit(1);
}
