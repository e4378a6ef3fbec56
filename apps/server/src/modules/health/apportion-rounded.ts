/**
 * Rounds each value to `decimals` places so that the rounded values add up exactly (in units of
 * 10^-decimals) to `total`, by default the rounded sum. Largest remainder method: every value moves
 * to its floor or ceiling, ties go to the earlier index, so the result is deterministic.
 */
export function apportionRounded(values: readonly number[], decimals = 1, total?: number): number[] {
  const scale = 10 ** decimals;
  const units = values.map((value) => value * scale);
  // The nudge keeps 0.15 * 10 = 1.4999999999999998 from flooring to 1.
  const floors = units.map((unit) => Math.floor(unit + 1e-9));
  const target = Math.round((total ?? units.reduce((sum, unit) => sum + unit, 0) / scale) * scale + 1e-9);
  let missing = target - floors.reduce((sum, floor) => sum + floor, 0);
  const order = units
    .map((unit, index) => ({ index, remainder: unit - (floors[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const result = [...floors];
  // With the default total `missing` lies in [0, n]; a caller's total may be off by a unit either way.
  for (let step = 0; missing !== 0 && order.length > 0; step += 1) {
    const delta = missing > 0 ? 1 : -1;
    const entry = missing > 0 ? order[step % order.length] : order[order.length - 1 - (step % order.length)];
    if (!entry) break;
    result[entry.index] = (result[entry.index] ?? 0) + delta;
    missing -= delta;
  }
  return result.map((unit) => unit / scale);
}

/** Rounds to `decimals` places, half away from zero, the way scores are shown. */
export function roundTo(value: number, decimals = 1): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9)) / scale;
}
