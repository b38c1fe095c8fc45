#!/usr/bin/env node
// `npm start`: the whole integration end to end on one machine.
//
// Starts the local CINNOX sandbox (sandbox/server.ts), then drives the BUILT app (dist/index.js) through
// zapier-platform-core's app tester, as Zapier would: tests the connection; for each instant
// trigger subscribes a local receiver standing in for Zapier's hook URL, makes the event happen in the
// sandbox, runs perform on what arrives and performList, and unsubscribes; runs every create and search
// and the drop-downs. Each step is shown once, as it finishes: its label as Zap builders see it, its key, its
// result (the first values of the operation's sample keys, and the name and first lines of each file it outputs,
// resolved by its hydrator into a local stand-in for Zapier's file store: scripts/lib/file-store.ts) wrapped to
// the terminal's width (100 columns when not on a terminal). Exit status 0 only when every step passed; Ctrl-C
// stops it quietly with exit status 130.
//
// CINNOX keeps one webhook URL per subscription (contact, enquiry, SMS, label) per App ID, and the app
// refuses to subscribe over another Zap's URL: so the triggers of one group take turns, and one step
// shows that refusal. The event that fires each hook trigger, and its group, come from the sandbox's one
// table, sandbox/event-kinds.ts: a hook trigger of the app without a row there fails its step.
//
// With CINNOX_BASE_URL, CINNOX_APP_ID or CINNOX_APP_TOKEN set, it runs the contract check against that account
// instead (scripts/contract-check.ts: read-only, GET requests only).
//
// Options: --json (a JSON array of the steps on stdout, lines on stderr), --app PATH (default dist/index.js),
// --app-token TOKEN (connect with this token instead of the sandbox's: every step then fails).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as ZapierCore from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import { startSandbox, type StartedSandbox } from '../sandbox/control.ts';
import { eventOfTrigger, type EventGroup } from '../sandbox/event-kinds.ts';
import { startFileStore } from './lib/file-store.ts';
import { startReceiver, type Receiver } from './lib/receiver.ts';
import { accountVariables, runContractCheck } from './contract-check.ts';
import { loadExamples, type Operation, type Perform } from './lib/built-app.ts';

// With any of CINNOX_BASE_URL, CINNOX_APP_ID, CINNOX_APP_TOKEN set: the contract check against that account
// instead (scripts/contract-check.ts; exit 2 when one or two are missing).
if (accountVariables(process.env).set.length > 0) process.exit(await runContractCheck(process.argv.slice(2)));

/** What the tour uses of the built app (loaded with require: its path is an option). */
/** The operations of one kind: any key, and those the tour runs by name. */
type Operations<Named extends string> = Record<string, { operation: Operation; display?: Display } | undefined> &
  Record<Named, { operation: Operation; display?: Display }>;
interface Display {
  label: string;
  hidden?: boolean;
}
interface BuiltApp {
  authentication: { test: Perform; connectionLabel: Perform };
  hydrators: Record<string, Perform | undefined>;
  triggers: Operations<never>;
  creates: Operations<never>;
  searches: Operations<never>;
}
/** An item an operation returns: the tour reads the keys it shows. */
type Item = Record<string, unknown>;
type AuthData = Record<string, string>;
/** The bundle fields the tour sets. */
interface TourBundle {
  authData: AuthData;
  inputData?: Record<string, unknown>;
  meta?: { page: number };
  targetUrl?: string;
  subscribeData?: unknown;
  cleanedRequest?: unknown;
  rawRequest?: { content: string };
}

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const asJson = argv.includes('--json');
const appPath = resolve(option('--app') ?? join(root, 'dist/index.js'));
const out = asJson ? process.stderr : process.stdout;
/** The terminal's width on a TTY, 100 columns otherwise (a log, a pipe, CI). */
const WIDTH = Math.max(60, (out.isTTY && out.columns) || 100);
const say = (line: string) => out.write(`${line}\n`);

/** `text` in lines of at most `width` columns after `indent` (words kept whole unless longer than a line). */
function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > room) {
        if (line) lines.push(line);
        line = '';
        lines.push(word.slice(0, room));
        word = word.slice(room);
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => `${indent}${l}`.trimEnd());
}
const sayWrapped = (text: string, indent = '') => {
  for (const line of wrap(text, WIDTH, indent)) say(line);
};

