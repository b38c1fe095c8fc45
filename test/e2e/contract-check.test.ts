/**
 * The contract check (`npm run check:account`, and `npm start` with CINNOX_* set) against sandboxes started for
 * it: the normal one, and one per `--break` mode, so each verdict is seen to change. The built app
 * (dist/index.js, built by `npm test` first) runs in the check's own process, as the tour does.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { ASSUMPTIONS } from '../../scripts/lib/contract-judges';

const root = join(__dirname, '../..');

interface Step {
  name: string;
  outcome: 'passed' | 'failed' | 'sample' | 'skipped';
  result: string;
  findings: { id: string; verdict: string; evidence: string }[];
  requests: { request: string; status?: number }[];
}
interface Assumption {
  id: string;
  verdict: string;
  evidence: string;
}
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  report?: { steps: Step[]; assumptions: Assumption[] };
}

/**
 * Runs `script` (default the check) with exactly `vars` of the account and probe variables, --json (a developer's
 * own are never there: test/developer-env.ts).
 */
function check(vars: Record<string, string>, script = 'scripts/contract-check.ts', ...args: string[]): Promise<Run> {
  const env = { ...process.env, ...vars };
  const child = spawn(process.execPath, [join(root, script), '--json', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  return new Promise((resolve) =>
    child.on('close', (status) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      resolve({ status, stdout, stderr, report: last.startsWith('{') ? JSON.parse(last) : undefined });
    }),
  );
}

interface Sandbox {
  vars: Record<string, string>;
  requests(): Promise<{ method: string; path: string }[]>;
  stop(): void;
}
async function sandbox(...args: string[]): Promise<Sandbox> {
  const server: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(root, 'sandbox/server.ts'), '--port', '0', '--quiet', '--stdin-lifeline', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], env: process.env },
  );
  const info = await new Promise<{ baseUrl: string; appId: string; appToken: string }>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString().split('\n')[0]!)));
    server.once('exit', () => reject(new Error('the sandbox exited')));
  });
  return {
    vars: { CINNOX_BASE_URL: info.baseUrl, CINNOX_APP_ID: info.appId, CINNOX_APP_TOKEN: info.appToken },
    requests: async () =>
      (
        (await (await fetch(`${info.baseUrl}/__admin/state`)).json()) as {
          requests: { method: string; path: string }[];
        }
      ).requests,
    stop: () => server.kill('SIGTERM'),
  };
}

const verdicts = (run: Run): Record<string, string> =>
  Object.fromEntries((run.report?.assumptions ?? []).map((a) => [a.id, a.verdict]));
const stepOf = (run: Run, name: string): Step | undefined => run.report?.steps.find((s) => s.name === name);
const assumption = (run: Run, id: string): Assumption | undefined => run.report?.assumptions.find((a) => a.id === id);
/** The lines of `text` wider than 100 columns (off a terminal the check wraps at 100). */
const wide = (text: string): string[] => text.split('\n').filter((line) => [...line].length > 100);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle
const app = require(join(root, 'dist/index.js')) as Record<
  'triggers' | 'searches',
  Record<string, { operation: { type?: string } }>
>;
const hookKeys = Object.entries(app.triggers)
  .filter(([, t]) => t.operation.type === 'hook')
  .map(([k]) => k);

