/** MRR is always ARR / 12, rounded to the cent: one source of truth for recurring revenue. */
export function calculateMrr(arr: number): number {
  const cents = Math.round(arr * 100);
  return Math.round(cents / 12) / 100;
}

/** numeric(14,2) arrives from the drivers as a string; the API speaks numbers. */
export function parseMoney(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}
