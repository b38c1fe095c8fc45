// Produces the deployable zip (build/build.zip) with `zapier-platform build`.
//
// The CLI copies the working tree, node_modules included, into its build folder; with the dev tools
// installed that fails here with EMFILE. So we stage a folder with only what Zapier runs: the bundled
// app (dist/index.js, zod and libphonenumber-js inlined by esbuild), a package.json whose only
// dependency is zapier-platform-core, and a production install of it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Outside the project: Node's resolution walks up parent folders, and the CLI would pick up the dev tree.
const stage = join(tmpdir(), `cinnox-zapier-stage-${process.pid}`);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });

if (!existsSync(join(root, 'dist/index.js'))) run(process.execPath, [join(root, 'scripts/build.mjs')], root);

rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });
cpSync(join(root, 'dist/index.js'), join(stage, 'dist/index.js'));
cpSync(join(root, '.zapierapprc'), join(stage, '.zapierapprc'));
cpSync(join(root, '.gitignore'), join(stage, '.gitignore'));
writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify(
    {
      name: pkg.name,
      version: pkg.version,
      description: pkg.description,
      main: pkg.main,
      private: true,
      engines: pkg.engines,
      dependencies: { 'zapier-platform-core': pkg.dependencies['zapier-platform-core'] },
    },
    null,
    2,
  ),
);
run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], stage);
run(join(root, 'node_modules/.bin/zapier-platform'), ['build', '--skip-validation', '--skip-npm-install'], stage);

mkdirSync(join(root, 'build'), { recursive: true });
for (const name of ['build.zip', 'source.zip']) {
  if (existsSync(join(stage, 'build', name))) cpSync(join(stage, 'build', name), join(root, 'build', name));
}
const zip = join(root, 'build/build.zip');
rmSync(stage, { recursive: true, force: true });
console.log(`Deployable zip: ${zip} (${Math.round(statSync(zip).size / 1024)} KB)`);
