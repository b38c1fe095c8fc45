#!/usr/bin/env node
// `npm run check:account` (and `npm start` with CINNOX_BASE_URL, CINNOX_APP_ID and CINNOX_APP_TOKEN set): checks a
// CINNOX account against the app before a release, read-only.
//
// Drives the BUILT app (dist/index.js) through zapier-platform-core's app tester, as Zapier would, with two
// additions the app itself never has: a guard that refuses any request but GET before it is sent, and an
// observer that records each request the app makes (method, path, query) and CINNOX's answer (status, code,
// body). Steps, all from the app definition: the connection test (a failure stops the run there); every
// drop-down trigger; every hook trigger's performList; every hydrator and search with a harmless probe input;
// the Event Hook List, read by a performSubscribe that the guard stops before its PATCH.
//
// Each step is passed, failed, sample (performList fell back to the static sample: never a pass) or skipped
// (with why and how to run it), and lists the named assumptions (A1… in src/cinnox/contract.ts) its requests
// exercised, judged by scripts/lib/contract-judges.ts: holds / does not hold / cannot tell, with the evidence
// (status, code, the answer's shape: keys and types, never values). The run ends with the assumption table
// (what it prints and how: scripts/lib/check-report.ts).
//
// Exit status: 0 when no step failed and no assumption was found not to hold; 1 otherwise, and when the
// connection test fails; 2 when one or two of the three variables are set (or none, for check:account).
// Options: --json (a JSON object on stdout's last line; the lines on stderr), --app PATH (default dist/index.js).
// Optional probes: CINNOX_CHECK_CONTACT_NAME (Find External Contact), CINNOX_CHECK_CASE_NUMBER (Find Enquiry, and
// Get Enquiry Transcript and Enquiry Closed's transcript when that enquiry is closed). Each search, drop-down and
// scheduled trigger says how it probes an account in its example (src/examples.ts `onAccount`).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import type * as ZapierCore from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import { describe, type Exchange } from './lib/cinnox-answer.ts';
import { combine, judge } from './lib/contract-judges.ts';
import { loadExamples, type Operation, type Perform } from './lib/built-app.ts';
import { assumptionTable, printEnd, printStep, printer, type Outcome, type StepReport } from './lib/check-report.ts';
import { startFileStore } from './lib/file-store.ts';

export const ACCOUNT_VARIABLES = ['CINNOX_BASE_URL', 'CINNOX_APP_ID', 'CINNOX_APP_TOKEN'] as const;

/** Which of the three account variables are set (non-empty). */
export function accountVariables(env: Record<string, string | undefined>): { set: string[]; missing: string[] } {
  const set = ACCOUNT_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  return { set, missing: ACCOUNT_VARIABLES.filter((name) => !set.includes(name)) };
}

type Operations = Record<string, { key?: string; display?: { hidden?: boolean }; operation: Operation } | undefined>;
interface BuiltApp {
  authentication: { test: Perform; connectionLabel: Perform };
  beforeRequest?: unknown[];
  afterResponse?: unknown[];
  triggers: Operations;
  searches: Operations;
  hydrators?: Record<string, Perform>;
}
type Item = Record<string, unknown>;

/** Raised by the GET-only guard: the request was never sent. */
class NotSent extends Error {
  override name = 'ContractCheckNotSent';
}

/** A name no contact has, when the account lists none to ask for (A7 then cannot tell). */
const PROBE_NAME = 'Zapier Contract Check Probe';
const PROBE_HOOK_URL = 'https://hooks.zapier.com/hooks/standard/0/contract-check/';

