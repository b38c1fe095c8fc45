// One action from a cold process, the whole way: a fresh Node 22 process loads nock (answering CINNOX),
// zapier-platform-core, the app from the unzipped deployable zip and core's app tester, runs one operation
// and exits. The same for a minimal app whose one action makes the one request and nothing else, on the
// same core (the zip's own). Whole-process wall time (measured from outside), peak RSS and CPU time;
// and, in a process of its own, the warm per-call time (median of WARM_CALLS calls after the first).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Examples } from './built-app.ts';
import { median } from './bench-stats.ts';
import { BASE_URL, authData, reply } from './request-count.ts';

const require = createRequire(import.meta.url);

export interface ColdRun {
  /** Whole process, measured from outside. */
  ms: number;
  rssKb: number;
  cpuMs: number;
  /** In the process: ms until core, nock and the app are loaded; ms of the first (cold) call. */
  loaded: number;
  first: number;
  /** ms of the operation's perform within the first call (its own code and its request, not core's work around it). */
  firstPerform: number;
  /**
   * CPU ms of the main thread in that perform, and in the whole process: the work itself, which a busy machine
   * does not stretch as it stretches wall time.
   */
  firstPerformCpu: number;
  mainCpuMs: number;
}
export interface ColdAction {
  op: `${'creates' | 'searches'}.${string}`;
  label: string;
  /** The minimal app's action of the same kind (a create POSTs, a search GETs). */
  minimal: string;
  /** The files of the app the action may load (scripts/build.ts: the one bundle). */
  bundles: readonly string[];
}
/** The operations measured: those whose example says so (src/examples.ts `benchmark`), with their labels. */
export function coldActionsOf(examples: Examples, labels: (op: string) => string): ColdAction[] {
  return (['creates', 'searches'] as const).flatMap((kind) =>
    Object.entries(examples[kind]).flatMap(([key, example]) =>
      example?.benchmark
        ? [
            {
              op: `${kind}.${key}` as const,
              label: labels(`${kind}.${key}`),
              minimal: `${kind}.one_request`,
              bundles: example.benchmark.bundles,
            },
          ]
        : [],
    ),
  );
}

/** The minimal app: one create (a POST) and one search (a GET), each the one request and nothing else. */
const MINIMAL_APP = `const zapier = require('zapier-platform-core');
const BASE_URL = ${JSON.stringify(BASE_URL)};
const operation = (method) => ({
  perform: async (z, bundle) => {
    const response = await z.request({ url: BASE_URL + '/one', method, body: method === 'POST' ? bundle.inputData : undefined });
    return method === 'POST' ? response.data : response.data.result;
  },
  sample: { id: '1' },
});
const display = { label: 'One Request', description: 'Makes one request and returns its answer.' };
module.exports = {
  version: '1.0.0',
  platformVersion: zapier.version,
  triggers: {},
  creates: { one_request: { key: 'one_request', noun: 'Request', display, operation: operation('POST') } },
  searches: { one_request: { key: 'one_request', noun: 'Request', display, operation: operation('GET') } },
};
`;

