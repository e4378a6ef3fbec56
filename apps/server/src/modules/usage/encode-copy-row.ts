/**
 * PostgreSQL COPY text format: tab-separated columns, one row a line, `\N` for NULL. Backslash,
 * tab, newline and carriage return inside a value must be escaped or they would split the row.
 */
export function encodeCopyValue(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_GLOBAL, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_GLOBAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A JSON document as a COPY value. JSON.stringify never emits a raw tab, newline or carriage
 * return (they are escaped inside strings), so only its backslashes need doubling.
 */
export function encodeCopyJson(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = JSON.stringify(value);
  return text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
}
