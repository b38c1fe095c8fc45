// `npm run bench`: the app against its floors, each gate read so that the machine's noise cannot fail it
// (scripts/lib/bench-stats.ts: a gate fails only when the 95 % interval of its figure lies above the target).
//   1. Deployable zip: the staged `zapier-platform build` against a minimal app's on the same core (deterministic).
//   2. Requests per operation: each create and search, run from the unzipped zip with nock counting requests.
//   3. Cold start (scripts/lib/cold-start.ts): core + the app against core alone, from the unzipped zip, in
//      alternating pairs: wall time (whole processes, and the app's own load in process) and peak RSS.
//   4. One action from a cold process (scripts/lib/cold-action.ts): Send SMS and Find External Contact, the whole
//      way (nock, core, the app, core's app tester, one operation), in rounds of four sides: a minimal app whose one
//      action makes the one request, that action swapped into this app (its definition cut to that operation, then
//      whole) and the app's action. The gate is the action's own work: its perform's time in the first call and its
//      peak RSS, less the swapped action's in the whole definition, round by round (the main thread's CPU time in
//      the perform is shown beside it).
// Progress goes to stderr, the report to stdout; the samples to build/bench-samples.json. Options:
//   --write     also writes the report to bench/results.md (tracked: a plain run leaves `git status` clean)
//   --profile   also writes CPU profiles of each side (build/profiles/) and says where the time went
// BENCH_PAIRS, BENCH_ROUNDS (a multiple of 4) and BENCH_WARM_CALLS set the counts; BENCH_PLANT=eager-import or
// busy-loop plants a regression in the bench's copy of the app (scripts/lib/bench-plant.ts) to show a gate fails.
// Exits 1 when a gate is missed. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { plantIn, plantOf } from './lib/bench-plant.ts';
import { renderReport, SIDE_NAMES, signed, span, times, type ActionFigures, type Gate } from './lib/bench-report.ts';
import { mapInterval, median, medianInterval, verdictOf, type Interval } from './lib/bench-stats.ts';
import { loadExamples } from './lib/built-app.ts';
import { coldActionsOf, coldRounds, stageProbe, warmCall, type ColdRun, type Side } from './lib/cold-action.ts';
import { coldStartPairs } from './lib/cold-start.ts';
import { profileSides } from './lib/cpu-profile.ts';
import { caseInputs, countRequests } from './lib/request-count.ts';
import { appFiles, root, stageAndBuild } from './lib/stage-build.ts';

const args = new Set(process.argv.slice(2));
const PAIRS = Number(process.env.BENCH_PAIRS ?? 61);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 30);
const PLANT = plantOf(process.env.BENCH_PLANT);
const TARGET = { time: 1.05, memory: 1.05, zip: 1.15 };

const started = new Date();
const loadAtStart = loadavg()[0]!;
const progress = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
};
const every = (n: number, of: number, what: string) => (done: number) => {
  if (done % n === 0 || done === of) progress(`  ${done}/${of} ${what}`);
};

progress('building dist/');
execFileSync(process.execPath, [join(root, 'scripts/build.ts')], { cwd: root, stdio: ['ignore', 2, 2] });

// ---- 1. the deployable zip ------------------------------------------------------------------
progress('1/4 deployable zip: zapier-platform build of the app and of a minimal app (npm install each)');
const minimalDir = mkdtempSync(join(tmpdir(), 'cinnox-bench-minimal-'));
const appZip = stageAndBuild({ files: appFiles(), main: 'index.js', outDir: join(root, 'build'), quiet: true });
const floorZip = stageAndBuild({
  files: {},
  contents: {
    'index.js': `const zapier = require('zapier-platform-core');
module.exports = { version: '1.0.0', platformVersion: zapier.version, triggers: {}, creates: {}, searches: {} };
`,
  },
  main: 'index.js',
  name: 'minimal-app',
  version: '1.0.0',
  outDir: minimalDir,
  quiet: true,
});
const zipFiles = (zip: string): number =>
  Number(/(\d+)\s+files?\s*$/.exec(execFileSync('unzip', ['-l', zip], { encoding: 'utf8' }).trim())?.[1] ?? NaN);
const zip = { appFiles: zipFiles(appZip.zip), floorFiles: zipFiles(floorZip.zip) };
rmSync(minimalDir, { recursive: true, force: true });

// The unzipped zip (its own zapier-platform-core) is what every later step runs, planted regression included.
const unzipped = mkdtempSync(join(tmpdir(), 'cinnox-bench-zip-'));
execFileSync('unzip', ['-q', appZip.zip, '-d', unzipped]);
const appPath = join(unzipped, 'index.js');
const examples = loadExamples(join(root, 'dist/examples.js'));
const built = createRequire(import.meta.url)(join(root, 'dist/index.js')) as Record<
  string,
  Record<string, { display?: { label?: string } }>
