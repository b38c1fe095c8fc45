// `npm run bench`: the app against its floor, zapier-platform-core itself, measured in one run.
//   1. Cold start: wall time and peak RSS of a fresh Node 22 process that loads core + the built app,
//      against one that loads core alone; median of RUNS alternating runs each.
//   2. Bundle: the deployable zip (staged `zapier-platform build`) against a minimal app on the same core.
//   3. Requests per operation: each create and search, run on the built app with nock counting requests.
// Writes bench/results.md and prints it; exits 1 when a target is missed. Not part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRequests } from './lib/request-count.ts';
import { appFiles, root, stageAndBuild } from './lib/stage-build.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const TARGET = { time: 1.05, memory: 1.05, bundle: 1.15 };

execFileSync(process.execPath, [join(root, 'scripts/build.ts')], { cwd: root, stdio: 'inherit' });

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
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
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
}
const floorMs = median(floorRuns.map((r) => r.ms));
const appMs = median(appRuns.map((r) => r.ms));
const floorRss = median(floorRuns.map((r) => r.rssKb));
const appRss = median(appRuns.map((r) => r.rssKb));

// ---- 2. bundle -----------------------------------------------------------------------------
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
const unzipped = mkdtempSync(join(tmpdir(), 'cinnox-bench-zip-'));
execFileSync('unzip', ['-q', appZip.zip, '-d', unzipped]);
const requestCounts = await countRequests(join(unzipped, 'index.js'));
rmSync(unzipped, { recursive: true, force: true });

// ---- report --------------------------------------------------------------------------------
const ratio = (a: number, b: number): number => a / b;
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
const lines = [
  `# Benchmark results`,
  '',
  `Run: ${new Date().toISOString()} on Node ${process.version}, ${RUNS} alternating cold starts each; floor = zapier-platform-core alone (a minimal app for the zip).`,
  '',
  '| figure | app | floor | ratio | target | pass |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    ([f, a, b, r, t]) =>
      `| ${f} | ${a} | ${b} | ${r.toFixed(3)}× | ≤ ${t.toFixed(2)}× | ${r <= t ? 'yes' : '**no**'} |`,
  ),
  `| Files in the zip | ${appFileCount} | ${floorFiles} | ${(appFileCount / floorFiles).toFixed(3)}× | — | — |`,
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
  '',
];
const report = lines.join('\n');
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench/results.md'), report);
console.log(report);
const failed = rows.some(([, , , r, t]) => r > t) || requestCounts.some((r) => r.requests !== r.target);
if (failed) {
  console.error('A target was missed.');
  process.exit(1);
}
