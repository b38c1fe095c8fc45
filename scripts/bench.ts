// `npm run bench`: the app against its floors, measured in one run.
//   1. Cold start: wall time and peak RSS of a fresh Node 22 process that loads core + the built app,
//      against one that loads core alone; median of BENCH_RUNS alternating runs each.
//   2. Bundle: the deployable zip (staged `zapier-platform build`) against a minimal app on the same core.
//   3. Requests per operation: each create and search, run from the unzipped zip with nock counting requests.
//   4. One action from a cold process (scripts/lib/cold-action.ts): Send SMS and Find External Contact, the
//      whole way (nock, core, the app from the unzipped zip, core's app tester, one operation), against a
//      minimal app whose one action makes the one request, on the same core: wall time, peak RSS, CPU time,
//      median of BENCH_PAIRS alternating pairs; the warm per-call time; the sibling bundles each loaded; and
//      the same no-op action on both definitions, which is core's own work on the larger definition.
// Progress goes to stderr; the report to stdout. Options:
//   --write     also writes the report to bench/results.md (tracked: a plain run leaves `git status` clean)
//   --profile   also writes CPU profiles of each action's load, cold call and warm calls (build/profiles/)
//               and prints where the time went, by bundle and package
// Exits 1 when a target is missed. Not part of `npm test`. Wall times are noisy on a busy machine: see the
// CPU times beside them, and docs/performance.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COLD_ACTIONS,
  coldPairs,
  median,
  runProbe,
  stageProbe,
  warmCall,
  type ColdRun,
  type Side,
} from './lib/cold-action.ts';
import { summarise } from './lib/cpu-profile.ts';
import { CASE_INPUTS, countRequests } from './lib/request-count.ts';
import { appFiles, root, stageAndBuild } from './lib/stage-build.ts';

const args = new Set(process.argv.slice(2));
const WRITE = args.has('--write');
const PROFILE = args.has('--profile');
const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 30);
const TARGET = { time: 1.05, memory: 1.05, bundle: 1.15, actionTime: 1.05, actionMemory: 1.05 };

const started = Date.now();
const progress = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
};
const loadAtStart = loadavg()[0]!;

progress('building dist/');
execFileSync(process.execPath, [join(root, 'scripts/build.ts')], { cwd: root, stdio: ['ignore', 2, 2] });

// ---- 1. cold start -------------------------------------------------------------------------
const probe = (requireApp: boolean) => `
  require('zapier-platform-core');
  ${requireApp ? `require(${JSON.stringify(join(root, 'dist/index.js'))});` : ''}
  process.stdout.write(String(process.resourceUsage().maxRSS));
`;
function coldStart(requireApp: boolean): { ms: number; rssKb: number } {
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['-e', probe(requireApp)], { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0) throw new Error(`cold start probe failed: ${out.stderr}`);
  return { ms, rssKb: Number(out.stdout) };
}
progress(`1/4 cold start: ${RUNS} alternating runs of core alone and core + the app`);
coldStart(false); // warm the file cache for both
coldStart(true);
const floorRuns: { ms: number; rssKb: number }[] = [];
const appRuns: { ms: number; rssKb: number }[] = [];
for (let i = 0; i < RUNS; i += 1) {
  if (i % 2 === 0) {
    floorRuns.push(coldStart(false));
    appRuns.push(coldStart(true));
  } else {
    appRuns.push(coldStart(true));
    floorRuns.push(coldStart(false));
  }
  if ((i + 1) % 10 === 0 || i + 1 === RUNS) progress(`  ${i + 1}/${RUNS}`);
}
const floorMs = median(floorRuns.map((r) => r.ms));
const appMs = median(appRuns.map((r) => r.ms));
const floorRss = median(floorRuns.map((r) => r.rssKb));
const appRss = median(appRuns.map((r) => r.rssKb));

