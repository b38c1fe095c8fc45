/**
 * Trying things by hand: `npm run sandbox:event` finds a sandbox started with `--port 0` by the address it
 * left, and prints each delivery's outcome; `npm run sandbox:watch` subscribes through the built app's
 * performSubscribe, prints the items perform makes, and unsubscribes on Ctrl-C. Needs `npm run build` first.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Resolves with everything `child` printed on stdout once it matches `pattern`. */
function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${out}`)), timeoutMs);
    const look = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}: ${out}`));
    });
  });
}

describe('sandbox:event and sandbox:watch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cinnox-watch-'));
  const addressFile = join(dir, 'sandbox.json');
  // The address file a developer's `npm run sandbox` would use is left alone: this sandbox leaves its own.
  const env = { ...process.env, SANDBOX_ADDRESS_FILE: addressFile };
  let sandbox: ChildProcessWithoutNullStreams;
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = spawn(
      process.execPath,
      [join(root, 'sandbox/server.ts'), '--port', '0', '--quiet', '--stdin-lifeline', '--address-file', addressFile],
      { stdio: ['pipe', 'pipe', 'pipe'], env },
    );
    const line = await waitForOutput(sandbox, /\n/);
    baseUrl = (JSON.parse(line.split('\n')[0]!) as { baseUrl: string }).baseUrl;
  });

  afterAll(async () => {
    const exited = new Promise((resolve) => sandbox.once('exit', resolve));
    sandbox.kill('SIGTERM');
    await exited;
    expect(existsSync(addressFile)).toBe(false); // removed when it stops
    rmSync(dir, { recursive: true, force: true });
  });

  it('the sandbox leaves its address where the commands look', () => {
    expect(JSON.parse(readFileSync(addressFile, 'utf8'))).toEqual(
      expect.objectContaining({ baseUrl, pid: sandbox.pid, appId: 'sandbox-app' }),
    );
  });

  it('sandbox:event says when no sandbox answers, and how to start one', () => {
    const out = spawnSync(process.execPath, [join(root, 'sandbox/event.ts'), 'label.created'], {
      cwd: root,
      env: { ...env, CINNOX_SANDBOX_URL: 'http://127.0.0.1:9' },
      encoding: 'utf8',
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(
      'no sandbox answers at http://127.0.0.1:9 (from CINNOX_SANDBOX_URL): start one with `npm run sandbox`, or set CINNOX_SANDBOX_URL to its address',
    );
  });

  it('watches a trigger through the built app: subscribe, an event, its item, Ctrl-C unsubscribes', async () => {
    const watch = spawn(process.execPath, [join(root, 'scripts/watch.ts'), 'label_created'], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => watch.once('exit', resolve));
    try {
      const started = await waitForOutput(watch, /Ctrl-C unsubscribes and stops\./);
      expect(started).toContain(`Watching New Label (label_created) on the sandbox at ${baseUrl}`);
      expect(started).toContain('Make one happen: npm run sandbox:event -- label.created');

      const event = spawnSync(
        process.execPath,
        [join(root, 'sandbox/event.ts'), 'label.created', '{"name":"Gold","colorCode":"#FFB300"}'],
        { cwd: root, env, encoding: 'utf8', timeout: 30_000 },
      );
      expect(event.stderr).toBe('');
      expect(event.status).toBe(0);
      expect(event.stdout).toContain(`label.created: event evt-1 in the sandbox at ${baseUrl}`);
      expect(event.stdout).toMatch(
        /^label-event-sub → http:\/\/127\.0\.0\.1:\d+\/hooks\/label_created: delivered \(HTTP 200; 1 attempt\)$/m,
      );
      expect(event.stdout).not.toContain('pending');

      const item = await waitForOutput(watch, /item: .*"name":"Gold"/);
      expect(item).toMatch(/item: \{"eventId":"[^"]+:create:[^"]+","status":"create",.*"colorCode":"#FFB300"[,}]/);

      watch.kill('SIGINT');
      expect(await exited).toBe(130);
      const state = (await (await fetch(`${baseUrl}/__admin/state`)).json()) as {
        subscriptions: Record<string, { enabled: boolean }>;
      };
      expect(state.subscriptions['label-event-sub']?.enabled).toBe(false);
    } finally {
      watch.kill('SIGKILL');
    }
  }, 90_000);

  it('sandbox:watch names the instant triggers when given another key', () => {
    const out = spawnSync(process.execPath, [join(root, 'scripts/watch.ts'), 'staff_list'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('"staff_list" is not an instant trigger of the app.');
    // In the app's order (by key), and only the hook triggers: not the drop-down staff_list.
    expect(out.stderr).toMatch(
      /instant triggers: call_ended, call_started, contact_created, .*label_deleted, .*staff_edited\n/,
    );
    expect(out.stderr.split('instant triggers:')[1]).not.toContain('staff_list');
  });
});
