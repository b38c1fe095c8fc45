// Reads a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it): where the sampled time went, by
// the file it ran in (the app's bundles, each package, Node's internals, V8's own: GC, compiling).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

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
