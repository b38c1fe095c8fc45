// Produces the deployable zip (build/build.zip): the esbuild bundle (dist/index.js, with zod and
// libphonenumber-js inlined and tree-shaken) staged as index.js with a production install of
// zapier-platform-core. It must be the root index.js: the CLI's dependency detection starts from
// zapierwrapper.js and index.js only, and would leave a bundle elsewhere (dist/index.js) out of the zip.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { appFiles, root, stageAndBuild } from './lib/stage-build.ts';

execFileSync(process.execPath, [join(root, 'scripts/build.ts')], { cwd: root, stdio: 'inherit' });
const { zip, bytes } = stageAndBuild({ files: appFiles(), main: 'index.js', outDir: join(root, 'build') });
console.log(`Deployable zip: ${zip} (${Math.round(bytes / 1024)} KB)`);
