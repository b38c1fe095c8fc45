/**
 * The `npm start` tour, run against a sandbox started for it: the built app (dist/index.js, built by
 * `npm test` first) driven through zapier-platform-core over real HTTP. Separate from the unit tests'
 * nock world (jest.e2e.config.js): it spawns the tour as its own process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface Step {
  operation: string;
  ok: boolean;
  result: string;
}
const root = join(__dirname, '../..');

function tour(...args: string[]): { status: number | null; steps: Step[]; stderr: string } {
  const env = { ...process.env };
  delete env.CINNOX_BASE_URL; // the sandbox, never a real account, in tests
  const out = spawnSync(process.execPath, [join(root, 'scripts/tour.mjs'), '--json', ...args], { cwd: root, encoding: 'utf8', env, timeout: 120_000 });
  const lastLine = out.stdout.trim().split('\n').pop() ?? '[]';
  return { status: out.status, steps: JSON.parse(lastLine) as Step[], stderr: out.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle
const app = require(join(root, 'dist/index.js')) as Record<'triggers' | 'creates' | 'searches', Record<string, { operation: { type?: string } }>>;

describe('npm start tour', () => {
  it('passes every step: connection, all 13 triggers, every create, search and drop-down', () => {
    const { status, steps, stderr } = tour();
    const failed = steps.filter((s) => !s.ok);
    expect(failed).toEqual([]);
    expect(status).toBe(0);
    const names = steps.map((s) => s.operation);
    const hooks = Object.entries(app.triggers).filter(([, t]) => t.operation.type === 'hook').map(([k]) => `trigger ${k}`);
    expect(hooks).toHaveLength(13);
    expect(names).toEqual(expect.arrayContaining(['connection test', ...hooks]));
    for (const key of Object.keys(app.creates)) expect(names).toContain(`create ${key}`);
    for (const key of Object.keys(app.searches)) expect(names.some((n) => n.startsWith(`search ${key}`))).toBe(true);
    expect(stderr).toMatch(/\d+ passed, 0 failed/);
  }, 120_000);

  it('fails, with exit status 1, when a step fails (a regenerated App Token)', () => {
    const { status, steps } = tour('--app-token', 'regenerated-token');
    expect(status).toBe(1);
    const connection = steps.find((s) => s.operation === 'connection test');
    expect(connection?.ok).toBe(false);
    expect(connection?.result).toMatch(/CINNOX no longer accepts this connection's App Token \(CINNOX code 6452000/);
    expect(steps.filter((s) => s.ok)).toEqual([]);
  }, 120_000);
});
