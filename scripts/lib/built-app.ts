// What the scripts use of the BUILT app (dist/index.js, or the unzipped deployable zip), loaded with
// require: the shape of an operation as zapier-platform-core's app tester runs it. One definition for the
// tour, the contract check, sandbox:watch and the benchmark.
import { createRequire } from 'node:module';
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Example } from '../../src/examples.ts';

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
  outputFields?: { key: string; type?: string }[];
}

/** An operation's example input, as dist/examples.js exports it: its type is src/examples.ts's, the one declaration. */
export type { Example };
export type Examples = Record<'creates' | 'searches' | 'triggers', Record<string, Example | undefined>>;

/** The example inputs built beside the app (dist/examples.js next to dist/index.js, or `path`). */
export function loadExamples(path: string): Examples {
  const require = createRequire(import.meta.url);
  return (require(path) as { examples: Examples }).examples;
}
