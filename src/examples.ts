/**
 * One example input beside each operation (its module's `export const example`), the one place the scripts take
 * an operation's input from: the tour (`npm start`) runs it against a fresh sandbox, the bench and its e2e test
 * count its CINNOX requests, and the contract check (`npm run check:account`) probes a real account with a
 * search's `onAccount` input, read-only. The build bundles this module as dist/examples.js beside the app; the
 * deployable zip never ships it.
 */
import * as createModules from './creates';
import type { OperationModules } from './registry';
import * as searchModules from './searches';
import * as triggerModules from './triggers';

/** What the contract check knows when it probes an account with a search. */
export interface AccountFacts {
  /**
   * The first value of `key` among the items the check's triggers listed so far (`contactId`, `displayCaseNumber`
   * …: the triggers' output keys, not CINNOX record keys).
   */
  listed(key: string, where?: (record: Record<string, unknown>) => boolean): string | undefined;
  /** The environment (`CINNOX_CHECK_*` variables name records of the account to probe with). */
  env: Record<string, string | undefined>;
  /** A name no record is expected to have: a harmless probe that reads without finding. */
  probeName: string;
}

export interface Example {
  /** What a Zap builder fills in, valid against a fresh sandbox (`npm run sandbox`). */
  inputData: Record<string, unknown>;
  /**
   * How the contract check probes a real account with this search or drop-down, read-only: its input (or one
   * run per input of a list) from what the check listed, or why it skips it. Without it the check runs each
   * choice of a required drop-down field, else `inputData`. Creates are never run there: they write.
   */
  onAccount?: (account: AccountFacts) => Record<string, unknown> | Record<string, unknown>[] | { skip: string };
  /**
   * `npm run bench` measures this operation from a cold start against a minimal app's (its figures gate it), and
   * checks it loads exactly these files of dist/ (scripts/build.ts).
   */
  benchmark?: { bundles: string[] };
  /** The CINNOX requests its common case makes, when not one (a find-then-write action): the request count's target. */
  requests?: number;
}

/** The example inputs of an index.ts's modules, by their operations' keys: those of the modules that export one. */
function examplesOf(modules: OperationModules): Record<string, Example> {
  return Object.fromEntries(
    Object.values(modules).flatMap((module) => (module.example ? [[module.default.key, module.example]] : [])),
  );
}

/** Each create's and search's example, and each scheduled trigger's and drop-down's, by its operation's key. */
export const examples = {
  creates: examplesOf(createModules),
  searches: examplesOf(searchModules),
  triggers: examplesOf(triggerModules),
};