describe('contract check: the account variables', () => {
  it.each([
    [{ CINNOX_APP_ID: 'a' }, 'CINNOX_BASE_URL and CINNOX_APP_TOKEN are not set (CINNOX_APP_ID is)'],
    [{ CINNOX_BASE_URL: 'https://x.example', CINNOX_APP_ID: 'a' }, 'CINNOX_APP_TOKEN is not set'],
  ])(
    'exits 2 naming the missing ones when one or two are set, from npm start too (%j)',
    async (vars, said) => {
      for (const script of ['scripts/contract-check.ts', 'scripts/tour.ts']) {
        const run = await check(vars, script);
        expect(run.status).toBe(2);
        expect((run.stderr + run.stdout).replace(/\s+/g, ' ')).toContain(said);
        // What is true: with none of the three set, npm start tours the sandbox (check:account exits 2, below).
        expect((run.stderr + run.stdout).replace(/\s+/g, ' ')).toContain(
          'With none set, npm start runs the sandbox tour instead.',
        );
        expect(wide(run.stderr + run.stdout)).toEqual([]);
        expect(run.report).toBeUndefined();
      }
    },
    30_000,
  );

  it('npm run check:account with none set exits 2 and says what to set', () => {
    const out = spawnSync(process.execPath, [join(root, 'scripts/contract-check.ts')], {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
    });
    expect(out.status).toBe(2);
    // Wrapped at 100 columns (off a terminal): every line fits.
    expect(out.stdout.split('\n').filter((line) => line.length > 100)).toEqual([]);
    expect(out.stdout.replace(/\s+/g, ' ')).toContain(
      'set CINNOX_BASE_URL, CINNOX_APP_ID, CINNOX_APP_TOKEN to the Base URL, App ID and App Token',
    );
  });
});

