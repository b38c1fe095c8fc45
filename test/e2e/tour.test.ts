/**
 * The `npm start` tour, run against a sandbox started for it: the built app (dist/index.js, built by
 * `npm test` first) driven through zapier-platform-core over real HTTP. Separate from the unit tests'
 * nock world (jest.e2e.config.ts): it spawns the tour as its own process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE } from '../developer-env';

interface Step {
  operation: string;
  label: string;
  ok: boolean;
  result: string;
}
const root = join(__dirname, '../..');

function tour(...args: string[]): { status: number | null; steps: Step[]; stderr: string };
function tour(
  options: { env: Record<string, string> },
  ...args: string[]
): { status: number | null; steps: Step[]; stderr: string };
function tour(...all: unknown[]): { status: number | null; steps: Step[]; stderr: string } {
  const options = typeof all[0] === 'object' ? (all.shift() as { env: Record<string, string> }) : { env: {} };
  const args = all as string[];
  // The sandbox, never a real account: no CINNOX_* is set (test/developer-env.ts; any of the three would run the
  // contract check instead, contract-check.test.ts).
  const out = spawnSync(process.execPath, [join(root, 'scripts/tour.ts'), '--json', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  // stdout is the JSON alone (the lines go to stderr), so `npm start --silent -- --json` pipes into a JSON reader.
  return { status: out.status, steps: JSON.parse(out.stdout || '[]') as Step[], stderr: out.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle
const app = require(join(root, 'dist/index.js')) as Record<
  'triggers' | 'creates' | 'searches',
  Record<string, { operation: { type?: string }; display: { hidden?: boolean } }>
>;

describe('npm start tour', () => {
  it('passes every step: connection, all 22 instant triggers, every create, search, drop-down and scheduled trigger', () => {
    const { status, steps, stderr } = tour();
    const failed = steps.filter((s) => !s.ok);
    expect(failed).toEqual([]);
    expect(status).toBe(0);
    const names = steps.map((s) => s.operation);
    const hooks = Object.entries(app.triggers)
      .filter(([, t]) => t.operation.type === 'hook')
      .map(([k]) => `trigger ${k}`);
    expect(hooks).toHaveLength(22);
    expect(names).toEqual(expect.arrayContaining(['connection test', ...hooks]));
    for (const [key, t] of Object.entries(app.triggers).filter(([, t]) => t.operation.type !== 'hook'))
      expect(names).toContain(`${t.display.hidden ? 'drop-down' : 'trigger'} ${key}`);
    for (const key of Object.keys(app.creates)) expect(names).toContain(`create ${key}`);
    for (const key of Object.keys(app.searches)) expect(names.some((n) => n.startsWith(`search ${key}`))).toBe(true);
    expect(stderr).toMatch(/\d+ passed, 0 failed/);
    // Labels Zap builders know, beside the keys, each result once (no table repeating them).
    expect(steps.find((s) => s.operation === 'trigger contact_created')?.label).toBe('New External Contact');
    expect(steps.find((s) => s.operation === 'search find_numbers')?.label).toBe('Get Number List');
    expect(stderr).toMatch(/^ {2}ok {4}New External Contact · trigger contact_created +\d+ ms$/m);
    expect(stderr.match(/trigger contact_created/g)).toHaveLength(1);
    // Each result shows the first values of the operation's sample keys (its `id` aside).
    expect(steps.find((s) => s.operation === 'trigger contact_created')?.result).toMatch(
      /^status=create name=.+ contactId=\w+; performList \d+$/,
    );
    // A step that outputs a file shows its name and first lines, the file its hydrator stashed.
    expect(steps.find((s) => s.operation === 'trigger enquiry_closed')?.result).toMatch(
      /; transcriptFile enquiry-\d+\.txt: "CINNOX enquiry transcript \(times in UTC\) \/ Display Case Number: \d+ \/ /,
    );
    expect(steps.find((s) => s.operation === 'search get_enquiry_transcript')?.result).toMatch(
      /; transcript_file enquiry-1001\.txt: "CINNOX enquiry transcript \(times in UTC\) \/ Enquiry ID or Display Case Number: 1001 \/ /,
    );
    // What the run proves, first; the one-URL refusal as the Zap builder reads it.
    expect(stderr.split('\n')[0]).toBe(
      "Tests the built app against a local model of CINNOX's documented API and assumptions, not CINNOX.",
    );
    expect(stderr.replace(/\s+/g, ' ')).toContain(
      'the Zap builder reads: "This Zap was not turned on: another Zap already receives CINNOX label events',
    );
  }, 120_000);

  it('fits 100 columns when not on a terminal', () => {
    const out = spawnSync(process.execPath, [join(root, 'scripts/tour.ts')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '200' },
      timeout: 120_000,
    });
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((l) => l.length > 100)).toEqual([]);
    expect(lines.some((l) => l.length === 100)).toBe(true); // the time column ends at column 100
  }, 120_000);

  it('fails, with exit status 1, when a step fails (a regenerated App Token)', () => {
    const { status, steps } = tour('--app-token', 'regenerated-token');
    expect(status).toBe(1);
    const connection = steps.find((s) => s.operation === 'connection test');
    expect(connection?.ok).toBe(false);
    expect(connection?.result).toMatch(
      /CINNOX did not accept the App Token \(CINNOX code 6452000.*Copy it again from the CINNOX Dashboard/,
    );
    expect(steps.filter((s) => s.ok)).toEqual([]);
  }, 120_000);

  it('fails the step of a hook trigger that sandbox/event-kinds.ts has no row for, naming that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cinnox-tour-app-'));
    try {
      // The built app with one more hook trigger, under a key no sandbox event fires.
      const appFile = join(dir, 'app.js');
      writeFileSync(
        appFile,
        `const app = require(${JSON.stringify(join(root, 'dist/index.js'))});
module.exports = { ...app, triggers: { ...app.triggers, label_recoloured: app.triggers.label_edited } };\n`,
      );
      const { status, steps } = tour('--app', appFile);
      expect(status).toBe(1);
      expect(steps.filter((s) => !s.ok)).toEqual([
        expect.objectContaining({
          operation: 'trigger label_recoloured',
          result: expect.stringContaining("add its row (trigger: 'label_recoloured') to sandbox/event-kinds.ts"),
        }),
      ]);
      expect(steps.filter((s) => s.ok).length).toBeGreaterThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('Ctrl-C stops the tour and its sandbox quietly: no FAIL line, no Zapier dump, exit 130', async () => {
    // As a terminal does: SIGINT to the whole process group (the tour in its own group here).
    const child = spawn(process.execPath, [join(root, 'scripts/tour.ts')], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const sandboxUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        // Mid-tour: once a trigger step has passed, the next one is under way.
        if (m && /ok {4}New External Contact/.test(out)) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`the tour exited early: ${out}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    expect(out).toContain('SIGINT: stopping the sandbox.');
    expect(out).not.toMatch(/FAIL|What happened|socket hang up|passed, \d+ failed/);
    await expect(fetch(`${sandboxUrl}/__admin/state`)).rejects.toThrow();
  }, 60_000);

  it('zapier-platform invoke runs the creates and searches against `npm run sandbox`, as the README says', async () => {
    const server = spawn(
      process.execPath,
      [join(root, 'sandbox/server.ts'), '--port', '0', '--quiet', '--stdin-lifeline'],
      { stdio: ['pipe', 'pipe', 'pipe'], env: process.env },
    );
    // The built app in a folder of its own, with the `.env` the README has a user write: `invoke` reads `.env` from
    // its working folder (over the environment), so a developer's own `.env` in the project is never read.
    const app = mkdtempSync(join(tmpdir(), 'cinnox-invoke-'));
    try {
      const info = await new Promise<{ baseUrl: string; appId: string; appToken: string }>((resolve, reject) => {
        server.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString().split('\n')[0]!)));
        server.once('exit', () => reject(new Error('the sandbox exited')));
      });
      cpSync(join(root, 'package.json'), join(app, 'package.json'));
      for (const linked of ['dist', 'node_modules']) symlinkSync(join(root, linked), join(app, linked));
      writeFileSync(
        join(app, '.env'),
        `authData_appId=${info.appId}\nauthData_appToken=${info.appToken}\nauthData_baseUrl=${info.baseUrl}\n`,
      );
      // A developer's own authData_* (and an account's CINNOX_*) in the environment: the .env above is what counts.
      const env = {
        ...process.env,
        ...Object.fromEntries(
          Object.entries(HOSTILE).filter(([name]) => /^(authData_|CINNOX_(BASE_URL|APP_))/.test(name)),
        ),
      };
      const invoke = (...args: string[]) =>
        spawnSync(join(root, 'node_modules/.bin/zapier-platform'), ['invoke', ...args, '--non-interactive'], {
          cwd: app,
          env,
          encoding: 'utf8',
          timeout: 60_000,
        });
      const auth = invoke('auth', 'test');
      expect(auth.status).toBe(0);
      const found = invoke('search', 'find_contact', '--inputData', '{"full_name":"Ann Lee"}');
      expect(found.status).toBe(0);
      expect(found.stdout).toMatch(/"firstName": "Ann",\s+"lastName": "Lee"/);
      const sent = invoke(
        'create',
        'send_sms',
        '--inputData',
        '{"number_type":"access-numbers","sender_number":"+85230001234","recipient_numbers":["+85294667788"],"text":"Hello"}',
      );
      expect(sent.status).toBe(0);
      expect(sent.stdout).toMatch(/"encoding": "GSM-7"/);
      // Booleans and numbers go in --inputData as strings, as the README says (a JSON true crashes the CLI).
      const multipart = invoke(
        'create',
        'send_sms',
        '--inputData',
        '{"number_type":"access-numbers","sender_number":"+85230001234","recipient_numbers":["+85294667788"],"text":"Hello","allow_multipart":"true","max_parts":"2"}',
      );
      expect(multipart.status).toBe(0);
      expect(multipart.stdout).toMatch(/"parts": 1/);
      const refused = invoke(
        'create',
        'send_sms',
        '--inputData',
        '{"number_type":"access-numbers","sender_number":"+85230001234","recipient_numbers":["94667788"],"text":"Hello"}',
      );
      expect(refused.status).not.toBe(0);
      const said = `${refused.stdout}${refused.stderr}`.replace(/\s*\n\s*›\s*/g, ' '); // the CLI wraps its error lines
      expect(said).toMatch(
        /Nothing was sent to CINNOX\. Recipient Number \\?"94667788\\?" must start with \+ and the country code/,
      );
    } finally {
      server.kill('SIGTERM');
      rmSync(app, { recursive: true, force: true });
    }
  }, 120_000);
});
