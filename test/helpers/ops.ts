/** The app's operations by key, each run through appTester (the tests that drive several operations alike). */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { App } from './app';

export type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

type Ops = Record<string, { operation: { perform: unknown } }>;
export const createPerform = (key: string): Perform =>
  (App.creates as unknown as Ops)[key]!.operation.perform as Perform;
export const searchPerform = (key: string): Perform =>
  (App.searches as unknown as Ops)[key]!.operation.perform as Perform;
export const triggerPerform = (key: string): Perform =>
  (App.triggers as unknown as Ops)[key]!.operation.perform as Perform;

/** Requests nock had no interceptor for (each would also fail the call), reset before each test. */
export function watchUnmatched(): { readonly list: string[] } {
  const state = { list: [] as string[] };
  const onNoMatch = (req: { method?: string; path?: string }) => state.list.push(`${req.method} ${req.path}`);
  beforeEach(() => {
    state.list = [];
    nock.emitter.on('no match', onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
  });
  return state;
}
