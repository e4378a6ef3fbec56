import type { DateFormat } from '@northstar/contracts';
import { normaliseTags } from '../accounts';
import { normaliseHeader, type FieldType } from './import-fields';
import { parseCsvDate, parseCsvTimestamp } from './parse-csv-date';
import { parseCsvNumber } from './parse-csv-number';

export type CellValue = string | number | boolean | string[];
export type ParsedCell = { ok: true; value: CellValue } | { ok: false; message: string };

// The same rule as ajv-formats' "email", so the importer accepts what the API accepts.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const CURRENCY_ALIASES: Record<string, string> = { RMB: 'CNY', 人民币: 'CNY', 美元: 'USD', 欧元: 'EUR', 英镑: 'GBP' };
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不是']);
const ESCAPED_FORMULA = /^'[=+\-@\t\r\0]/;

/** Undoes the export's formula guard ('=SUM → =SUM), so an exported file re-imports unchanged. */
export function unescapeFormulaGuard(text: string): string {
  return ESCAPED_FORMULA.test(text) ? text.slice(1) : text;
}

function listWords(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/**
 * Turns one non-empty, trimmed cell into the value the API would take for that field, or a
 * message that reads well after `row N, column C: `.
 */
export function parseImportCell(type: FieldType, raw: string, dateFormat: DateFormat): ParsedCell {
  const cell = unescapeFormulaGuard(raw);
  switch (type.kind) {
    case 'text':
      return cell.length > type.maxLength ? { ok: false, message: `is longer than ${type.maxLength} characters` } : { ok: true, value: cell };
    case 'email':
      return EMAIL.test(cell) && cell.length <= 320 ? { ok: true, value: cell } : { ok: false, message: `"${raw}" is not an email address` };
    case 'currency': {
      const code = CURRENCY_ALIASES[cell.toUpperCase()] ?? cell.toUpperCase();
      return /^[A-Z]{3}$/.test(code) ? { ok: true, value: code } : { ok: false, message: `"${raw}" is not a currency code such as USD or CNY` };
    }
    case 'money': {
      const parsed = parseCsvNumber(cell);
      if (!parsed.ok) return parsed;
      if (parsed.value < 0) return { ok: false, message: `"${raw}" must not be negative` };
      if (parsed.value > 1e13) return { ok: false, message: `"${raw}" is too large` };
      // The column keeps cents; rounding here (in decimal, via the exponent, as PostgreSQL
      // rounds numeric) keeps re-imports from reporting phantom changes.
      const cents = Math.round(Number(`${parsed.value}e2`));
      return { ok: true, value: Number.isFinite(cents) ? cents / 100 : Math.round(parsed.value * 100) / 100 };
    }
    case 'number':
      return parseCsvNumber(cell);
    case 'integer': {
      const parsed = parseCsvNumber(cell);
      if (!parsed.ok) return parsed;
      if (!Number.isInteger(parsed.value)) return { ok: false, message: `"${raw}" is not a whole number` };
      if (parsed.value < type.min || parsed.value > type.max) return { ok: false, message: `"${raw}" must be between ${type.min} and ${type.max}` };
      return { ok: true, value: parsed.value };
    }
    case 'date': {
      const parsed = parseCsvDate(cell, dateFormat);
      return parsed.ok ? { ok: true, value: parsed.date } : parsed;
    }
    case 'timestamp': {
      const parsed = parseCsvTimestamp(cell, dateFormat);
      return parsed.ok ? { ok: true, value: parsed.timestamp } : parsed;
    }
    case 'boolean': {
      const word = cell.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}" is not yes/no (use true, false, yes, no, 1 or 0)` };
    }
    case 'tags': {
      const tags = normaliseTags(cell.split(/[;；]/));
      const tooLong = tags.find((t) => t.length > 64);
      if (tooLong) return { ok: false, message: `tag "${tooLong}" is longer than 64 characters` };
      if (tags.length > 100) return { ok: false, message: 'has more than 100 tags' };
      return { ok: true, value: tags };
    }
    case 'enum': {
      const wanted = normaliseHeader(cell);
      const value = type.values.find((v) => normaliseHeader(v) === wanted) ?? type.aliases[wanted];
      return value ? { ok: true, value } : { ok: false, message: `"${raw}" is not one of ${listWords(type.values)}` };
    }
    case 'select': {
      const wanted = normaliseHeader(cell);
      const value = type.options.find((o) => normaliseHeader(o) === wanted);
      return value ? { ok: true, value } : { ok: false, message: `"${raw}" is not one of ${listWords(type.options)}` };
    }
  }
}
