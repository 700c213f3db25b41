/** 1-based nearest rank ⌈p/100 · n⌉ of the p-th percentile among n samples (n ≥ 1). */
export const nearestRankIndex = (n: number, p: number): number => Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));

/**
 * Nearest-rank percentile of numbers sorted ascending: the value at 1-based rank ⌈p/100 · n⌉,
 * i.e. the smallest sample with at least p % of the samples at or below it. We use it (rather
 * than interpolating) because the answer is always a time that really happened to an attendee,
 * and because it is the same on every device and in every export. One consequence worth knowing:
 * the median of an even number of samples is the lower of the two middle ones, not their mean.
 * Null when there are no samples, so an empty day shows "—" instead of NaN or 0.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRankIndex(sorted.length, p) - 1]!;
}

/** Time to first response or to resolution over a set of issues, in minutes. */
export interface DurationStats {
  /** Issues measured. */
  count: number;
  /** Nearest-rank median, rounded to 0.1 min; null when count is 0. */
  medianMinutes: number | null;
  /** Nearest-rank 90th percentile, rounded to 0.1 min; null when count is 0. */
  p90Minutes: number | null;
  /**
   * Issues left out because the response or resolution is stamped before the issue was logged:
   * two phones with clocks that disagree. Counting them as 0 min would flatter the desk, so
   * they are skipped and counted here instead.
   */
  skippedClockSkew: number;
}

/**
 * The k-th smallest (0-based) of the values, rearranging them: Hoare's quickselect with a
 * median-of-three pivot, linear on average. Gives exactly what sorting and indexing would.
 */
export function selectKth(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const pivot = medianOfThree(values[low]!, values[mid]!, values[high]!);
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
}

const medianOfThree = (a: number, b: number, c: number): number => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

const roundTenth = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** Collects durations (ms) and turns them into DurationStats. */
export class DurationSamples {
  private values: number[] = [];
  private skipped = 0;

  add(fromMs: number, toMs: number): void {
    const duration = toMs - fromMs;
    if (duration < 0) this.skipped += 1;
    else this.values.push(duration / 60_000);
  }

  stats(): DurationStats {
    const values = new Float64Array(this.values);
    const n = values.length;
    // Selecting the two ranks is linear; sorting 18,000 durations took longer than the rest of a category's figures.
    const at = (p: number) => (n === 0 ? null : selectKth(values, nearestRankIndex(n, p) - 1));
    return { count: n, medianMinutes: roundTenth(at(50)), p90Minutes: roundTenth(at(90)), skippedClockSkew: this.skipped };
  }
}
