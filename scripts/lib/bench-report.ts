// The bench's report (bench/results.md with --write): the gates first, each with its estimate and interval, then
// the figures behind them: the cold start, one action from a cold process side by side, the requests per operation.
import { type GateVerdict, type Interval, median, medianInterval } from './bench-stats.ts';
import { type ColdRun, medianRun } from './cold-action.ts';
import { type Pair } from './cold-start.ts';
import { type RequestCount } from './request-count.ts';

/** One gate: a figure, its estimate and interval (none for a deterministic figure), its target and verdict. */
export interface Gate {
  figure: string;
  pairs?: number;
  estimate: string;
  interval?: string;
  target: string;
  verdict: GateVerdict;
}

export type SideName = 'minimal' | 'loaded' | 'core' | 'app';
export const SIDE_NAMES: readonly SideName[] = ['minimal', 'loaded', 'core', 'app'];

/** One action measured from a cold process: each side's runs round by round, its warm call, the bundles loaded. */
export interface ActionFigures {
  label: string;
  runs: Record<SideName, ColdRun[]>;
  warm: Record<SideName, number>;
  bundles: string[];
  /** What the two swapped sides loaded: the app alone (index.js), nothing of the action's. */
  swappedBundles: string[];
  expected: readonly string[];
  /** The whole process against the minimal app's, per round (printed with its target, not a gate). */
  whole: { wall: Interval; rss: Interval };
  /**
   * The main thread's CPU ms in the perform less the minimal action's, per round: shown, not a gate (a busy
   * machine raises it as it raises wall time: docs/performance.md).
   */
  ownCpu: Interval;
}

export interface Report {
  started: Date;
  minutes: number;
  load: { start: number; end: number };
  plant?: string;
  pairs: number;
  rounds: number;
  warmCalls: number;
  operationCount: number;
  gates: Gate[];
  coldStart: Pair[];
  zip: { appFiles: number; floorFiles: number };
  actions: ActionFigures[];
  requests: RequestCount[];
  profileLines: string[];
}

const SIDE_LABELS: Record<SideName, string> = {
  minimal: 'the minimal app',
  loaded: 'the minimal action in the app, its definition cut to that one operation',
  core: "the minimal action in the app's whole definition",
  app: "the app's action",
};
const VERDICT: Record<GateVerdict, string> = {
  met: 'met',
  'within the noise': 'within the noise',
  missed: '**missed**',
};
const mb = (kb: number): string => (kb / 1024).toFixed(1);
export const signed = (x: number, digits = 1): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
export const times = (x: number): string => `${x.toFixed(3)}×`;
export const span = (i: Interval, f: (x: number) => string = times): string => `${f(i.low)} to ${f(i.high)}`;

function actionLines(a: ActionFigures, warmCalls: number, operationCount: number): string[] {
  const m = Object.fromEntries(SIDE_NAMES.map((s) => [s, medianRun(a.runs[s])])) as Record<SideName, ColdRun>;
  const rows = SIDE_NAMES.map((s) => {
    const r = m[s];
    return `| ${a.label} | ${SIDE_LABELS[s]} | ${r.ms.toFixed(1)} | ${mb(r.rssKb)} | ${r.cpuMs.toFixed(1)} | ${r.loaded.toFixed(1)} + ${r.first.toFixed(1)} | ${r.firstPerform.toFixed(1)} | ${a.warm[s].toFixed(2)} |`;
  });
  const load = m.loaded.ms - m.minimal.ms;
  const core = m.core.ms - m.loaded.ms;
  const own = m.app.ms - m.core.ms;
  return [
    ...rows,
    '',
    `- ${a.label}: the whole process against the minimal app's: ${times(a.whole.wall.estimate)} wall (${span(a.whole.wall)}), ${times(a.whole.rss.estimate)} peak RSS (${span(a.whole.rss)}); target ≤ 1.05×, not a gate (docs/performance.md). Of the ${(m.app.ms - m.minimal.ms).toFixed(1)} ms: ${signed(load)} ms loading the app, its request middleware and core's per-call work on its authentication and this operation; ${signed(core)} ms zapier-platform-core's per-call copies, scans and freezing of the other ${operationCount - 1} operations and the GC and JIT work they cause; ${signed(own)} ms the rest, the action's own work. Peak RSS: ${signed((m.loaded.rssKb - m.minimal.rssKb) / 1024)} MB, ${signed((m.core.rssKb - m.loaded.rssKb) / 1024)} MB and ${signed((m.app.rssKb - m.core.rssKb) / 1024)} MB in the same order. Warm (median of ${warmCalls} calls): ${a.warm.app.toFixed(2)} ms a call, of which ${signed(a.warm.core - a.warm.loaded, 2)} ms is core's work on the larger definition. The action's own work in the main thread's CPU time (not a gate): ${signed(a.ownCpu.estimate)} ms (${signed(a.ownCpu.low)} to ${signed(a.ownCpu.high)} ms), ${times(1 + a.ownCpu.estimate / m.minimal.mainCpuMs)} of the minimal app's main thread.`,
    '',
  ];
}