export async function runContractCheck(argv: string[], env = process.env): Promise<number> {
  const asJson = argv.includes('--json');
  const appOption = argv.indexOf('--app');
  const root = resolve(import.meta.dirname, '..');
  const appPath = resolve(appOption === -1 ? join(root, 'dist/index.js') : argv[appOption + 1]!);
  const out = printer(asJson);
  const { say, wrapped } = out;

  const { set, missing } = accountVariables(env);
  if (missing.length > 0) {
    say(
      wrapped(
        set.length > 0
          ? `CINNOX contract check: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set (${set.join(' and ')} ${set.length === 1 ? 'is' : 'are'}). ` +
              `Set all three to check that account (read-only). With none set, npm start runs the sandbox tour instead.`
          : `CINNOX contract check: set ${ACCOUNT_VARIABLES.join(', ')} to the Base URL, App ID and App Token of a CINNOX Zapier account ` +
              `(CINNOX Dashboard: Administration > Service Integration > Third Party Integration > Zapier). ` +
              `To try the check on the sandbox: npm run sandbox -- --port 0, and set them from its start-up line.`,
        2,
      ),
    );
    return 2;
  }
  const authData = {
    baseUrl: env.CINNOX_BASE_URL!.trim(),
    appId: env.CINNOX_APP_ID!.trim(),
    appToken: env.CINNOX_APP_TOKEN!.trim(),
  };

  process.env.NODE_ENV ??= 'test'; // zapier-platform-core logs memory after every run outside tests
  // A local stand-in for Zapier's file store, for the hydrators that output a file (z.stashFile): before core loads.
  const fileStore = await startFileStore();
  process.env.ZAPIER_BASE_ENDPOINT = fileStore.base;
  process.env.ZAPIER_DEPLOY_KEY = 'contract-check-file-store';
  const require = createRequire(import.meta.url);
  const zapier = require('zapier-platform-core') as typeof ZapierCore;
  const built = require(appPath) as BuiltApp;
  const examples = loadExamples(join(root, 'dist/examples.js'));

  // The observer and the GET-only guard, around the app's own middleware.
  let exchanges: Exchange[] = [];
  const pending = new WeakMap<object, Exchange>();
  const relative = (url: URL): string => url.pathname.replace(/^.*?\/v1\/api\/apps\/[^/]+/, '') || '/';
  const guard = (request: { method?: string; url: string; params?: Record<string, unknown> }) => {
    const method = String(request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url);
    const query: Record<string, string> = Object.fromEntries(url.searchParams);
    for (const [k, v] of Object.entries(request.params ?? {})) if (v !== undefined && v !== '') query[k] = String(v);
    const exchange: Exchange = { method, path: relative(url), query };
    exchanges.push(exchange);
    if (method !== 'GET') {
      exchange.notSent = true;
      throw new NotSent(`the contract check sends GET requests only: ${method} ${exchange.path} was not sent`);
    }
    pending.set(request, exchange);
    return request;
  };
  const observe = (response: { status: number; content?: string; request: object }) => {
    const exchange = pending.get(response.request) ?? exchanges.findLast((e) => e.status === undefined);
    if (exchange) {
      exchange.status = response.status;
      try {
        exchange.body = response.content ? JSON.parse(response.content) : undefined;
      } catch {
        exchange.body = '(not JSON)';
      }
    }
    return response;
  };
  const app = {
    ...built,
    beforeRequest: [guard, ...(built.beforeRequest ?? [])],
    afterResponse: [observe, ...(built.afterResponse ?? [])],
  };
  const appTester = zapier.createAppTester(app);

  /** Runs one of the app's functions as Zapier would; z.console lines are captured, not printed. */
  let consoleLines: string[] = [];
  const run = async <T = Item[]>(fn: Perform | undefined, bundle: Record<string, unknown>): Promise<T> => {
    const { log, error } = console;
    console.log = (...args: unknown[]) => void consoleLines.push(args.map(String).join(' '));
    console.error = console.log;
    try {
      // Zapier's cache emptied first: each step reads CINNOX itself, so the check sees every answer.
      return (await appTester(fn as Perform, { authData, ...bundle } as Partial<Bundle>, true)) as T;
    } finally {
      console.log = log;
      console.error = error;
    }
  };
  const messageOf = (error: unknown): string => {
    let message = error instanceof Error ? error.message : String(error);
    try {
      message = (JSON.parse(message) as { message?: string }).message ?? message;
    } catch {
      // not a Zapier AppError
    }
    return message.split('\nWhat happened:')[0]!.trim(); // the app tester's dump after an auth test's message
  };

  const steps: StepReport[] = [];
  const report = (step: StepReport) => {
    steps.push(step);
    printStep(out, step);
  };
  /** Runs a step: `fn` answers its outcome and one-line result; a throw is a failure with the app's message. */
  const step = async (name: string, fn: () => Promise<{ outcome: Outcome; result: string }>): Promise<Outcome> => {
    exchanges = [];
    consoleLines = [];
    const started = performance.now();
    let outcome: Outcome;
    let result: string;
    try {
      ({ outcome, result } = await fn());
    } catch (error) {
      outcome = 'failed';
      result = messageOf(error).slice(0, 400);
    }
    const made = exchanges;
    report({
      name,
      outcome,
      result,
      ms: performance.now() - started,
      findings: combine(made.flatMap(judge)),
      requests: made.map((e) => ({ request: describe(e), ...(e.status === undefined ? {} : { status: e.status }) })),
    });
    return outcome;
  };
  const skip = (name: string, why: string) =>
    report({ name, outcome: 'skipped', result: why, ms: 0, findings: [], requests: [] });
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

  say(
    wrapped(
      `CINNOX contract check: account ${authData.appId} at ${authData.baseUrl}, read-only (GET requests only); app ${appPath}`,
      2,
    ),
  );

  // 1. The connection test: a failure stops the run, with the app's message.
  const connected = await step('connection test', async () => {
    await run(app.authentication.test, {});
    return { outcome: 'passed', result: `label "${await run<string>(app.authentication.connectionLabel, {})}"` };
  });
  if (connected !== 'passed') {
    say(
      wrapped(
        '\nThe connection test failed: nothing else was checked. Fix the three CINNOX_* variables and run again.',
        0,
      ),
    );
    if (asJson) process.stdout.write(`${JSON.stringify({ steps, assumptions: [] })}\n`);
    return 1;
  }

  const entries = (ops: Operations) =>
    Object.entries(ops).filter((e): e is [string, { display?: { hidden?: boolean }; operation: Operation }] =>
      Boolean(e[1]?.operation),
    );
  const triggers = entries(app.triggers);

  // What the check listed from the account so far (the hook triggers' performList), and the facts an example's
  // `onAccount` reads to probe the account with it (src/examples.ts).
  const listed = new Map<string, Item[]>();
  const facts = {
    env,
    probeName: PROBE_NAME,
    listed: (field: string, where?: (record: Item) => boolean): string | undefined =>
      [...listed.values()]
        .flat()
        .find((item) => typeof item[field] === 'string' && item[field] && (!where || where(item)))?.[field] as
        string | undefined,
  };
  /**
   * The inputs a search or drop-down is run with, read-only: what its example gives for an account (`onAccount`,
   * one run per input), else one run per choice of its first required drop-down field, else its example input;
   * or why it is skipped.
   */
  const probesOf = (kind: 'searches' | 'triggers', key: string, operation: Operation): Item[] | string => {
    const example = examples[kind][key];
    const probe = example?.onAccount?.(facts);
    if (probe) {
      if (Array.isArray(probe)) return probe;
      return 'skip' in probe && typeof probe.skip === 'string' ? probe.skip : [probe];
    }
    const required = (operation.inputFields ?? []).filter((f) => f.required);
    const choices = (f: (typeof required)[number]): string[] =>
      Array.isArray(f.choices)
        ? f.choices.map((c) => String((c as { value?: unknown }).value ?? c))
        : f.choices && typeof f.choices === 'object'
          ? Object.keys(f.choices)
          : [];
    if (required.length > 0 && required.every((f) => choices(f).length > 0))
      return choices(required[0]!).map((value) => ({
        ...Object.fromEntries(required.map((f) => [f.key, choices(f)[0]])),
        [required[0]!.key]: value,
      }));
    return example ? [example.inputData] : 'no example input: export one beside it (src/examples.ts)';
  };
  /** Runs `name` once per probe input, named by the input's values when there are several. */
  const probe = async (
    name: string,
    inputs: Item[] | string,
    fn: (inputData: Item) => Promise<{ outcome: Outcome; result: string }>,
  ): Promise<void> => {
    if (typeof inputs === 'string') return skip(name, inputs);
    for (const inputData of inputs) {
      const values = inputs.length > 1 ? ` (${Object.values(inputData).join(', ')})` : '';
      await step(`${name}${values}`, () => fn(inputData));
    }
  };

  // 2. Polling triggers, each with its example's input(s): the hidden drop-downs (one that reads a parent field
  // gets each of its values) and the scheduled triggers on the reports (A30).
  for (const [key, trigger] of triggers.filter(([, t]) => t.operation.type !== 'hook')) {
    const kind = trigger.display?.hidden ? 'drop-down' : 'trigger';
    await probe(`${kind} ${key}`, probesOf('triggers', key, trigger.operation), async (inputData) => {
      const list = await run(trigger.operation.perform, { inputData, meta: { page: 0 } });
      return { outcome: 'passed', result: count(list.length, 'record') };
    });
  }

  // 3. Every hook trigger's performList: real records, or the sample (never a pass).
  for (const [key, trigger] of triggers.filter(([, t]) => t.operation.type === 'hook')) {
    await step(`trigger ${key} performList`, async () => {
      const items = await run(trigger.operation.performList, {});
      const fellBack = consoleLines.find((l) => /could not list recent records/.test(l));
      if (fellBack) {
        const why = messageOf(fellBack.replace(/^.*?showing the sample\.\s*/, ''));
        return { outcome: 'sample', result: `CINNOX could not list recent records for ${key}: ${why}` };
      }
      if (items.length === 1 && isDeepStrictEqual(items[0], trigger.operation.sample)) {
        return {
          outcome: 'sample',
          result:
            exchanges.length === 0
              ? 'CINNOX cannot list these events (no request made); Test Trigger shows the static sample'
              : 'CINNOX listed no matching record (the last 7 days, or none of this status); Test Trigger shows the static sample',
        };
      }
      listed.set(key, items);
      return { outcome: 'passed', result: `${count(items.length, 'real record')} in perform's shape` };
    });
  }
  const valuesListed = (field: string): string[] =>
    [...listed.values()]
      .flat()
      .flatMap((item) => (typeof item[field] === 'string' && item[field] ? [item[field]] : []));

  // 4. Hydrators, with an id from the listed records.
  /** The enquiry Get Enquiry Transcript reads: CINNOX_CHECK_CASE_NUMBER, else a closed one Enquiry Closed listed. */
  const closedEnquiry = (): Item | string => {
    const displayCaseNumber = env.CINNOX_CHECK_CASE_NUMBER?.trim();
    if (displayCaseNumber) return { displayCaseNumber };
    const closed = (listed.get('enquiry_closed') ?? []).find(
      (i) => typeof i.displayCaseNumber === 'string' && i.displayCaseNumber,
    );
    return closed
      ? { displayCaseNumber: closed.displayCaseNumber, enquiryID: closed.enquiryID }
      : 'no closed enquiry was listed to ask for: it runs when Enquiry Closed lists one, or with CINNOX_CHECK_CASE_NUMBER set to the case number of a closed enquiry';
  };
  const HYDRATOR_INPUTS: Record<string, () => Item | string> = {
    contactDetails: () => {
      // The last contact listed: a CINNOX that ignored the id filter would answer the first (A8).
      // New External Contact's own list (External Contact Event lists the same contacts in another order).
      const fromCreated = (listed.get('contact_created') ?? []).flatMap((i) =>
        typeof i.contactId === 'string' && i.contactId ? [i.contactId] : [],
      );
      const contactId = fromCreated.at(-1) ?? valuesListed('contactId').at(-1);
      return contactId
        ? { contactId }
        : 'no contact was listed to ask for: it runs when New External Contact lists a contact';
    },
    callDetails: () => {
      const callId = valuesListed('callId').at(-1);
      return callId ? { callId } : 'no call was listed to ask for: it runs when Call Ended lists a call';
    },
    enquiryTranscript: closedEnquiry,
    // The same read, stashed as a file with the local file store.
    enquiryTranscriptFile: closedEnquiry,
    // Get Enquiry Transcript's file from the text it read: no CINNOX request.
    transcriptTextFile: () => ({ name: 'contract-check.txt', text: 'A file the contract check stashes.\n' }),
  };
  for (const [key, hydrate] of Object.entries(app.hydrators ?? {})) {
    const name = `hydrator ${key}`;
    const input = HYDRATOR_INPUTS[key]?.() ?? `no probe input: add one to HYDRATOR_INPUTS in scripts/contract-check.ts`;
    if (typeof input === 'string') skip(name, input);
    else
      await step(name, async () => {
        const details = await run<Item | string>(hydrate, { inputData: input });
        const file = typeof details === 'string' ? fileStore.fileAt(details) : undefined;
        if (file) return { outcome: 'passed', result: `a file: ${file.name}, ${Buffer.byteLength(file.text)} bytes` };
        return { outcome: 'passed', result: `${Object.keys(details ?? {}).length} detail fields` };
      });
  }

  // 5. Searches, read-only, each with its example's input for an account (from what was listed above).
  for (const [key, search] of entries(app.searches)) {
    await probe(`search ${key}`, probesOf('searches', key, search.operation), async (inputData) => {
      const found = await run(search.operation.perform, { inputData });
      return { outcome: 'passed', result: count(found.length, 'result') };
    });
  }

  // 6. The Event Hook List (A13), as turning a Zap on reads it: the guard stops performSubscribe before it writes.
  const [hookKey, hook] = triggers.find(([, t]) => t.operation.type === 'hook') ?? [];
  if (hook) {
    await step(`Event Hook List (${hookKey} performSubscribe, stopped before it writes)`, async () => {
      try {
        await run(hook.operation.performSubscribe, { targetUrl: PROBE_HOOK_URL });
      } catch (error) {
        const message = messageOf(error);
        if (/GET requests only/.test(message))
          return { outcome: 'passed', result: 'read; the subscription was not changed (the check sends GET only)' };
        if (/another Zap already receives/.test(message))
          return { outcome: 'passed', result: 'read: another Zap holds this subscription; it was not changed' };
        throw error;
      }
      throw new Error('performSubscribe finished without a write: nothing to stop');
    });
  }

  // The assumption table, A1… in order, and the tallies.
  const assumptions = assumptionTable(steps);
  const failed = printEnd(out, steps, assumptions);
  if (asJson) process.stdout.write(`${JSON.stringify({ steps, assumptions })}\n`);
  await fileStore.close();
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  process.exit(await runContractCheck(process.argv.slice(2)));
}