/** The probe a fresh process runs: argv = app path, kind.key, JSON inputData, warm calls (0: one cold call). */
const PROBE = `'use strict';
process.env.NODE_ENV = 'test';
const [appPath, op, input, warmArg] = process.argv.slice(2);
// BENCH_PROFILE=dir: V8's CPU profiler (the one node --cpu-prof runs), one profile per phase: load, cold, warm.
const profileDir = process.env.BENCH_PROFILE;
const session = profileDir ? new (require('node:inspector').Session)() : undefined;
const post = (method, params = {}) => { let result; session.post(method, params, (error, r) => { if (error) throw error; result = r; }); return result; };
if (session) { session.connect(); post('Profiler.enable'); post('Profiler.setSamplingInterval', { interval: 100 }); post('Profiler.start'); }
const phase = (name) => {
  if (!session) return;
  const { profile } = post('Profiler.stop');
  require('node:fs').writeFileSync(require('node:path').join(profileDir, name + '.cpuprofile'), JSON.stringify(profile));
  post('Profiler.start');
};
const nock = require(${JSON.stringify(require.resolve('nock'))});
const zapier = require(require.resolve('zapier-platform-core', { paths: [appPath] }));
const app = require(appPath);
const appTester = zapier.createAppTester(app);
nock.disableNetConnect();
const reply = ${reply.toString()};
const scope = nock(${JSON.stringify(BASE_URL)}).persist();
for (const method of ['get', 'post']) scope[method](/.*/).reply((uri) => [200, reply(method.toUpperCase(), uri)]);
const [kind, key] = op.split('.');
// Every side loads the minimal app (so the swapped sides load no file the others do not).
const minimalApp = require(require('node:path').join(__dirname, 'bench-minimal-app.cjs'));
// BENCH_SWAP=1: the operation's perform is the minimal app's (the one request, same method), swapped into this
// app's definition so core's app tester finds it as it finds the real one. Against the minimal app that is
// loading this app and core's own work on its definition; against the app's real action, the action's own work.
if (process.env.BENCH_SWAP) app[kind][key].operation.perform = minimalApp[kind].one_request.operation.perform;
// BENCH_ONLY=1: the definition cut to this one operation once the app has loaded. With BENCH_SWAP, what is
// left of the app's cost is loading it (and its request middleware); the full definition against it is core's
// per-call work on the other operations.
if (process.env.BENCH_ONLY) {
  for (const k of ['triggers', 'creates', 'searches']) for (const o of Object.keys(app[k] ?? {})) if (k !== kind || o !== key) delete app[k][o];
  app.searchOrCreates = {};
  delete app.searchAndCreates;
  delete app.resources;
}
// The perform's own time on the first call: the action's code (input checks, the bundles it loads, the request
// through core, mapping the answer) without core's per-call work around it, which both sides share.
const inner = app[kind][key].operation.perform;
let performMs = 0;
let performCpuMs = 0;
const threadCpuMs = () => { const { user, system } = process.threadCpuUsage(); return (user + system) / 1000; };
app[kind][key].operation.perform = async (z, b) => {
  const start = performance.now();
  const startCpu = threadCpuMs();
  try {
    return await inner(z, b);
  } finally {
    performMs = performance.now() - start;
    performCpuMs = threadCpuMs() - startCpu;
  }
};
const perform = app[kind][key].operation.perform;
const bundle = { authData: ${JSON.stringify(authData)}, inputData: JSON.parse(input) };
(async () => {
  phase('load');
  const loaded = performance.now();
  // Zapier's cache emptied before each call: every call is the common case, nothing read yet.
  await appTester(perform, bundle, true);
  const first = performance.now() - loaded;
  const firstPerform = performMs;
  const firstPerformCpu = performCpuMs;
  phase('cold');
  const warm = [];
  for (let i = 0; i < Number(warmArg); i += 1) {
    const start = performance.now();
    await appTester(perform, bundle, true);
    warm.push(performance.now() - start);
  }
  if (warm.length > 0) phase('warm');
  const usage = process.resourceUsage();
  const dir = require('node:path').dirname(appPath);
  const bundles = Object.keys(require.cache).filter((file) => require('node:path').dirname(file) === dir && !require('node:path').basename(file).startsWith('bench-')).map((file) => require('node:path').basename(file)).sort();
  process.stdout.write(JSON.stringify({ loaded, first, firstPerform, firstPerformCpu, mainCpuMs: threadCpuMs(), rssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, warm, bundles }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

/** Writes the probe and the minimal app next to the unzipped app (so both use the zip's core). */
export function stageProbe(unzipped: string): { probe: string; minimal: string; app: string } {
  const probe = join(unzipped, 'bench-probe.cjs');
  const minimal = join(unzipped, 'bench-minimal-app.cjs');
  writeFileSync(probe, PROBE);
  writeFileSync(minimal, MINIMAL_APP);
  return { probe, minimal, app: join(unzipped, 'index.js') };
}

/** One fresh process; `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
export function runProbe(
  probe: string,
  appPath: string,
  op: string,
  inputData: Record<string, unknown>,
  warmCalls = 0,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): ColdRun & { warm: number[]; bundles: string[] } {
  const start = process.hrtime.bigint();
  const out = spawnSync(
    process.execPath,
    [...nodeArgs, probe, appPath, op, JSON.stringify(inputData), String(warmCalls)],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0) throw new Error(`cold action probe (${op}) failed: ${out.stderr}`);
  const run = JSON.parse(out.stdout) as Omit<ColdRun, 'ms'> & { warm: number[]; bundles: string[] };
  return { ms, ...run };
}

/** One side of a comparison: an app, one of its operations and its input. */
export interface Side {
  app: string;
  op: string;
  input: Record<string, unknown>;
  /** e.g. BENCH_SWAP=1: the minimal app's perform runs in this app's definition instead. */
  env?: Record<string, string>;
}

/** The median of each figure over `runs`. */
export const medianRun = (runs: readonly ColdRun[]): ColdRun => ({
  ms: median(runs.map((r) => r.ms)),
  rssKb: median(runs.map((r) => r.rssKb)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  loaded: median(runs.map((r) => r.loaded)),
  first: median(runs.map((r) => r.first)),
  firstPerform: median(runs.map((r) => r.firstPerform)),
  firstPerformCpu: median(runs.map((r) => r.firstPerformCpu)),
  mainCpuMs: median(runs.map((r) => r.mainCpuMs)),
});

/**
 * The order of the sides in round `i`: a Williams design (0, 1, n−1, 2, n−2, …, shifted by i), so over n rounds
 * each side runs first once and right after each other side once (for an even n).
 */
export const roundOrder = (n: number, i: number): number[] => {
  const base = [0];
  for (let k = 1; base.length < n; k += 1) {
    base.push(k);
    if (base.length < n) base.push(n - k);
  }
  return base.map((x) => (x + i) % n);
};

/**
 * `rounds` rounds of one fresh process per side, in the order `roundOrder` gives, after one untimed run of each
 * (the file cache): each side's runs, round by round (so `runs[a][i]` and `runs[b][i]` ran in the same round), and
 * the sibling bundles each side loaded.
 */
export function coldRounds(
  probe: string,
  sides: readonly Side[],
  rounds: number,
  progress: (done: number) => void,
): { runs: ColdRun[]; bundles: string[] }[] {
  const run = (side: Side) => runProbe(probe, side.app, side.op, side.input, 0, [], side.env);
  const bundles = sides.map((side) => run(side).bundles);
  const runs: ColdRun[][] = sides.map(() => []);
  for (let i = 0; i < rounds; i += 1) {
    for (const k of roundOrder(sides.length, i)) {
      const { warm: _warm, bundles: _bundles, ...figures } = run(sides[k]!);
      runs[k]!.push(figures);
    }
    progress(i + 1);
  }
  return sides.map((_, k) => ({ runs: runs[k]!, bundles: bundles[k]! }));
}

/** The warm per-call time: the median of `calls` calls in one process, after the first. */
export const warmCall = (probe: string, side: Side, calls: number): number =>
  median(runProbe(probe, side.app, side.op, side.input, calls, [], side.env).warm);
