import { buildAliasIndex, normaliseHeader, type FieldSpec, type FieldType } from './import-fields';

/** A workspace's custom field definition, as the importer needs it. */
export type CustomFieldDef = { key: string; label: string; type: 'text' | 'number' | 'date' | 'boolean' | 'select'; options: string[] };

export type ColumnPlan = { index: number; header: string; field: FieldSpec | undefined };
export type HeaderProblem = { column: string | null; value: string | null; message: string };

const IGNORE = new Set(['', '-']);

/** A custom field becomes an ordinary field whose key is `custom.<key>`. */
export function customFieldSpec(def: CustomFieldDef): FieldSpec {
  const typeByKind: Record<CustomFieldDef['type'], FieldType> = {
    text: { kind: 'text', maxLength: 2000 },
    number: { kind: 'number' },
    date: { kind: 'date' },
    boolean: { kind: 'boolean' },
    select: { kind: 'select', options: def.options },
  };
  return { key: `custom.${def.key}`, header: `custom.${def.key}`, aliases: [def.label], type: typeByKind[def.type] };
}

/**
 * Decides which field each CSV column fills: the explicit mapping (`col=field`, `col=` or
 * `col=-` to ignore) first, then header aliases. Unknown, doubly-mapped and unmatched mapping
 * columns are problems with the whole file, named so the user can fix the header or the mapping.
 */
export function resolveColumns(
  headers: readonly string[],
  fields: readonly FieldSpec[],
  customDefs: readonly CustomFieldDef[],
  mapEntries: readonly string[],
): { columns: ColumnPlan[]; problems: HeaderProblem[] } {
  const allFields = [...fields, ...customDefs.map(customFieldSpec)];
  const aliasIndex = buildAliasIndex(allFields);
  const problems: HeaderProblem[] = [];

  const explicit = new Map<number, FieldSpec | undefined>();
  for (const entry of mapEntries) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) {
      problems.push({ column: null, value: entry, message: `mapping "${entry}" must look like column=field` });
      continue;
    }
    const column = entry.slice(0, eq).trim();
    const target = entry.slice(eq + 1).trim();
    let index = headers.findIndex((h) => h.trim() === column);
    if (index < 0) index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (index < 0) {
      problems.push({ column, value: entry, message: `mapping "${entry}" names a column that is not in the file` });
      continue;
    }
    if (IGNORE.has(target)) {
      explicit.set(index, undefined);
      continue;
    }
    const field = aliasIndex.get(normaliseHeader(target));
    if (!field) {
      const hint = target.startsWith('custom.') ? 'no custom field has that key' : 'use a field name such as name, arr, renewal_date or custom.<key>';
      problems.push({ column, value: entry, message: `mapping "${entry}" names an unknown field "${target}": ${hint}` });
      continue;
    }
    explicit.set(index, field);
  }

  const columns: ColumnPlan[] = [];
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    if (explicit.has(index)) {
      columns.push({ index, header, field: explicit.get(index) });
      return;
    }
    const field = aliasIndex.get(normaliseHeader(header));
    // A blank header is the trailing empty column spreadsheets leave behind: nothing to import.
    if (!field && normaliseHeader(header) !== '') unknown.push(header);
    columns.push({ index, header, field });
  });
  for (const header of unknown) {
    problems.push({
      column: header,
      value: null,
      message: `unknown column "${header}": map it with --map "${header}=field" (map=${header}=field in the API) or ignore it with "${header}=-"`,
    });
  }

  const seen = new Map<string, string>();
  for (const column of columns) {
    if (!column.field) continue;
    const previous = seen.get(column.field.key);
    if (previous !== undefined) {
      problems.push({ column: column.header, value: null, message: `columns "${previous}" and "${column.header}" both fill ${column.field.header}: ignore one with --map` });
    } else seen.set(column.field.key, column.header);
  }
  return { columns, problems };
}