>;
const COLD_ACTIONS = coldActionsOf(examples, (op) => {
  const [kind, key] = op.split('.') as [string, string];
  return built[kind]?.[key]?.display?.label ?? op;
});
const planted = PLANT ? plantIn(unzipped, PLANT, COLD_ACTIONS[0]!.op) : undefined;
if (planted) progress(`planted regression (BENCH_PLANT=${PLANT}): ${planted}`);

// ---- 2. requests per operation, on the unzipped zip ------------------------------------------
progress('2/4 CINNOX requests per operation, from the unzipped zip');
const CASE_INPUTS = caseInputs(examples);
const requests = await countRequests(appPath, examples);
/** Triggers, creates and searches in the app's definition: what core copies, scans and freezes per call. */
const OPERATION_COUNT = ((app: Record<string, object | undefined>) =>
  ['triggers', 'creates', 'searches'].reduce((n, kind) => n + Object.keys(app[kind] ?? {}).length, 0))(
  createRequire(import.meta.url)(appPath) as Record<string, object | undefined>,
);

// ---- 3. cold start --------------------------------------------------------------------------
progress(`3/4 cold start: ${PAIRS} alternating pairs of core alone and core + the app`);
const pairs = coldStartPairs(appPath, PAIRS, every(10, PAIRS, 'pairs'));

// ---- 4. one action from a cold process ------------------------------------------------------
const staged = stageProbe(unzipped);
const sidesOf = (op: string, minimalOp: string): Record<(typeof SIDE_NAMES)[number], Side> => ({
  minimal: { app: staged.minimal, op: minimalOp, input: CASE_INPUTS[op]! },
  loaded: { app: staged.app, op, input: CASE_INPUTS[op]!, env: { BENCH_SWAP: '1', BENCH_ONLY: '1' } },
  core: { app: staged.app, op, input: CASE_INPUTS[op]!, env: { BENCH_SWAP: '1' } },
  app: { app: staged.app, op, input: CASE_INPUTS[op]! },
});
/** Per round: the app's value over the minimal app's, or the app's less the swapped action's (`core`). */
const perRound = (runs: Record<string, ColdRun[]>, f: (app: ColdRun, core: ColdRun, min: ColdRun) => number) =>
  runs.app!.map((app, i) => f(app, runs.core![i]!, runs.minimal![i]!));
const actions: (ActionFigures & { op: string; own: { ms: Interval; kb: Interval } })[] = [];
for (const { op, label, minimal: minimalOp, bundles: expected } of COLD_ACTIONS) {
  progress(`4/4 one action from a cold process, ${label}: ${ROUNDS} rounds of four sides`);
  const sides = sidesOf(op, minimalOp);
  const measured = coldRounds(staged.probe, Object.values(sides), ROUNDS, every(4, ROUNDS, 'rounds'));
  const runs = Object.fromEntries(SIDE_NAMES.map((s, k) => [s, measured[k]!.runs])) as ActionFigures['runs'];
  progress(`  warm: ${WARM_CALLS} calls after the first, in one process per side`);
  const warm = Object.fromEntries(
    SIDE_NAMES.map((s) => [s, warmCall(staged.probe, sides[s], WARM_CALLS)]),
  ) as ActionFigures['warm'];
  actions.push({
    op,
    label,
    runs,
    warm,
    bundles: measured[3]!.bundles,
    swappedBundles: [...new Set([measured[1]!.bundles.join(', '), measured[2]!.bundles.join(', ')])],
    expected,
    whole: {
      wall: medianInterval(perRound(runs, (app, _, min) => app.ms / min.ms)),
      rss: medianInterval(perRound(runs, (app, _, min) => app.rssKb / min.rssKb)),
    },
    ownCpu: medianInterval(perRound(runs, (app, core) => app.firstPerformCpu - core.firstPerformCpu)),
    own: {
      ms: medianInterval(perRound(runs, (app, core) => app.firstPerform - core.firstPerform)),
      kb: medianInterval(perRound(runs, (app, core) => app.rssKb - core.rssKb)),
    },
  });
}

const profileLines = args.has('--profile')
  ? profileSides(
      staged.probe,
      COLD_ACTIONS.flatMap(({ op, minimal }): [string, Side][] => {
        const s = sidesOf(op, minimal);
        return [
          [op, s.app],
          [`${op}-minimal-action`, s.core],
          [`${op}-minimal-action-one-operation`, s.loaded],
          [`minimal-${op.split('.')[0]}`, s.minimal],
        ];
      }),
      join(root, 'build/profiles'),
      unzipped,
      WARM_CALLS,
      progress,
    )
  : [];
rmSync(unzipped, { recursive: true, force: true });