export function renderReport(r: Report): string {
  const side = (of: (p: Pair) => Pair['app']) => ({
    ms: median(r.coldStart.map((p) => of(p).ms)),
    rssKb: median(r.coldStart.map((p) => of(p).rssKb)),
    cpuMs: median(r.coldStart.map((p) => of(p).cpuMs)),
  });
  const app = side((p) => p.app);
  const floor = side((p) => p.floor);
  const cpu = medianInterval(r.coldStart.map((p) => p.app.cpuMs / p.floor.cpuMs));
  return [
    '# Benchmark results',
    '',
    `Run: ${r.started.toISOString()} on Node ${process.version}, ${r.minutes.toFixed(1)} minutes; load average ${r.load.start.toFixed(2)} at the start, ${r.load.end.toFixed(2)} at the end (2 cores); ${r.pairs} pairs of cold starts, ${r.rounds} rounds of each action.`,
    ...(r.plant ? ['', `**Planted regression** (\`BENCH_PLANT\`): ${r.plant}. Not the app as it ships.`] : []),
    '',
    '## Gates',
    '',
    'A gate fails only when the whole 95 % interval of its figure lies above the target: the median of the pairs (each pair run back to back) and the sign test\'s interval of that median (docs/performance.md, "Telling a regression from noise"). An interval that holds the target is within the noise: the run cannot tell, and passes.',
    '',
    '| gate | pairs | estimate | 95 % interval | target | verdict |',
    '|---|---|---|---|---|---|',
    ...r.gates.map(
      (g) =>
        `| ${g.figure} | ${g.pairs ?? '—'} | ${g.estimate} | ${g.interval ?? '—'} | ${g.target} | ${VERDICT[g.verdict]} |`,
    ),
    '',
    '## Cold start',
    '',
    `A fresh Node process loads zapier-platform-core and the app from the unzipped deployable zip; the floor loads core alone. Medians of ${r.pairs} alternating pairs. Requiring the app, in its process: ${median(r.coldStart.map((p) => p.app.appLoadMs)).toFixed(1)} ms. CPU time (all threads, not a gate): ${times(cpu.estimate)} (${span(cpu)}).`,
    '',
    '| figure | app | floor |',
    '|---|---|---|',
    `| wall time (ms) | ${app.ms.toFixed(1)} | ${floor.ms.toFixed(1)} |`,
    `| peak RSS (MB) | ${mb(app.rssKb)} | ${mb(floor.rssKb)} |`,
    `| CPU time (ms) | ${app.cpuMs.toFixed(1)} | ${floor.cpuMs.toFixed(1)} |`,
    `| files in the zip (a minimal app's for the floor) | ${r.zip.appFiles} | ${r.zip.floorFiles} |`,
    '',
    '## One action from a cold process',
    '',
    `A fresh Node process loads nock (answering CINNOX), zapier-platform-core, an app from the unzipped deployable zip and core's app tester, runs one operation in its common case and exits. Four sides a round, in an order that changes each round (each side first, and right after each other side, equally often), ${r.rounds} rounds; medians. The minimal app's one action makes the one request (same method) and nothing else, on the same core; swapped into this app, with its definition cut to that one operation and then whole (${r.operationCount} operations), it shows what loading the app and core's per-call work on the larger definition cost; the app's action against the second is the action's own work (gated above on its perform's own time in the first call and on its peak RSS, pair by pair within each round). Wall time is the whole process, measured from outside.`,
    '',
    '| operation | side | wall (ms) | peak RSS (MB) | CPU (ms) | loading + first call (ms) | perform in the first call (ms) | warm call (ms) |',
    '|---|---|---|---|---|---|---|---|',
    ...r.actions.flatMap((a) => actionLines(a, r.warmCalls, r.operationCount)),
    '## Requests per operation',
    '',
    'Each create and search in its common case, run from the unzipped deployable zip (its own zapier-platform-core) with nock counting requests to CINNOX (target: exactly 1, or what the example of the operation declares, e.g. a search then a write; drop-downs 1 a page; hook perform 0). A row marked failed would mean the zip cannot run that operation.',
    '',
    '| operation | requests | target | pass |',
    '|---|---|---|---|',
    ...r.requests.map(
      (q) => `| ${q.operation} | ${q.requests} | ${q.target} | ${q.requests === q.target ? 'yes' : '**no**'} |`,
    ),
    ...r.profileLines,
    '',
  ].join('\n');
}
