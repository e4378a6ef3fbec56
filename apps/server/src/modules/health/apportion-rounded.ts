/**
 * Rounds each value to `decimals` places so that the rounded values add up exactly (in units of
 * 10^-decimals) to `total`, by default the rounded sum. Largest remainder method: every value moves
 * to its floor or ceiling, ties go to the earlier index, so the result is deterministic.
 */
export function apportionRounded(values: readonly number[], decimals = 1, total?: number): number[] {
  // Plain loops over index arrays: this runs once per scored account (100k per recompute).
  const scale = 10 ** decimals;
  const count = values.length;
  const remainders = new Array<number>(count);
  const result = new Array<number>(count);
  let unitSum = 0;
  let floorSum = 0;
  for (let i = 0; i < count; i += 1) {
    const unit = values[i]! * scale;
    // The nudge keeps 0.15 * 10 = 1.4999999999999998 from flooring to 1.
    const floor = Math.floor(unit + 1e-9);
    remainders[i] = unit - floor;
    result[i] = floor;
    unitSum += unit;
    floorSum += floor;
  }
  const target = Math.round((total ?? unitSum / scale) * scale + 1e-9);
  let missing = target - floorSum;
  const order = new Array<number>(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  order.sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  // With the default total `missing` lies in [0, n]; a caller's total may be off by a unit either way.
  for (let step = 0; missing !== 0 && count > 0; step += 1) {
    const delta = missing > 0 ? 1 : -1;
    const index = missing > 0 ? order[step % count] : order[count - 1 - (step % count)];
    if (index === undefined) break;
    result[index] = result[index]! + delta;
    missing -= delta;
  }
  for (let i = 0; i < count; i += 1) result[i] = result[i]! / scale;
  return result;
}

/** Rounds to `decimals` places, half away from zero, the way scores are shown. */
export function roundTo(value: number, decimals = 1): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9)) / scale;
}