// ---- the gates ------------------------------------------------------------------------------
const ratioGate = (figure: string, interval: Interval, target: number): Gate => ({
  figure,
  pairs: interval.n,
  estimate: times(interval.estimate),
  interval: span(interval),
  target: `≤ ${target.toFixed(2)}×`,
  verdict: verdictOf(interval, target),
});
const check = (figure: string, estimate: string, target: string, ok: boolean): Gate => ({
  figure,
  estimate,
  target,
  verdict: ok ? 'met' : 'missed',
});
const zipRatio = appZip.bytes / floorZip.bytes;
const atTarget = requests.filter((r) => r.requests === r.target).length;
const gates: Gate[] = [
  ratioGate(
    'Cold start, wall time: core + the app / core alone, whole processes',
    medianInterval(pairs.map((p) => p.app.ms / p.floor.ms)),
    TARGET.time,
  ),
  ratioGate(
    "Cold start, the app's own load: requiring the app once core is loaded (in process), over core alone's whole process",
    medianInterval(pairs.map((p) => 1 + p.app.appLoadMs / p.floor.ms)),
    TARGET.time,
  ),
  ratioGate(
    'Cold start, peak RSS: core + the app / core alone',
    medianInterval(pairs.map((p) => p.app.rssKb / p.floor.rssKb)),
    TARGET.memory,
  ),
  ...actions.flatMap((a) => {
    const minimal = { ms: median(a.runs.minimal.map((r) => r.ms)), kb: median(a.runs.minimal.map((r) => r.rssKb)) };
    const ms = mapInterval(a.own.ms, (x) => 1 + x / minimal.ms);
    const kb = mapInterval(a.own.kb, (x) => 1 + x / minimal.kb);
    return [
      {
        ...ratioGate(
          `${a.label}, the action's own work, wall: its perform in the first call less the minimal action's in the whole definition, over the minimal app's whole process (${minimal.ms.toFixed(0)} ms)`,
          ms,
          TARGET.time,
        ),
        estimate: `${times(ms.estimate)} (${signed(a.own.ms.estimate)} ms)`,
        interval: `${span(ms)} (${signed(a.own.ms.low)} to ${signed(a.own.ms.high)} ms)`,
      },
      {
        ...ratioGate(
          `${a.label}, the action's own work, peak RSS: less the minimal action's in the whole definition, over the minimal app's (${(minimal.kb / 1024).toFixed(1)} MB)`,
          kb,
          TARGET.memory,
        ),
        estimate: `${times(kb.estimate)} (${signed(a.own.kb.estimate / 1024)} MB)`,
        interval: `${span(kb)} (${signed(a.own.kb.low / 1024)} to ${signed(a.own.kb.high / 1024)} MB)`,
      },
      check(
        `${a.label}: the app's bundles it loaded`,
        a.bundles.join(', '),
        `exactly ${a.expected.join(', ')}`,
        a.bundles.join() === [...a.expected].sort().join(),
      ),
      check(
        `${a.label}: the app's bundles the two swapped sides loaded`,
        a.swappedBundles.join('; '),
        'exactly index.js',
        a.swappedBundles.join() === 'index.js',
      ),
    ];
  }),
  check(
    `Deployable zip: ${(appZip.bytes / 1024).toFixed(0)} KB against a minimal app's ${(floorZip.bytes / 1024).toFixed(0)} KB`,
    times(zipRatio),
    `≤ ${TARGET.zip.toFixed(2)}×`,
    zipRatio <= TARGET.zip,
  ),
  check(
    'CINNOX requests per operation (the table below)',
    `${atTarget} of ${requests.length} at their target`,
    'all',
    atTarget === requests.length,
  ),
];

// ---- report ---------------------------------------------------------------------------------
const samples = { pairs, actions: actions.map(({ op, runs }) => ({ op, runs })) };
mkdirSync(join(root, 'build'), { recursive: true });
writeFileSync(join(root, 'build/bench-samples.json'), `${JSON.stringify(samples)}\n`);
const report = renderReport({
  started,
  minutes: (Date.now() - started.getTime()) / 60_000,
  load: { start: loadAtStart, end: loadavg()[0]! },
  plant: planted && `${planted} (BENCH_PLANT=${PLANT})`,
  pairs: PAIRS,
  rounds: ROUNDS,
  warmCalls: WARM_CALLS,
  operationCount: OPERATION_COUNT,
  gates,
  coldStart: pairs,
  zip,
  actions,
  requests,
  profileLines,
});
if (args.has('--write')) {
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.md'), report);
  progress('wrote bench/results.md');
} else {
  progress('bench/results.md left as it is (npm run bench -- --write to record this run)');
}
console.log(report);
const missed = gates.filter((g) => g.verdict === 'missed');
if (missed.length > 0) {
  console.error(`Missed (the whole interval above the target):\n${missed.map((g) => `- ${g.figure}`).join('\n')}`);
  process.exit(1);
}
