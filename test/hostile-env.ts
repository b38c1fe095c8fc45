/**
 * Jest's globalSetup (jest.config.ts, jest.e2e.config.ts): the run starts as on a developer's machine that has set
 * every variable of test/developer-env.ts, each pointing nowhere, so a test that does not forget them fails here
 * too. The workers inherit them; each test file's setup forgets them.
 */
import { HOSTILE } from './developer-env';

export default function hostileEnv(): void {
  Object.assign(process.env, HOSTILE);
}
