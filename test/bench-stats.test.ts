/**
 * How `npm run bench` reads a gate (scripts/lib/bench-stats.ts): the median of the pairs and the sign test's
 * interval of it, the ranks of the published tables; a gate fails only when the whole interval is above the target.
 */
import { binomialTail, mapInterval, medianInterval, verdictOf } from '../scripts/lib/bench-stats';

/** 1, 2, …, n in a shuffled order (7 and n share no factor): the k-th smallest is k. */
const ranks = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7) % n) + 1);

describe('medianInterval', () => {
  it.each([
    // n, the ranks of the 95 % interval (k-th smallest, k-th largest), its own confidence
    [6, 1, 6, 0.969],
    [10, 2, 9, 0.979],
    [20, 6, 15, 0.959],
    [30, 10, 21, 0.957],
    [50, 18, 33, 0.967],
    [61, 23, 39, 0.96],
    [100, 40, 61, 0.965],
  ])('%i values: from rank %i to rank %i (confidence %f)', (n, low, high, confidence) => {
    const interval = medianInterval(ranks(n));
    expect(interval).toMatchObject({ low, high, n });
    expect(interval.confidence).toBeCloseTo(confidence, 3);
    expect(interval.estimate).toBe((n + 1) / 2);
  });

  it('is the same for the same values in any order (no random resampling)', () => {
    const values = [1.02, 0.97, 1.1, 1.04, 0.99, 1.01, 1.03, 1.06, 0.95, 1.0, 1.05, 1.02];
    expect(medianInterval([...values].reverse())).toEqual(medianInterval(values));
  });

  it('is not moved by a few wild pairs', () => {
    const steady = Array.from({ length: 27 }, (_, i) => 1 + ((i % 9) - 4) / 400);
    const interval = medianInterval([...steady, 2.5, 3.1, 0.4, 0.2]);
    expect(interval.estimate).toBeCloseTo(1, 2);
    expect(interval.high).toBeLessThan(1.01);
    expect(interval.low).toBeGreaterThan(0.99);
  });

  it('maps through an increasing function: extra milliseconds to a ratio of the floor', () => {
    const ms = medianInterval([10, 12, 14, 16, 18, 20, 22, 24, 26, 28]);
    expect(mapInterval(ms, (x) => 1 + x / 500)).toMatchObject({ estimate: 1.038, low: 1.024, high: 1.052, n: 10 });
  });
});

describe('binomialTail', () => {
  it.each([
    [5, 20, 0.0207],
    [6, 20, 0.0577],
    [22, 61, 0.0198],
    [10, 10, 1],
  ])('the chance that at most %i of %i values fall below the median: %f', (k, n, p) => {
    expect(binomialTail(n, k)).toBeCloseTo(p, 4);
  });
});

describe('a gate', () => {
  it.each([
    ['the whole interval under the target', 1.01, 1.04, 'met'],
    ['the interval ending on the target', 1.03, 1.05, 'met'],
    ['the interval holding the target', 1.03, 1.07, 'within the noise'],
    ['the interval starting on the target', 1.05, 1.08, 'within the noise'],
    ['the whole interval above the target', 1.051, 1.09, 'missed'],
  ])('%s: %f to %f against 1.05 is %s', (_what, low, high, verdict) => {
    expect(verdictOf({ estimate: (low + high) / 2, low, high, n: 61, confidence: 0.96 }, 1.05)).toBe(verdict);
  });
});