// ---- 2. bundle -----------------------------------------------------------------------------
progress('2/4 deployable zip: zapier-platform build of the app and of a minimal app (npm install each)');
const minimalDir = mkdtempSync(join(tmpdir(), 'cinnox-bench-minimal-'));
const minimalApp = `const zapier = require('zapier-platform-core');
module.exports = { version: '1.0.0', platformVersion: zapier.version, triggers: {}, creates: {}, searches: {} };
`;
const appZip = stageAndBuild({ files: appFiles(), main: 'index.js', outDir: join(root, 'build'), quiet: true });
const floorZip = stageAndBuild({
  files: {},
  contents: { 'index.js': minimalApp },
  main: 'index.js',
  name: 'minimal-app',
  version: '1.0.0',
  outDir: minimalDir,
  quiet: true,
});
const zipFiles = (zip: string): number =>
  Number(/(\d+)\s+files?\s*$/.exec(execFileSync('unzip', ['-l', zip], { encoding: 'utf8' }).trim())?.[1] ?? NaN);
const appFileCount = zipFiles(appZip.zip);
const floorFiles = zipFiles(floorZip.zip);
rmSync(minimalDir, { recursive: true, force: true });

// ---- 3. requests per operation, on the packaged zip itself ----------------------------------
// Unzipped, with the zip's own zapier-platform-core: proves the deployable zip runs every operation.
progress('3/4 CINNOX requests per operation, from the unzipped zip');
const unzipped = mkdtempSync(join(tmpdir(), 'cinnox-bench-zip-'));
execFileSync('unzip', ['-q', appZip.zip, '-d', unzipped]);
const requestCounts = await countRequests(join(unzipped, 'index.js'));

// ---- 4. one action from a cold process ------------------------------------------------------
const staged = stageProbe(unzipped);
const NOOP = { BENCH_NOOP: '1' };
interface ActionFigures {
  label: string;
  app: ColdRun;
  minimal: ColdRun;
  warm: { app: number; minimal: number };
  bundles: string[];
  expected: readonly string[];
}
const actions: ActionFigures[] = [];
for (const { op, label, minimal: minimalOp, bundles: expected } of COLD_ACTIONS) {
  progress(`4/4 one action from a cold process, ${label}: ${PAIRS} alternating pairs against the minimal app`);
  const app: Side = { app: staged.app, op, input: CASE_INPUTS[op]! };
  const minimal: Side = { app: staged.minimal, op: minimalOp, input: CASE_INPUTS[op]! };
  const pair = coldPairs(staged.probe, app, minimal, PAIRS, (done) => {
    if (done % 5 === 0 || done === PAIRS) progress(`  ${done}/${PAIRS} pairs`);
  });
  progress(`  warm: ${WARM_CALLS} calls after the first, in one process each`);
  const warm = { app: warmCall(staged.probe, app, WARM_CALLS), minimal: warmCall(staged.probe, minimal, WARM_CALLS) };
  actions.push({ label, app: pair.a, minimal: pair.b, warm, bundles: pair.bundles, expected });
}
progress(`4/4 core's work on each definition: a no-op action on the app's and on the minimal app's, ${PAIRS} pairs`);
const noopApp: Side = { app: staged.app, op: COLD_ACTIONS[0].op, input: {}, env: NOOP };
const noopMinimal: Side = { app: staged.minimal, op: COLD_ACTIONS[0].minimal, input: {}, env: NOOP };
const noop = coldPairs(staged.probe, noopApp, noopMinimal, PAIRS, (done) => {
  if (done % 5 === 0 || done === PAIRS) progress(`  ${done}/${PAIRS} pairs`);
});
const noopWarm = {
  app: warmCall(staged.probe, noopApp, WARM_CALLS),
  minimal: warmCall(staged.probe, noopMinimal, WARM_CALLS),
};

// ---- optional: CPU profiles ----------------------------------------------------------------
const profileLines: string[] = [];
if (PROFILE) {
  const dir = join(root, 'build/profiles');
  rmSync(dir, { recursive: true, force: true });
  const sides: [string, Side][] = COLD_ACTIONS.flatMap(({ op, minimal: minimalOp }): [string, Side][] => [
    [op, { app: staged.app, op, input: CASE_INPUTS[op]! }],
    [`minimal-${op.split('.')[0]}`, { app: staged.minimal, op: minimalOp, input: CASE_INPUTS[op]! }],
  ]);
  sides.push(['noop-app', noopApp], ['noop-minimal', noopMinimal]);
  profileLines.push(
    '',
    '## CPU profiles',
    '',
    `Profiles in build/profiles/ (open in Chrome DevTools). Sampled ms, self time by where the code lives; the warm profile covers ${WARM_CALLS} calls.`,
    '',
  );
  for (const [name, side] of sides) {
    progress(`profile: ${name}`);
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    runProbe(staged.probe, side.app, side.op, side.input, WARM_CALLS, [], { ...side.env, BENCH_PROFILE: out });
    for (const phase of ['load', 'cold', 'warm']) {
      const s = summarise(join(out, `${phase}.cpuprofile`), unzipped);
      const top = Object.entries(s.self)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      const incl = Object.entries(s.inclusive)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      profileLines.push(
        `- **${name}, ${phase}** (${s.totalMs.toFixed(1)} ms): ${top}${incl ? `; with the app's bundles on the stack: ${incl}` : ''}`,
      );
    }
  }
}
rmSync(unzipped, { recursive: true, force: true });

