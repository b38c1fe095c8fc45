// Regressions planted on purpose (`BENCH_PLANT=eager-import` or `busy-loop`), to show that the bench's gates
// catch what they are for. Planted only in the bench's unzipped copy of the deployable zip, after the zip is
// built and measured: dist/ and the zip never hold them.
//   eager-import  the app's start requires libphonenumber-js, the heaviest package the app uses (which the app
//                 otherwise loads only with its first phone number, as a slim bundle): the cold-start gates
//   busy-loop     one action's perform (the first benchmarked, Send SMS) spins before it runs until its thread
//                 has used 20 ms of CPU time (20 ms on an idle core; as much work, not as much wall time, on a busy
//                 machine): that action's own-work gate. The thread's time, not the process's: in the first call
//                 V8's compiler and GC threads are busy, and counting their time ended the spin after a few ms
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const PLANTS = ['eager-import', 'busy-loop'] as const;
export type Plant = (typeof PLANTS)[number];

/** BENCH_PLANT's value: none, or one of PLANTS. */
export function plantOf(value: string | undefined): Plant | undefined {
  if (!value) return undefined;
  const plant = PLANTS.find((p) => p === value);
  if (!plant) throw new Error(`BENCH_PLANT must be one of ${PLANTS.join(', ')}, not ${JSON.stringify(value)}`);
  return plant;
}

/** Plants `plant` in the unzipped app at `dir` (its index.js); `op` is the action the busy loop slows. */
export function plantIn(dir: string, plant: Plant, op: string): string {
  const index = join(dir, 'index.js');
  if (plant === 'eager-import') {
    const heavy = createRequire(import.meta.url).resolve('libphonenumber-js');
    writeFileSync(index, `require(${JSON.stringify(heavy)});\n${readFileSync(index, 'utf8')}`);
    return 'index.js requires libphonenumber-js (the package, with its default metadata) when it loads';
  }
  const [kind, key] = op.split('.') as [string, string];
  appendFileSync(
    index,
    `\n{ const operation = module.exports[${JSON.stringify(kind)}][${JSON.stringify(key)}].operation;
  const perform = operation.perform;
  const cpuMs = () => { const { user, system } = process.threadCpuUsage(); return (user + system) / 1000; };
  operation.perform = async (z, bundle) => { const end = cpuMs() + 20; while (cpuMs() < end); return perform(z, bundle); }; }\n`,
  );
  return `${op}'s perform spins for 20 ms of its thread's CPU time before it runs`;
}
