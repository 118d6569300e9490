/**
 * Sorted source ranges: flat [start, end) pairs sorted and merged into the analysis' `excluded` list, the
 * overlap query over that list, and the binary search the line and anchor tables share.
 */

/** start * 2^26 + length is exact in a double while every end is below 2^26. */
const PACK = 2 ** 26;

/** Index of the last of sorted[0 .. count) that is <= p (0 when there is none); `sorted` is ascending there. */
export function lastAtMost(sorted: number[], count: number, p: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isSortedPairs(flat: number[]): boolean {
  for (let i = 2; i < flat.length; i += 2) {
    if (flat[i] < flat[i - 2] || (flat[i] === flat[i - 2] && flat[i + 1] < flat[i - 1])) return false;
  }
  return true;
}

function maxEnd(flat: number[]): number {
  let max = 0;
  for (let i = 0; i < flat.length; i += 2) if (flat[i + 1] > max) max = flat[i + 1];
  return max;
}

function insertionSortPairs(flat: number[]): void {
  for (let i = 2; i < flat.length; i += 2) {
    const st = flat[i];
    const e = flat[i + 1];
    let j = i - 2;
    for (; j >= 0 && (flat[j] > st || (flat[j] === st && flat[j + 1] > e)); j -= 2) {
      flat[j + 2] = flat[j];
      flat[j + 3] = flat[j + 1];
    }
    flat[j + 2] = st;
    flat[j + 3] = e;
  }
}

/** A numeric typed-array sort of start * 2^26 + length: no comparator, no tuples. Every end must be below 2^26. */
function packedSortPairs(flat: number[], n: number): void {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = flat[2 * i] * PACK + (flat[2 * i + 1] - flat[2 * i]);
  keys.sort();
  for (let i = 0; i < n; i++) {
    const st = Math.floor(keys[i] / PACK);
    flat[2 * i] = st;
    flat[2 * i + 1] = st + (keys[i] - st * PACK);
  }
}

function tupleSortPairs(flat: number[], n: number): void {
  const tuples: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) tuples.push([flat[2 * i], flat[2 * i + 1]]);
  tuples.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = tuples[i][0];
    flat[2 * i + 1] = tuples[i][1];
  }
}

/** Sort flat [start, end) pairs in place by start, then end. */
export function sortPairs(flat: number[]): void {
  if (isSortedPairs(flat)) return;
  const n = flat.length >> 1;
  if (n <= 16) insertionSortPairs(flat);
  else if (maxEnd(flat) < PACK) packedSortPairs(flat, n);
  else tupleSortPairs(flat, n);
}

/** Sort flat [start, end) pairs and merge overlapping or touching ones. */
export function mergeRanges(flat: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (flat.length < 2) return out;
  sortPairs(flat);
  let cs = flat[0];
  let ce = flat[1];
  for (let i = 2; i < flat.length; i += 2) {
    const st = flat[i];
    const e = flat[i + 1];
    if (st <= ce) {
      if (e > ce) ce = e;
    } else {
      out.push([cs, ce]);
      cs = st;
      ce = e;
    }
  }
  out.push([cs, ce]);
  return out;
}

/** Whether `[start, end)` (or the offset `start` when empty) overlaps one of the sorted, disjoint ranges. */
export function overlapsRange(ranges: Array<[number, number]>, start: number, end: number): boolean {
  return overlapAt(ranges, start, firstStartingAtOrAfter(ranges, end > start ? end : start + 1, 0, ranges.length));
}

/** Given the index of the first range starting at or after the query's end, whether the one before it (disjoint and sorted: the furthest-reaching of those) reaches in. */
const overlapAt = (ranges: Array<[number, number]>, start: number, after: number): boolean => after > 0 && ranges[after - 1][1] > start;

function firstStartingAtOrAfter(ranges: Array<[number, number]>, stop: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] < stop) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `overlapsRange` for one list of ranges asked about again and again, mostly in increasing order (the rules sweep the
 * text): each answer starts from where the last one ended, a step or two, and searches only when the query jumps.
 */
export function rangeTester(ranges: Array<[number, number]>): (start: number, end: number) => boolean {
  let after = 0;
  return (start, end) => {
    const stop = end > start ? end : start + 1;
    if (after > 0 && ranges[after - 1][0] >= stop) after = firstStartingAtOrAfter(ranges, stop, 0, after);
    else {
      let steps = 0;
      while (after < ranges.length && ranges[after][0] < stop) {
        after++;
        if (++steps > 8) {
          after = firstStartingAtOrAfter(ranges, stop, after, ranges.length);
          break;
        }
      }
    }
    return overlapAt(ranges, start, after);
  };
}
