#!/usr/bin/env node
// `npm run sandbox` (node sandbox/server.ts [--port N] …): a local CINNOX Open API for the Zapier app.
// Prints ONE JSON line on stdout once listening:
//   {"sandbox":"cinnox","baseUrl":"http://127.0.0.1:4010","apiRoot":"…/v1/api/apps/sandbox-app","adminUrl":"…/__admin",
//    "appId":"sandbox-app","appToken":"sandbox-token","port":4010,"pid":1234}
// Log lines (requests, subscriptions, deliveries) go to stderr; --quiet silences them. SIGINT / SIGTERM stop it.
import process from 'node:process';
import { createSandbox } from './app.ts';
import { removeAddress, writeAddress } from './address.ts';
import { BREAKS, ConfigError, USAGE, parseConfig } from './config.ts';

let parsed: ReturnType<typeof parseConfig>;
try {
  parsed = parseConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`sandbox: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const { config } = parsed;
const sandbox = createSandbox(config);

// Signal handlers first, so a Ctrl-C right after the start-up line is already handled.
let stopping = false;
async function stop(why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (!config.quiet) process.stderr.write(`sandbox: stopping (${why})\n`);
  if (config.addressFile) removeAddress(config.addressFile);
  const forced = setTimeout(() => process.exit(0), 2000);
  forced.unref();
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
if (config.stdinLifeline) {
  process.stdin.on('end', () => void stop('stdin closed'));
  process.stdin.on('error', () => void stop('stdin closed'));
  process.stdin.resume();
}

let info: Awaited<ReturnType<typeof sandbox.listen>>;
try {
  info = await sandbox.listen();
} catch (error) {
  const err = error as Error & { code?: string };
  process.stderr.write(
    `sandbox: cannot listen on ${config.host}:${config.port} (${err.code ?? err.message})${err.code === 'EADDRINUSE' ? '; choose another with --port N, or --port 0 for any free port' : ''}\n`,
  );
  process.exit(1);
}

const startUp = { ...info, pid: process.pid };
if (config.addressFile) {
  writeAddress(config.addressFile, startUp);
  process.on('exit', () => removeAddress(config.addressFile));
}
process.stdout.write(`${JSON.stringify(startUp)}\n`);
if (!config.quiet) {
  process.stderr.write(
    [
      `CINNOX sandbox on ${info.baseUrl} (App ID ${info.appId}, App Token ${info.appToken}); admin API ${info.adminUrl}`,
      'For `zapier-platform invoke` (after `npm run build`), put these lines in .env:',
      `  authData_appId=${info.appId}`,
      `  authData_appToken=${info.appToken}`,
      `  authData_baseUrl=${info.baseUrl}`,
      ...config.breaks.map((name) => `Breaking on purpose (--break ${name}): ${BREAKS[name]}`),
      ...(config.addressFile
        ? [`Its address is in ${config.addressFile} (for npm run sandbox:event / sandbox:watch).`]
        : []),
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
}