process.env.NODE_ENV ??= 'test'; // zapier-platform-core logs memory after every run outside tests
// Zapier's file store, for the steps that output a file (z.stashFile): core reads its address when it loads.
const fileStore = await startFileStore();
process.env.ZAPIER_BASE_ENDPOINT = fileStore.base;
process.env.ZAPIER_DEPLOY_KEY = 'tour-file-store';
const require = createRequire(import.meta.url);
const zapier = require('zapier-platform-core') as typeof ZapierCore;
const app = require(appPath) as BuiltApp;
/** The operations' example inputs (src/examples.ts, built as dist/examples.js; --examples PATH for another). */
const examples = loadExamples(resolve(option('--examples') ?? join(root, 'dist/examples.js')));
const appTester = zapier.createAppTester(app);
/** Runs one of the app's functions as Zapier would; `T` is what the tour expects back. */
const run = async <T = Item[]>(fn: Perform | undefined, bundle: TourBundle): Promise<T> =>
  (await appTester(fn as Perform, bundle as Partial<Bundle>)) as T;

/** What the tour did: the key as `npm start --json` gives it, the label Zap builders see, the outcome. */
interface Step {
  operation: string;
  label: string;
  ok: boolean;
  result: string;
  ms: number;
}
const steps: Step[] = [];
const KINDS: Record<string, keyof BuiltApp> = {
  trigger: 'triggers',
  'drop-down': 'triggers',
  create: 'creates',
  search: 'searches',
};
/**
 * The label Zap builders see for a step named `{kind} {key}[ {detail}]` (e.g. "search {key} (Virtual)"
 * → "Get Number List (Virtual)"), read from the app; other steps are their own label.
 */
function labelOf(operation: string): string {
  const [, kind, key, detail] = /^(trigger|drop-down|create|search) (\w+)(?: (.+))?$/.exec(operation) ?? [];
  const collection = kind ? (app[KINDS[kind]!] as Operations<never>) : undefined;
  const label = key ? collection?.[key]?.display?.label : undefined;
  return label ? `${label}${detail ? ` ${detail}` : ''}` : operation;
}
/** A finished step, once: "  ok    {label}  ·  {operation}  {ms}", then its result, wrapped and indented. */
function show(s: Step): void {
  const time = `${s.ms.toFixed(0)} ms`;
  const indent = '        ';
  const title = `${s.label}${s.label === s.operation ? '' : `  ·  ${s.operation}`}`;
  const lines = wrap(title, WIDTH - indent.length - time.length - 2);
  lines.forEach((line, i) => {
    const text = `${i === 0 ? `  ${s.ok ? 'ok  ' : 'FAIL'}  ` : indent}${line}`;
    say(i === lines.length - 1 ? `${text.padEnd(WIDTH - time.length)}${time}` : text);
  });
  if (s.result) sayWrapped(s.result, indent);
}
/** The message of an error as a Zap builder reads it (a Zapier AppError carries it as JSON). */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message?: string }).message ?? message;
  } catch {
    return message; // not a Zapier AppError
  }
}
async function step(operation: string, fn: () => Promise<unknown>): Promise<boolean> {
  const started = performance.now();
  let ok = true;
  let result: string;
  try {
    result = String((await fn()) ?? '');
  } catch (error) {
    ok = false;
    result = messageOf(error).slice(0, 600);
    await sleep(100); // a Ctrl-C that also reached a server it talks to: let the signal handler run first
  }
  // After Ctrl-C the sandbox is going away: what fails meanwhile is no result, and is not shown.
  if (stopping) return false;
  const s: Step = { operation, label: labelOf(operation), ok, result, ms: performance.now() - started };
  steps.push(s);
  show(s);
  return ok;
}
const expect = (condition: unknown, message: string): void => {
  if (!condition) throw new Error(message);
};
const pick = (item: Item | undefined, keys: string[]): string =>
  keys.map((k) => `${k}=${item?.[k] === '' || item?.[k] === undefined ? '∅' : item[k]}`).join(' ');

/**
 * The output keys a step's result shows: the first three plain values of the operation's sample (the order its
 * output fields have), not its `id`. A new operation needs no entry here.
 */
const shownKeys = (sample: Item | undefined): string[] =>
  Object.entries(sample ?? {})
    .filter(([key, value]) => key !== 'id' && ['string', 'number', 'boolean'].includes(typeof value))
    .slice(0, 3)
    .map(([key]) => key);
/**
 * Each file the item outputs (its `file` output fields), as a later step would receive it: the pointer resolved by
 * its hydrator, which stashes the file with the tour's file store; the file's name and first lines.
 */
