// Reads a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it): where the sampled time went, by
// the file it ran in (the app's bundles, each package, Node's internals, V8's own: GC, compiling).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runProbe, type Side } from './cold-action.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled ms in all. */
  totalMs: number;
  /** Self ms by where the code lives: a sibling bundle of `appDir`, node_modules/<package>, node:, (v8). */
  self: Record<string, number>;
  /** ms with a frame of the bundle anywhere on the stack (what it costs, callees included), per bundle of `appDir`. */
  inclusive: Record<string, number>;
}

const placeOf = (url: string, appDir: string): string => {
  if (!url) return '(v8: gc, compile, program)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith('node:') || !path.startsWith('/')) return '(node internals)';
  if (path.startsWith(`${appDir}/`)) return basename(path);
  return path;
};

export function summarise(file: string, appDir: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self: Record<string, number> = {};
  const inclusive: Record<string, number> = {};
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const place = placeOf(byId.get(id)!.callFrame.url, appDir);
    self[place] = (self[place] ?? 0) + ms;
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url.replace(/^file:\/\//, '');
      if (url.startsWith(`${appDir}/`) && !url.includes('/node_modules/') && !basename(url).startsWith('bench-')) {
        onStack.add(basename(url));
      }
    }
    for (const bundle of onStack) inclusive[bundle] = (inclusive[bundle] ?? 0) + ms;
  });
  return { totalMs: total, self, inclusive };
}

/**
 * `npm run bench -- --profile`: runs each side once with V8's profiler on (the probe's BENCH_PROFILE), writes its
 * load, cold-call and warm-call profiles to `dir`/<name>/ and says where the sampled time went, phase by phase.
 */
export function profileSides(
  probe: string,
  sides: readonly [name: string, side: Side][],
  dir: string,
  appDir: string,
  warmCalls: number,
  progress: (line: string) => void,
): string[] {
  rmSync(dir, { recursive: true, force: true });
  const lines = [
    '',
    '## CPU profiles',
    '',
    `Profiles in build/profiles/ (open in Chrome DevTools). Sampled ms, self time by where the code lives; the warm profile covers ${warmCalls} calls.`,
    '',
  ];
  for (const [name, side] of sides) {
    progress(`profile: ${name}`);
    const out = join(dir, name);
    mkdirSync(out, { recursive: true });
    runProbe(probe, side.app, side.op, side.input, warmCalls, [], { ...side.env, BENCH_PROFILE: out });
    for (const phase of ['load', 'cold', 'warm']) {
      const s = summarise(join(out, `${phase}.cpuprofile`), appDir);
      const top = Object.entries(s.self)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      const incl = Object.entries(s.inclusive)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      lines.push(
        `- **${name}, ${phase}** (${s.totalMs.toFixed(1)} ms): ${top}${incl ? `; with the app's bundles on the stack: ${incl}` : ''}`,
      );
    }
  }
  return lines;
}
