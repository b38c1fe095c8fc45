import nock from 'nock';
import { forgetDeveloperVariables } from './developer-env';

// No test depends on a developer's CINNOX_*, SANDBOX_* or authData_* variables (test/developer-env.ts).
forgetDeveloperVariables();

// No test reaches the network: every CINNOX call must be matched by a nock interceptor.
nock.disableNetConnect();

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) {
    throw new Error(`Unused nock interceptors (a request the test expected was never sent): ${pending.join(', ')}`);
  }
});

// Jest gives every test file its own nock but shares Node's http module within a worker:
// restore the patch so the next file's nock is the one that intercepts.
afterAll(() => {
  nock.restore();
});

// The app's log lines (z.console: what Zapier's logs show, e.g. "sending it once more" after a reset read) are part
// of the paths tests drive on purpose; a passing run prints none of them. A test that asserts a line reads
// `jest.mocked(console.log).mock.calls` (the spy lasts the whole test file, concurrent and beforeAll cases included).
jest.spyOn(console, 'log').mockImplementation(() => undefined);
