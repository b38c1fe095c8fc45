// Runs `zapier-platform build` on a staged copy holding only what Zapier runs: the app's entry file(s),
// a package.json whose only dependency is zapier-platform-core, and a production install of it.
// (The CLI copies the working tree, node_modules included; on the dev tree that fails with EMFILE.)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** The built app's files (scripts/build.ts), staged at the zip's root: the CLI's dependency detection
 * starts from zapierwrapper.js and index.js only, so the entry must be the root index.js. */
export const appFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(root, 'dist'))
      // dist/examples.js is for the scripts (src/examples.ts): the app never requires it. The source maps
      // (dist/*.js.map) stay behind too: they serve `npm run stack` (scripts/stack.ts), not Zapier.
      .filter((f) => f.endsWith('.js') && f !== 'examples.js')
      .map((f) => [f, join(root, 'dist', f)]),
  );
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};

export interface StageOptions {
  /** staged path → source path (absolute) */
  files: Record<string, string>;
  /** staged path → file text */
  contents?: Record<string, string>;
  main: string;
  name?: string;
  version?: string;
  /** where build.zip and source.zip are copied */
  outDir: string;
  quiet?: boolean;
}

export function stageAndBuild({
  files,
  contents = {},
  main,
  name = pkg.name,
  version = pkg.version,
  outDir,
  quiet = false,
}: StageOptions): { zip: string; bytes: number } {
  // Outside the project: Node's resolution walks up parent folders and would find the dev tree.
  const stage = mkdtempSync(join(tmpdir(), 'cinnox-zapier-stage-'));
  const stdio = quiet ? 'pipe' : 'inherit';
  try {
    for (const [to, from] of Object.entries(files)) {
      mkdirSync(dirname(join(stage, to)), { recursive: true });
      cpSync(from, join(stage, to));
    }
    for (const [to, text] of Object.entries(contents)) {
      mkdirSync(dirname(join(stage, to)), { recursive: true });
      writeFileSync(join(stage, to), text);
    }
    cpSync(join(root, '.zapierapprc'), join(stage, '.zapierapprc'));
    writeFileSync(join(stage, '.gitignore'), 'node_modules/\nbuild/\n');
    writeFileSync(
      join(stage, 'package.json'),
      JSON.stringify(
        {
          name,
          version,
          main,
          private: true,
          engines: pkg.engines,
          dependencies: { 'zapier-platform-core': pkg.dependencies['zapier-platform-core'] },
        },
        null,
        2,
      ),
    );
    const env = { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` };
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: stage,
      stdio,
      env,
    });
    execFileSync(
      join(root, 'node_modules/.bin/zapier-platform'),
      ['build', '--skip-validation', '--skip-npm-install'],
      { cwd: stage, stdio, env },
    );
    mkdirSync(outDir, { recursive: true });
    const zip = join(outDir, 'build.zip');
    cpSync(join(stage, 'build/build.zip'), zip);
    // `zapier-platform upload` sends both.
    cpSync(join(stage, 'build/source.zip'), join(outDir, 'source.zip'));
    return { zip, bytes: statSync(zip).size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
