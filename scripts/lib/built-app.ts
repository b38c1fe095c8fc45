// What the scripts use of the BUILT app (dist/index.js, or the unzipped deployable zip), loaded with
// require: the shape of an operation as zapier-platform-core's app tester runs it. One definition for the
// tour, the contract check, sandbox:watch and the benchmark.
import { createRequire } from 'node:module';
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Any of an operation's functions, as the app tester calls it. */
export type Perform = (z: ZObject, bundle: Bundle) => unknown;

/** An operation of the built app: perform, and for hook triggers the subscription functions. */
export interface Operation {
  type?: string;
  perform: Perform;
  performList?: Perform;
  performSubscribe?: Perform;
  performUnsubscribe?: Perform;
  sample?: Record<string, unknown>;
  inputFields?: { key: string; required?: boolean; choices?: unknown }[];
}

/** An operation's example input (src/examples.ts), as dist/examples.js exports it. */
export interface Example {
  inputData: Record<string, unknown>;
  benchmark?: { bundles: string[] };
  requests?: number;
  onAccount?: (account: {
    listed(key: string, where?: (record: Record<string, unknown>) => boolean): string | undefined;
    env: Record<string, string | undefined>;
    probeName: string;
  }) => Record<string, unknown> | Record<string, unknown>[] | { skip: string };
}
export type Examples = Record<'creates' | 'searches' | 'triggers', Record<string, Example | undefined>>;

/** The example inputs built beside the app (dist/examples.js next to dist/index.js, or `path`). */
export function loadExamples(path: string): Examples {
  const require = createRequire(import.meta.url);
  return (require(path) as { examples: Examples }).examples;
}
