export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

// Symbols and spaces people paste from spreadsheets: currency signs, NBSP and narrow NBSP.
const CURRENCY = /^[$¥€£￥]|[$¥€£￥]$/g;
const PLAIN = /^[+-]?\d+(\.\d+)?$/;
const COMMA_GROUPS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPS = /^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/;

/**
 * Reads a number written by a person: `1,200,000.50`, `1 200 000`, `$1,200`, `¥ 3000`.
 * Thousands separators must group by three so that a typo such as `1,20` or a European
 * `1.200,50` is an error instead of a silently wrong amount.
 */
export function parseCsvNumber(raw: string): ParsedNumber {
  let text = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  const negative = text.startsWith('-') && /^-\s*[$¥€£￥]/.test(text);
  if (negative) text = text.slice(1);
  text = text.replace(CURRENCY, '').trim();
  if (negative) text = `-${text}`;
  if (!PLAIN.test(text) && !COMMA_GROUPS.test(text) && !SPACE_GROUPS.test(text)) {
    return { ok: false, message: `"${raw}" is not a number` };
  }
  const value = Number(text.replace(/[, ]/g, ''));
  if (!Number.isFinite(value)) return { ok: false, message: `"${raw}" is not a number` };
  return { ok: true, value };
}
