// How `npm run bench` tells a regression from the machine's noise.
//
// Each gated figure comes from pairs: the app's process and its floor's, run right after each other in an order
// that alternates, so a slow moment of the machine slows both sides of a pair. Each pair gives one value (a ratio,
// or the app's extra milliseconds or megabytes); the gate reads their median and a confidence interval of that
// median: the order statistics the binomial distribution puts around it (the sign test's interval). It assumes
// nothing about the shape of the noise and draws no random numbers, so the same samples always give the same
// interval. A gate fails only when the whole interval lies above its target: the app is then over the target by
// more than the run can blame on noise. An interval that holds the target is "within the noise": the run cannot
// tell, and does not fail.

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** P(X ≤ k) for X ~ Binomial(n, ½): the chance that k or fewer of n values fall below the true median. */
export function binomialTail(n: number, k: number): number {
  let term = Math.exp(-n * Math.LN2); // C(n, 0) / 2^n
  let sum = 0;
  for (let i = 0; i <= k; i += 1) {
    sum += term;
    term *= (n - i) / (i + 1);
  }
  return Math.min(1, sum);
}

export interface Interval {
  /** The median of the values. */
  estimate: number;
  low: number;
  high: number;
  /** How many values (pairs). */
  n: number;
  /** The interval's own confidence (at least the one asked for, unless n is too small for it). */
  confidence: number;
}

/**
 * The median of `values` and a distribution-free interval for it: the k-th smallest and k-th largest value, with
 * k the largest rank such that the chance of k − 1 or fewer values falling below the true median is at most
 * (1 − confidence) / 2. For 20 values at 95 %: the 6th and the 15th.
 */
export function medianInterval(values: readonly number[], confidence = 0.95): Interval {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let k = 1;
  while (k < n / 2 && binomialTail(n, k) <= (1 - confidence) / 2) k += 1;
  return {
    estimate: median(sorted),
    low: sorted[k - 1] ?? NaN,
    high: sorted[n - k] ?? NaN,
    n,
    confidence: 1 - 2 * binomialTail(n, k - 1),
  };
}

/** `met`: the whole interval at or under the target; `missed`: the whole interval above it; else the noise. */
export type GateVerdict = 'met' | 'within the noise' | 'missed';
export const verdictOf = (interval: Interval, target: number): GateVerdict =>
  interval.low > target ? 'missed' : interval.high <= target ? 'met' : 'within the noise';

/** Maps an interval through an increasing function (e.g. extra ms → a ratio to the floor's median). */
export const mapInterval = (i: Interval, f: (x: number) => number): Interval => ({
  ...i,
  estimate: f(i.estimate),
  low: f(i.low),
  high: f(i.high),
});
