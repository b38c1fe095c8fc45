// The cold start: a fresh Node process that loads zapier-platform-core and then the app, against one that loads
// core alone (the floor), both from the unzipped deployable zip (its own core). Alternating pairs: even pairs run
// the floor first, odd pairs the app first. Each process: wall time measured from outside, its peak RSS and CPU
// time, and, in the app's, how long requiring the app took once core was loaded (the app's own share of the start,
// free of the noise of core's much longer load).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export interface Sample {
  ms: number;
  rssKb: number;
  /** User and system CPU time of the process, all its threads (shown beside the wall time, not gated). */
  cpuMs: number;
  /** In the process: ms to require the app once core is loaded (0 for the floor). */
  appLoadMs: number;
}
export interface Pair {
  app: Sample;
  floor: Sample;
}

function coldStart(corePath: string, appPath: string | undefined): Sample {
  const probe = `require(${JSON.stringify(corePath)});
const start = performance.now();
${appPath ? `require(${JSON.stringify(appPath)});` : ''}
const appLoadMs = performance.now() - start;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(JSON.stringify({ rssKb: usage.maxRSS, cpuMs, appLoadMs }));`;
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0) throw new Error(`cold start probe failed: ${out.stderr}`);
  return { ms, ...(JSON.parse(out.stdout) as Omit<Sample, 'ms'>) };
}

/** `pairs` alternating pairs, after one untimed run of each side (the file cache). */
export function coldStartPairs(appPath: string, pairs: number, progress: (done: number) => void): Pair[] {
  const corePath = createRequire(appPath).resolve('zapier-platform-core');
  coldStart(corePath, undefined);
  coldStart(corePath, appPath);
  const out: Pair[] = [];
  for (let i = 0; i < pairs; i += 1) {
    if (i % 2 === 0) {
      const floor = coldStart(corePath, undefined);
      out.push({ floor, app: coldStart(corePath, appPath) });
    } else {
      const app = coldStart(corePath, appPath);
      out.push({ app, floor: coldStart(corePath, undefined) });
    }
    progress(i + 1);
  }
  return out;
}