async function filesShown(op: Operation, item: Item | undefined, authData: AuthData): Promise<string> {
  const shown: string[] = [];
  for (const { key } of (op.outputFields ?? []).filter((f) => f.type === 'file' && !f.key.includes('__'))) {
    const pointer = /^hydrate\|\|\|(.*)\|\|\|hydrate$/.exec(String(item?.[key] ?? ''));
    if (!pointer) continue;
    const { method, bundle } = JSON.parse(pointer[1]!) as { method: string; bundle: Record<string, unknown> };
    const hydrator = app.hydrators[method.replace(/^hydrators\./, '')];
    expect(hydrator, `${key} points at ${method}, which the app does not register`);
    const url = await run<string>(hydrator, { authData, inputData: bundle });
    const file = fileStore.fileAt(url);
    expect(file, `${key}: its hydrator gave ${String(url)}, no file`);
    shown.push(`${key} ${file!.name}: "${file!.text.split('\n').slice(0, FILE_LINES_SHOWN).join(' / ')}"`);
  }
  return shown.map((s) => `; ${s}`).join('');
}
/** How many of a file's first lines a step shows. */
const FILE_LINES_SHOWN = 3;

const hookTriggers = Object.entries(app.triggers).filter(
  (entry): entry is [string, { operation: Operation }] => entry[1]!.operation.type === 'hook',
);

