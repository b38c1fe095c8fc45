/**
 * What a developer's machine may hold for their own runs, which no test may depend on: the README's `.env` lines
 * for `zapier-platform invoke` (`authData_*`, which the CLI also takes from the environment), an account for the
 * contract check (`CINNOX_BASE_URL`, `CINNOX_APP_ID`, `CINNOX_APP_TOKEN`, `CINNOX_CHECK_*`), the app's call budget
 * (`CINNOX_CALL_BUDGET_MS`), and the sandbox's address and settings (`CINNOX_SANDBOX_URL`, `SANDBOX_*`).
 *
 * Every jest run starts as on the worst such machine: test/hostile-env.ts (the configs' globalSetup) sets each of
 * them, pointing nowhere (`HOSTILE`). Each test file forgets them (test/setup.ts, test/e2e/setup.ts), so a test sees
 * only what it sets itself; and a process it starts is given that environment (`env: process.env`, or a copy with
 * what the test adds): jest hands each test file a copy of `process.env`, and a process started without `env` would
 * get the run's own, the developer's. A test that forgot either would fail on every machine, not only on a
 * developer's. `.env` is read by `zapier-platform invoke` alone, from its working folder: the e2e test runs it in a
 * folder of its own, with the README's `.env` there (test/e2e/tour.test.ts).
 */
export const DEVELOPER_VARIABLE = /^(CINNOX_|SANDBOX_|authData_)/;

/** Each of them set, pointing nowhere or at the wrong thing: a test that reads one fails. */
export const HOSTILE: Record<string, string> = {
  CINNOX_BASE_URL: 'http://127.0.0.1:9',
  CINNOX_APP_ID: 'developer-app',
  CINNOX_APP_TOKEN: 'developer-token',
  CINNOX_CHECK_CASE_NUMBER: 'developer-case',
  CINNOX_CHECK_CONTACT_NAME: 'Developer Contact',
  CINNOX_CALL_BUDGET_MS: '1',
  CINNOX_SANDBOX_URL: 'http://127.0.0.1:9',
  SANDBOX_APP_TOKEN: 'developer-token',
  SANDBOX_RATE_LIMIT: '1',
  SANDBOX_BREAK: 'name-filter-ignored',
  SANDBOX_ADDRESS_FILE: '/nonexistent/cinnox-sandbox.json',
  authData_appId: 'developer-app',
  authData_appToken: 'developer-token',
  authData_baseUrl: 'http://127.0.0.1:9',
};

/** Removes every developer variable from `env` (process.env by default). */
export function forgetDeveloperVariables(env: Record<string, string | undefined> = process.env): void {
  for (const name of Object.keys(env)) if (DEVELOPER_VARIABLE.test(name)) delete env[name];
}