describe('contract check against the sandbox', () => {
  let normal: Sandbox;
  beforeAll(async () => {
    normal = await sandbox();
  });
  afterAll(() => normal.stop());

  it('a rejected token stops the run after the connection test, with its message and no passes (exit 1)', async () => {
    const run = await check({ ...normal.vars, CINNOX_APP_TOKEN: 'regenerated-token' });
    expect(run.status).toBe(1);
    expect(run.report?.steps).toEqual([
      expect.objectContaining({
        name: 'connection test',
        outcome: 'failed',
        result: expect.stringMatching(/^CINNOX did not accept the App Token \(CINNOX code 6452000/),
      }),
    ]);
    expect(run.report?.steps[0]?.result).not.toContain('What happened');
    expect(run.stderr).toContain('The connection test failed: nothing else was checked.');
    expect(wide(run.stderr)).toEqual([]);
  }, 60_000);

  it('npm start with the three set runs the check: GET requests only, samples shown as samples, the table A1… in order', async () => {
    // An inbound SMS in SMS Details, so New Inbound SMS lists one (A22); the seeded account has one ended call (A20, A21, A24).
    const sms = await fetch(`${normal.vars.CINNOX_BASE_URL}/__admin/events/sms.inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(sms.status).toBe(200);
    const before = (await normal.requests()).length;
    const run = await check(normal.vars, 'scripts/tour.ts');
    const made = (await normal.requests()).slice(before);
    expect(run.stderr).toContain('CINNOX contract check: account sandbox-app');
    expect(run.report?.steps.filter((s) => s.outcome === 'failed')).toEqual([]);
    expect(run.status).toBe(0);
    // Only GET requests reached the account; the one write the app tried was stopped before it was sent.
    expect(made.length).toBeGreaterThan(15);
    expect(made.filter((r) => r.method !== 'GET')).toEqual([]);
    const hookList = run.report?.steps.find((s) => s.name.startsWith('Event Hook List'));
    expect(hookList?.outcome).toBe('passed');
    expect(hookList?.requests.map((r) => r.request)).toEqual([
      'GET /event-hooks → 200 {code: number, result: array(0)}',
      expect.stringMatching(/^PATCH \/[a-z-]+-event-sub → not sent \(the check sends GET only\)$/),
    ]);
    // Every hook trigger's performList; those CINNOX cannot list are a sample, never a pass.
    for (const key of hookKeys) expect(stepOf(run, `trigger ${key} performList`)).toBeDefined();
    expect(stepOf(run, 'trigger contact_merged performList')).toEqual(
      expect.objectContaining({
        outcome: 'sample',
        result: expect.stringContaining('CINNOX cannot list these events'),
      }),
    );
    expect(stepOf(run, 'trigger label_created performList')?.outcome).toBe('passed');
    for (const key of Object.keys(app.searches))
      expect(run.report?.steps.some((s) => s.name.startsWith(`search ${key}`))).toBe(true);
    // Evidence is the answer's shape, never a value (the seeded contact Ann Lee, her number).
    expect(JSON.stringify(run.report?.steps.map((s) => [s.findings, s.requests]))).not.toMatch(/Ann|Lee|\+852|85291/);
    expect(run.report?.assumptions.map((a) => a.id)).toEqual(ASSUMPTIONS.map((a) => a.id));
    const v = verdicts(run);
    for (const id of ['A4', 'A5', 'A6', 'A7', 'A8', 'A13', 'A15', 'A16', 'A18', 'A19', 'A20', 'A21', 'A22', 'A24'])
      expect([id, v[id]]).toEqual([id, 'holds']);
    for (const id of ['A1', 'A2', 'A3', 'A9', 'A10', 'A11', 'A12', 'A14', 'A17', 'A23'])
      expect([id, v[id]]).toEqual([id, 'not tested read-only']);
    expect(run.report?.assumptions.find((a) => a.id === 'A1')?.evidence).toContain('send one SMS to a test number');
    expect(stepOf(run, 'hydrator callDetails')?.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'A20', verdict: 'holds' })]),
    );
    // Enquiry Closed's transcript, for the closed enquiry it listed.
    expect(stepOf(run, 'hydrator enquiryTranscript')?.outcome).toBe('passed');
    expect(stepOf(run, 'search find_contact')?.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'A7', verdict: 'holds' })]),
    );
    // Get Enquiry Transcript reads the closed enquiry New Enquiry Closed listed in the same run: A29 judged.
    expect(stepOf(run, 'search get_enquiry_transcript')).toEqual(
      expect.objectContaining({
        outcome: 'passed',
        findings: expect.arrayContaining([expect.objectContaining({ id: 'A29', verdict: 'holds' })]),
      }),
    );
    expect(v.A29).toBe('holds');
    // A28 is about enquiries that are not closed, or unknown: the hint says a read-only run does not test it.
    expect(v.A28).toBe('not tested read-only');
    expect(assumption(run, 'A28')?.evidence).toContain('the read-only run reads a closed one');
  }, 90_000);

  it('on a fresh sandbox: A22 gives its reason, and every line it prints fits 100 columns', async () => {
    const fresh = await sandbox();
    try {
      const run = await check(fresh.vars);
      expect(run.status).toBe(0);
      // New Inbound SMS read SMS Details, which had no SMS yet: that is the reason, not "no step exercised it".
      expect(assumption(run, 'A22')).toEqual(
        expect.objectContaining({
          verdict: 'cannot tell',
          evidence: expect.stringContaining(
            'SMS Details answered 6451011 "No records found": no SMS in the last 7 days',
          ),
          steps: expect.arrayContaining(['trigger inbound_sms_received performList']),
        }),
      );
      expect(JSON.stringify(run.report?.assumptions)).not.toContain('no step of this run exercised it');
      expect(run.stderr).toMatch(/^\d+ passed, 0 failed, \d+ sample, 0 skipped\.$/m);
      expect(wide(run.stderr)).toEqual([]);
    } finally {
      fresh.stop();
    }
  }, 60_000);
});

describe('contract check against the sandbox breaking an assumption on purpose: the verdict changes', () => {
  it.each([
    ['name-filter-ignored', { A7: 'does not hold' }],
    ['id-filter-ignored', { A8: 'does not hold' }],
    ['no-event-hook-list', { A13: 'does not hold' }],
    ['unknown-list-envelope', { A15: 'does not hold' }],
    ['bare-list-envelope', { A15: 'holds', A16: 'cannot tell' }],
    ['report-window-rejected', { A6: 'does not hold' }],
    ['call-filter-ignored', { A20: 'does not hold', A21: 'holds', A24: 'holds' }],
    ['reports-oldest-first', { A30: 'does not hold', A6: 'holds', A24: 'holds' }],
  ])(
    '--break %s',
    async (mode, expected) => {
      const broken = await sandbox('--break', mode);
      try {
        if (mode === 'call-filter-ignored')
          // A second, newer call: the details of the older one are asked for, and the newest is answered.
          for (const kind of ['call.started', 'call.ended']) {
            const made = await fetch(`${broken.vars.CINNOX_BASE_URL}/__admin/events/${kind}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{}',
            });
            expect(made.status).toBe(200);
          }
        const run = await check(broken.vars);
        expect(run.report).toBeDefined();
        const v = verdicts(run);
        expect(Object.fromEntries(Object.keys(expected).map((id) => [id, v[id]]))).toEqual(expected);
        // Every other assumption a read-only run tests still holds (or, where the break hides it, cannot tell).
        expect(run.status).toBe(Object.values(expected).includes('does not hold') ? 1 : 0);
        if (mode === 'call-filter-ignored')
          expect(stepOf(run, 'hydrator callDetails')).toEqual(
            expect.objectContaining({
              outcome: 'failed',
              findings: expect.arrayContaining([expect.objectContaining({ id: 'A20', verdict: 'does not hold' })]),
            }),
          );
        if (mode === 'report-window-rejected') {
          // The enquiry triggers' Test Trigger fell back to the sample: shown as such, never as a pass.
          expect(stepOf(run, 'trigger enquiry_opened performList')).toEqual(
            expect.objectContaining({
              outcome: 'sample',
              result: expect.stringMatching(
                /^CINNOX could not list recent records for enquiry_opened: CINNOX refused the request's parameters.*6451000/,
              ),
            }),
          );
          // No enquiry was listed to take a case number from: Find Enquiry is skipped, saying why and how.
          expect(stepOf(run, 'search find_enquiry')).toEqual(
            expect.objectContaining({
              outcome: 'skipped',
              result: expect.stringContaining('Run with CINNOX_CHECK_CASE_NUMBER set to the case number'),
            }),
          );
          expect(v.A5).toBe('cannot tell');
          expect(run.stderr).toMatch(/\n {2}sample {3}trigger enquiry_opened performList/);
          // No closed enquiry either: the transcript is skipped, and A29's hint names the variable that runs it.
          expect(stepOf(run, 'search get_enquiry_transcript')).toEqual(
            expect.objectContaining({
              outcome: 'skipped',
              result: expect.stringContaining('Run with CINNOX_CHECK_CASE_NUMBER set to the case number'),
            }),
          );
          expect(assumption(run, 'A29')).toEqual(
            expect.objectContaining({
              verdict: 'not tested read-only',
              evidence: expect.stringContaining('run with CINNOX_CHECK_CASE_NUMBER set'),
            }),
          );
          // SMS Details was read and refused: that is A22's reason.
          expect(assumption(run, 'A22')?.evidence).toContain('SMS Details answered an error, not a list');
          // With the variable set to the closed enquiry's case number, the transcript runs on it (A29); Find Enquiry's
          // read carries the report window this break refuses, so it fails and cannot tell A5.
          const named = await check({ ...broken.vars, CINNOX_CHECK_CASE_NUMBER: '1001' });
          expect(stepOf(named, 'search get_enquiry_transcript')?.outcome).toBe('passed');
          expect(stepOf(named, 'search find_enquiry')).toEqual(
            expect.objectContaining({
              outcome: 'failed',
              result: expect.stringContaining('CINNOX code 6451000: invalid query: (startAt), (endAt)'),
            }),
          );
          expect(verdicts(named)).toEqual(
            expect.objectContaining({ A5: 'cannot tell', A6: 'does not hold', A29: 'holds' }),
          );
        }
      } finally {
        broken.stop();
      }
    },
    60_000,
  );
});