let sandbox: StartedSandbox | undefined;
let receiver: Receiver | undefined;
let stopping = false;
async function cleanUp(): Promise<void> {
  await fileStore.close().catch(() => {});
  await receiver?.close().catch(() => {});
  await sandbox?.stop().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the sandbox.`);
    setTimeout(() => process.exit(130), 5000).unref(); // never hang on the way out
    void cleanUp().then(() => process.exit(130));
  });
}

/** The sandbox and the receiver, once started (the trigger and action steps run only then). */
function started(): { sandbox: StartedSandbox; receiver: Receiver } {
  if (!sandbox || !receiver) throw new Error('the sandbox is not running');
  return { sandbox, receiver };
}

async function runTriggers(authData: AuthData): Promise<void> {
  const { sandbox, receiver } = started();
  const groupOf = (key: string): EventGroup | undefined => eventOfTrigger(key)?.entry.group;
  // The one-URL rule, as a second Zap on the same connection and event group would meet it.
  await step('one URL per subscription: a second Zap is refused', async () => {
    const [firstKey, first] = hookTriggers.find(([k]) => groupOf(k) === 'label') ?? [];
    const [, second] = hookTriggers.find(([k]) => groupOf(k) === 'label' && k !== firstKey) ?? [];
    if (!first || !second) throw new Error('the app has fewer than two label triggers in sandbox/event-kinds.ts');
    const subscribeData = await run<unknown>(first.operation.performSubscribe, {
      authData,
      targetUrl: `${receiver.base}/hooks/zap-a`,
    });
    let refused: unknown;
    try {
      await run(second.operation.performSubscribe, { authData, targetUrl: `${receiver.base}/hooks/zap-b` });
    } catch (error) {
      refused = error;
    }
    await run(first.operation.performUnsubscribe, {
      authData,
      subscribeData,
      targetUrl: `${receiver.base}/hooks/zap-a`,
    });
    expect(refused, 'the second subscription on label-event-sub was accepted');
    const why = messageOf(refused);
    expect(
      /another Zap already receives/.test(why) && /Add Zapier Account/.test(why),
      `refused for another reason: ${why.slice(0, 200)}`,
    );
    return `refused; the Zap builder reads: "${why}"`;
  });

  for (const [key, trigger] of hookTriggers) {
    const op = trigger.operation;
    const path = `/hooks/${key}`;
    const targetUrl = `${receiver.base}${path}`;
    await step(`trigger ${key}`, async () => {
      const event = eventOfTrigger(key);
      if (!event)
        throw new Error(
          `no sandbox event fires the hook trigger ${key}: add its row (trigger: '${key}') to sandbox/event-kinds.ts`,
        );
      const subscribeData = await run<unknown>(op.performSubscribe, { authData, targetUrl });
      try {
        const before = receiver.received.get(path)?.length ?? 0;
        await sandbox.event(event.kind);
        const deliveries = await sandbox.waitFor(
          async () => {
            const list = receiver.received.get(path) ?? [];
            const events = list.slice(before).filter((b) => !('challenge' in b && Object.keys(b).length <= 2));
            return events.length > 0 ? events : undefined;
          },
          { what: `the ${event.kind} delivery`, timeoutMs: 10_000 },
        );
        let items: Item[] = [];
        for (const body of deliveries) {
          items = items.concat(
            await run(op.perform, {
              authData,
              cleanedRequest: body,
              rawRequest: { content: JSON.stringify(body) },
            }),
          );
        }
        expect(items.length > 0, `perform returned no item for the ${event.kind} delivery`);
        const listed = await run(op.performList, { authData });
        expect(Array.isArray(listed) && listed.length > 0, 'performList returned nothing');
        // A delivery's unmodelled keys (`delivery__…`, src/hooks/factory.ts) exist only in a delivery.
        const missing = Object.keys(items[0]!).filter((k) => !k.startsWith('delivery__') && !(k in listed[0]!));
        expect(missing.length === 0, `performList items lack ${missing.join(', ')}`);
        const files = await filesShown(op, items[0], authData);
        return `${pick(items[0], shownKeys(op.sample))}; performList ${listed.length}${files}`;
      } finally {
        await run(op.performUnsubscribe, { authData, subscribeData, targetUrl });
      }
    });
  }
}

/**
 * Every drop-down, create and search of the app (`scheduled` false), or every scheduled trigger (true: after the
 * events, whose records they list), in the definition's order, with its example input (src/examples.ts, built as
 * dist/examples.js): an operation added with its example is toured without a change here. The result shows the
 * first values of the operation's sample keys.
 */
async function runExamples(authData: AuthData, scheduled: boolean): Promise<void> {
  for (const kind of ['triggers', 'creates', 'searches'] as const) {
    for (const [key, op] of Object.entries(app[kind] as Operations<never>)) {
      if (!op || op.operation.type === 'hook') continue;
      // A visible trigger that is no hook is a scheduled trigger on a report; hidden ones feed drop-downs.
      const isScheduled = kind === 'triggers' && !op.display?.hidden;
      if (isScheduled !== scheduled) continue;
      const name = `${isScheduled ? 'trigger' : kind === 'triggers' ? 'drop-down' : kind === 'creates' ? 'create' : 'search'} ${key}`;
      await step(name, async () => {
        const example = examples[kind][key];
        if (!example) throw new Error(`${key} has no example input: export one beside it (src/examples.ts)`);
        const result = await run<Item | Item[]>(op.operation.perform, {
          authData,
          inputData: example.inputData,
          ...(kind === 'triggers' ? { meta: { page: 0 } } : {}),
        });
        const items = Array.isArray(result) ? result : [result];
        expect(items.length > 0, `${key} returned nothing for its example input`);
        const count = `${items.length} result${items.length === 1 ? '' : 's'}; first: `;
        const files = await filesShown(op.operation, items[0], authData);
        return `${Array.isArray(result) ? count : ''}${pick(items[0], shownKeys(op.operation.sample))}${files}`;
      });
    }
  }
}

function printSummary(): void {
  const failed = steps.filter((s) => !s.ok);
  say('');
  if (failed.length > 0) say(`Failed: ${failed.map((s) => s.operation).join(', ')}`);
  say(`${steps.length - failed.length} passed, ${failed.length} failed`);
}

try {
  sayWrapped("Tests the built app against a local model of CINNOX's documented API and assumptions, not CINNOX.");
  sandbox = await startSandbox({ args: ['--quiet', '--delivery-backoff-ms', '20'], detached: true });
  receiver = await startReceiver();
  const authData: AuthData = {
    ...sandbox.authData,
    ...(option('--app-token') ? { appToken: option('--app-token') } : {}),
  };
  sayWrapped(`Sandbox on ${sandbox.baseUrl} (App ID ${sandbox.appId}); Zapier's hook URLs: ${receiver.base}/hooks/…`);
  sayWrapped(`App: ${appPath}`);
  say('');
  await step('connection test', async () => {
    await run(app.authentication.test, { authData });
    return `label "${await run(app.authentication.connectionLabel, { authData })}"`;
  });
  // The examples first: they name the sandbox's seeded records, which the trigger steps' events may change.
  await runExamples(authData, false);
  await runTriggers(authData);
  await runExamples(authData, true);
} catch (error) {
  if (!stopping) {
    const s: Step = { operation: 'tour', label: 'tour', ok: false, result: messageOf(error), ms: 0 };
    steps.push(s);
    show(s);
  }
} finally {
  await cleanUp();
}
// After Ctrl-C the signal handler stops the sandbox and exits 130: the steps failing meanwhile are no result.
if (stopping) await new Promise(() => {});
printSummary();
if (asJson) process.stdout.write(`${JSON.stringify(steps)}\n`);
process.exit(steps.length > 0 && steps.every((s) => s.ok) ? 0 : 1);