// ---- report --------------------------------------------------------------------------------
const ratio = (a: number, b: number): number => a / b;
const pass = (r: number, t: number): string => (r <= t ? 'yes' : '**no**');
/** figure, app, floor, ratio, target */
const rows: [string, string, string, number, number][] = [
  ['Cold start, wall time (median ms)', appMs.toFixed(1), floorMs.toFixed(1), ratio(appMs, floorMs), TARGET.time],
  [
    'Cold start, peak RSS (median MB)',
    (appRss / 1024).toFixed(1),
    (floorRss / 1024).toFixed(1),
    ratio(appRss, floorRss),
    TARGET.memory,
  ],
  [
    'Deployable zip (KB)',
    (appZip.bytes / 1024).toFixed(0),
    (floorZip.bytes / 1024).toFixed(0),
    ratio(appZip.bytes, floorZip.bytes),
    TARGET.bundle,
  ],
];
const mb = (kb: number): string => (kb / 1024).toFixed(1);
const sameBundles = (a: ActionFigures): boolean => a.bundles.join() === [...a.expected].sort().join();
const actionRows = actions.flatMap((a) => {
  const wall = ratio(a.app.ms, a.minimal.ms);
  const rss = ratio(a.app.rssKb, a.minimal.rssKb);
  return [
    `| ${a.label} | whole process, wall time (median ms) | ${a.app.ms.toFixed(1)} | ${a.minimal.ms.toFixed(1)} | ${wall.toFixed(3)}× | ≤ ${TARGET.actionTime.toFixed(2)}× | ${pass(wall, TARGET.actionTime)} |`,
    `| ${a.label} | peak RSS (median MB) | ${mb(a.app.rssKb)} | ${mb(a.minimal.rssKb)} | ${rss.toFixed(3)}× | ≤ ${TARGET.actionMemory.toFixed(2)}× | ${pass(rss, TARGET.actionMemory)} |`,
    `| ${a.label} | CPU time (median ms) | ${a.app.cpuMs.toFixed(1)} | ${a.minimal.cpuMs.toFixed(1)} | ${ratio(a.app.cpuMs, a.minimal.cpuMs).toFixed(3)}× | — | — |`,
    `| ${a.label} | in the process: loading, then the first call (median ms) | ${a.app.loaded.toFixed(1)} + ${a.app.first.toFixed(1)} | ${a.minimal.loaded.toFixed(1)} + ${a.minimal.first.toFixed(1)} | — | — | — |`,
    `| ${a.label} | warm call (median of ${WARM_CALLS}, ms) | ${a.warm.app.toFixed(2)} | ${a.warm.minimal.toFixed(2)} | ${ratio(a.warm.app, a.warm.minimal).toFixed(2)}× | — | — |`,
    `| ${a.label} | the app's bundles it loaded | ${a.bundles.join(', ')} | — | — | exactly ${a.expected.join(', ')} | ${sameBundles(a) ? 'yes' : '**no**'} |`,
  ];
});
/** What is core's (its work on the larger definition) and what is the app's own, in CPU ms of a cold process. */
const coreCpu = noop.a.cpuMs - noop.b.cpuMs;
const splitLines = actions.map((a) => {
  const gap = a.app.cpuMs - a.minimal.cpuMs;
  return `- ${a.label}: the app's cold process takes ${gap.toFixed(1)} ms more CPU than the minimal app's. ${coreCpu.toFixed(1)} ms of that is there with a no-op action too (loading the app's definition and core's per-call work on it: the no-op rows); ${(gap - coreCpu).toFixed(1)} ms is the action's own work beyond the minimal one request. Warm: ${a.warm.app.toFixed(2)} ms a call, of which ${noopWarm.app.toFixed(2)} ms is core's on this definition (${noopWarm.minimal.toFixed(2)} ms on the minimal one).`;
});
const lines = [
  `# Benchmark results`,
  '',
  `Run: ${new Date().toISOString()} on Node ${process.version}, load average ${loadAtStart.toFixed(2)} at the start; ${RUNS} alternating cold starts each; floor = zapier-platform-core alone (a minimal app for the zip).`,
  '',
  '| figure | app | floor | ratio | target | pass |',
  '|---|---|---|---|---|---|',
  ...rows.map(([f, a, b, r, t]) => `| ${f} | ${a} | ${b} | ${r.toFixed(3)}× | ≤ ${t.toFixed(2)}× | ${pass(r, t)} |`),
  `| Files in the zip | ${appFileCount} | ${floorFiles} | ${(appFileCount / floorFiles).toFixed(3)}× | — | — |`,
  '',
  '## One action from a cold process',
  '',
  `A fresh Node process loads nock (answering CINNOX), zapier-platform-core, the app from the unzipped deployable zip and core's app tester, runs one operation in its common case and exits; the minimal app's one action makes the one request (same method) and nothing else, on the same core. Medians of ${PAIRS} alternating pairs; wall time is the whole process measured from outside. The warm call is the median of ${WARM_CALLS} calls in one process after the first.`,
  '',
  '| operation | figure | app | minimal app | ratio | target | pass |',
  '|---|---|---|---|---|---|---|',
  ...actionRows,
  `| no-op action (core's work on each definition) | whole process, wall time (median ms) | ${noop.a.ms.toFixed(1)} | ${noop.b.ms.toFixed(1)} | ${ratio(noop.a.ms, noop.b.ms).toFixed(3)}× | — | — |`,
  `| no-op action (core's work on each definition) | peak RSS (median MB) | ${mb(noop.a.rssKb)} | ${mb(noop.b.rssKb)} | ${ratio(noop.a.rssKb, noop.b.rssKb).toFixed(3)}× | — | — |`,
  `| no-op action (core's work on each definition) | CPU time (median ms) | ${noop.a.cpuMs.toFixed(1)} | ${noop.b.cpuMs.toFixed(1)} | ${ratio(noop.a.cpuMs, noop.b.cpuMs).toFixed(3)}× | — | — |`,
  `| no-op action (core's work on each definition) | in the process: loading, then the first call (median ms) | ${noop.a.loaded.toFixed(1)} + ${noop.a.first.toFixed(1)} | ${noop.b.loaded.toFixed(1)} + ${noop.b.first.toFixed(1)} | — | — | — |`,
  `| no-op action (core's work on each definition) | warm call (median of ${WARM_CALLS}, ms) | ${noopWarm.app.toFixed(2)} | ${noopWarm.minimal.toFixed(2)} | ${ratio(noopWarm.app, noopWarm.minimal).toFixed(2)}× | — | — |`,
  '',
  ...splitLines,
  '',
  '## Requests per operation',
  '',
  'Each create and search in its common case, run from the unzipped deployable zip (its own zapier-platform-core) with nock counting requests to CINNOX (target: exactly 1; drop-downs 1 a page; hook perform 0). A row marked failed would mean the zip cannot run that operation.',
  '',
  '| operation | requests | target | pass |',
  '|---|---|---|---|',
  ...requestCounts.map(
    (r) => `| ${r.operation} | ${r.requests} | ${r.target} | ${r.requests === r.target ? 'yes' : '**no**'} |`,
  ),
  ...profileLines,
  '',
];
const report = lines.join('\n');
if (WRITE) {
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.md'), report);
  progress('wrote bench/results.md');
} else {
  progress('bench/results.md left as it is (npm run bench -- --write to record this run)');
}
console.log(report);
const failed =
  rows.some(([, , , r, t]) => r > t) ||
  requestCounts.some((r) => r.requests !== r.target) ||
  actions.some(
    (a) =>
      ratio(a.app.ms, a.minimal.ms) > TARGET.actionTime ||
      ratio(a.app.rssKb, a.minimal.rssKb) > TARGET.actionMemory ||
      !sameBundles(a),
  );
if (failed) {
  console.error('A target was missed.');
  process.exit(1);
}
