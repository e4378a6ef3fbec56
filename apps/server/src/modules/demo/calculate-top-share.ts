/**
 * The share of the total held by the largest `fraction` of values: 0.8 for `(arrs, 0.2)` means
 * the top 20% of accounts hold 80% of ARR (DOMAIN §3, the 80/20 rule).
 */
export function calculateTopShare(values: readonly number[], fraction: number): number {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (values.length === 0 || total === 0) return 0;
  const topCount = Math.max(1, Math.round(values.length * fraction));
  const top = [...values].sort((a, b) => b - a).slice(0, topCount);
  return top.reduce((sum, v) => sum + v, 0) / total;
}
