/**
 * `npm run stack` (scripts/stack.ts) on a stack trace thrown by the built app (dist/, built by `npm test` first):
 * the bundles keep no function names, so a frame in index.js is only readable through the source map the build
 * writes beside it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** The stack of Send SMS's perform called without a bundle, as the built app throws it. */
function builtAppTrace(): string {
  const script = `
    const app = require(${JSON.stringify(join(root, 'dist/index.js'))});
    Promise.resolve()
      .then(() => app.creates.send_sms.operation.perform(undefined, undefined))
      .catch((e) => process.stdout.write(e.stack));
  `;
  return spawnSync(process.execPath, ['-e', script], { cwd: root, env: process.env, encoding: 'utf8' }).stdout;
}

const stack = (trace: string) =>
  spawnSync(process.execPath, [join(root, 'scripts/stack.ts')], {
    cwd: root,
    env: process.env,
    input: trace,
    encoding: 'utf8',
  });

describe('npm run stack', () => {
  it("maps a frame in index.js to the line of Send SMS's perform that threw", () => {
    const trace = builtAppTrace();
    const frame = /\((\/[^)]*\/dist\/index\.js:\d+:\d+)\)/.exec(trace);
    expect(frame).not.toBeNull();
    const out = stack(trace);
    expect(out.status).toBe(0);
    const mapped = /\(src\/creates\/send-sms\.ts:(\d+):(\d+) \[index\.js:(\d+:\d+)\]\)/.exec(out.stdout);
    expect(mapped).not.toBeNull();
    expect(frame![1]).toMatch(new RegExp(`index\\.js:${mapped![3]}$`));
    const line = readFileSync(join(root, 'src/creates/send-sms.ts'), 'utf8').split('\n')[Number(mapped![1]) - 1];
    expect(line).toContain('bundle.inputData');
  });

  it("leaves frames outside the app's bundles, even in a package's index.js, and the message, as they were", () => {
    // A position the map knows: the app's own frame there is mapped, core's index.js at the same position is not.
    const position = /dist\/index\.js:(\d+:\d+)\)/.exec(builtAppTrace())![1];
    expect(stack(`    at f (/var/task/index.js:${position})`).stdout).toContain('src/creates/send-sms.ts:');
    const trace = [
      'TypeError: boom',
      '    at run (/var/task/node_modules/zapier-platform-core/src/execute.js:12:3)',
      `    at Object.<anonymous> (/var/task/node_modules/zapier-platform-core/index.js:${position})`,
    ].join('\n');
    expect(stack(trace).stdout).toBe(trace);
  });
});
