import type { DateFormat } from '@northstar/contracts';
import { parseImportCell, type CellValue } from './parse-import-cell';
import type { ColumnPlan } from './resolve-columns';

export type CellProblem = { column: string | null; value: string | null; message: string };
export type ValidatedRow = { values: Record<string, CellValue>; problems: CellProblem[] };

const MAX_VALUE_IN_REPORT = 200;

export function clipValue(value: string): string {
  return value.length > MAX_VALUE_IN_REPORT ? `${value.slice(0, MAX_VALUE_IN_REPORT)}…` : value;
}

/**
 * Parses every mapped, non-empty cell of one CSV row. Pure: references (owner emails, accounts)
 * and whether the row creates or updates are decided by the caller against the database.
 */
export function validateImportRow(columns: readonly ColumnPlan[], cells: readonly string[], dateFormat: DateFormat): ValidatedRow {
  const values: Record<string, CellValue> = {};
  const problems: CellProblem[] = [];
  if (cells.length !== columns.length) {
    problems.push({ column: null, value: null, message: `has ${cells.length} cells but the header has ${columns.length} columns` });
    return { values, problems };
  }
  for (const column of columns) {
    if (!column.field) continue;
    const raw = (cells[column.index] ?? '').trim();
    if (raw === '') continue;
    const parsed = parseImportCell(column.field.type, raw, dateFormat);
    if (parsed.ok) values[column.field.key] = parsed.value;
    else problems.push({ column: column.header, value: clipValue(raw), message: parsed.message });
  }
  return { values, problems };
}
