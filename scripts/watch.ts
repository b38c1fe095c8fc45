#!/usr/bin/env node
// `npm run sandbox:watch -- <trigger key> [--app PATH]`: watch one instant trigger by hand, as a Zap would run it.
//
// `zapier-platform invoke` cannot run hook triggers. This subscribes a local receiver (standing in for the
// Zap's hook URL) through the BUILT app's performSubscribe (dist/index.js, via zapier-platform-core's app
// tester) against the running sandbox, prints each item perform makes of what arrives, and on Ctrl-C
// unsubscribes through performUnsubscribe. Make events happen in another terminal with
// `npm run sandbox:event -- <kind>`. The sandbox is found as sandbox:event finds it (sandbox/address.ts:
// CINNOX_SANDBOX_URL, else the address `npm run sandbox` left, else http://127.0.0.1:4010).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';
import type * as ZapierCore from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import { findSandbox, notRunningHint } from '../sandbox/address.ts';
import { connectSandbox } from '../sandbox/control.ts';
import { eventOfTrigger } from '../sandbox/event-kinds.ts';
import { startReceiver, type Item } from './lib/receiver.ts';
import type { Perform } from './lib/built-app.ts';

interface HookTrigger {
  display: { label: string; hidden?: boolean };
  operation: { type?: string; perform: Perform; performSubscribe?: Perform; performUnsubscribe?: Perform };
}

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--app');
const appPath = resolve(at === -1 ? join(root, 'dist/index.js') : args.splice(at, 2)[1]!);
const [key] = args;
const fail = (message: string, status = 1): never => {
  process.stderr.write(`sandbox:watch: ${message}\n`);
  process.exit(status);
};

process.env.NODE_ENV ??= 'test'; // zapier-platform-core logs memory after every run outside tests
const require = createRequire(import.meta.url);
const zapier = require('zapier-platform-core') as typeof ZapierCore;
const app = require(appPath) as { triggers: Record<string, HookTrigger> };
const hooks = Object.keys(app.triggers).filter((k) => app.triggers[k]!.operation.type === 'hook');
const trigger = key ? app.triggers[key] : undefined;
if (!key || !trigger || trigger.operation.type !== 'hook')
  fail(
    `${key ? `"${key}" is not an instant trigger of the app. ` : ''}usage: npm run sandbox:watch -- <trigger key>\n` +
      `instant triggers: ${hooks.join(', ')}`,
    2,
  );
const op = trigger!.operation;
const appTester = zapier.createAppTester(app);
const run = async <T>(fn: Perform | undefined, bundle: Partial<Bundle>): Promise<T> =>
  (await appTester(fn as Perform, bundle)) as T;
/** The message of an error as a Zap builder reads it (a Zapier AppError carries it as JSON). */
const messageOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message?: string }).message ?? message;
  } catch {
    return message;
  }
};

const found = findSandbox();
const sandbox = await connectSandbox(found.baseUrl).catch((error: Error) =>
  fail(`${notRunningHint(found)} (${error.message})`),
);
const authData = sandbox.authData;
const receiver = await startReceiver();
const targetUrl = `${receiver.base}/hooks/${key}`;

let subscribeData: unknown;
try {
  subscribeData = await run<unknown>(op.performSubscribe, { authData, targetUrl } as Partial<Bundle>);
} catch (error) {
  await receiver.close();
  fail(`could not subscribe ${key}: ${messageOf(error)}`);
}
const event = eventOfTrigger(key!);
process.stdout.write(
  `Watching ${trigger!.display.label} (${key}) on the sandbox at ${sandbox.baseUrl}: subscribed ${targetUrl}.\n` +
    (event ? `Make one happen: npm run sandbox:event -- ${event.kind}\n` : '') +
    'Ctrl-C unsubscribes and stops.\n',
);

let queue = Promise.resolve();
receiver.onReceive = (_path, body) => {
  // URL verification challenges are not events (the app drops them too).
  if ('challenge' in body && Object.keys(body).length <= 2) return;
  queue = queue.then(async () => {
    try {
      const bundle = { authData, cleanedRequest: body, rawRequest: { content: JSON.stringify(body) } };
      const items = await run<Item[]>(op.perform, bundle as unknown as Partial<Bundle>);
      if (items.length === 0) process.stdout.write('a delivery arrived; perform made no item of it (another event)\n');
      for (const item of items) process.stdout.write(`item: ${JSON.stringify(item)}\n`);
    } catch (error) {
      process.stdout.write(`a delivery arrived; perform failed: ${messageOf(error)}\n`);
    }
  });
};

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(130), 10_000).unref(); // never hang on the way out
    void (async () => {
      await queue;
      try {
        await run(op.performUnsubscribe, { authData, subscribeData, targetUrl } as Partial<Bundle>);
        process.stdout.write(`\n${signal}: unsubscribed ${key} from the sandbox.\n`);
      } catch (error) {
        process.stdout.write(`\n${signal}: could not unsubscribe ${key}: ${messageOf(error)}\n`);
      }
      await receiver.close();
      process.exit(130);
    })();
  });
}
