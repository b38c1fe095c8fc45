/**
 * Where a running sandbox leaves its address (sandbox/config.ts, sandbox/address.ts), so sandbox:event and
 * sandbox:watch find it. The sandbox is ESM run by Node 22: read here through a child process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const CONFIG = path.resolve(__dirname, '../../sandbox/config.ts');
const DEFAULT = path.resolve(__dirname, '../../node_modules/.cache/cinnox-sandbox.json');

/** parseConfig(argv, env).config.addressFile, as the sandbox computes it. */
function addressFileOf(argv: string[], env: Record<string, string> = {}): string {
  const script = `import { parseConfig } from ${JSON.stringify(CONFIG)};
process.stdout.write(parseConfig(${JSON.stringify(argv)}, ${JSON.stringify(env)}).config.addressFile);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: process.env });
}

describe('sandbox address file', () => {
  it('`npm run sandbox` leaves its address in node_modules/.cache/cinnox-sandbox.json, or where told', () => {
    expect(addressFileOf([])).toBe(DEFAULT);
    expect(addressFileOf([], { SANDBOX_ADDRESS_FILE: '/tmp/a.json' })).toBe('/tmp/a.json');
    expect(addressFileOf(['--address-file', '/tmp/b.json'])).toBe('/tmp/b.json');
  });

  it('a sandbox a script starts (--stdin-lifeline) leaves none unless given --address-file', () => {
    expect(addressFileOf(['--stdin-lifeline'], { SANDBOX_ADDRESS_FILE: '/tmp/a.json' })).toBe('');
    expect(addressFileOf(['--stdin-lifeline', '--address-file', '/tmp/b.json'])).toBe('/tmp/b.json');
  });
});
