import type { CustomFieldDef } from './resolve-columns';
import type { ImportRecord } from './import-records.model';
import type { Query } from './run-in-transaction';

export type Member = { id: string; email: string; active: boolean };

/** A PostgreSQL array literal, so arrays travel as one text parameter on both engines. */
export function toPgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const ACCOUNT_COLUMNS = [
  ['externalId', 'external_id', 'text'],
  ['name', 'name', 'text'],
  ['domain', 'domain', 'text'],
  ['industry', 'industry', 'text'],
  ['employees', 'employees', 'integer'],
  ['region', 'region', 'text'],
  ['plan', 'plan', 'text'],
  ['arr', 'arr', 'numeric'],
  ['currency', 'currency', 'text'],
  ['contractStart', 'contract_start', 'date'],
  ['renewalDate', 'renewal_date', 'date'],
  ['licensedSeats', 'licensed_seats', 'integer'],
  ['ownerId', 'owner_id', 'uuid'],
  ['tier', 'tier', 'text'],
  ['lifecycleStage', 'lifecycle_stage', 'text'],
  ['status', 'status', 'text'],
  ['churnDate', 'churn_date', 'date'],
  ['churnReason', 'churn_reason', 'text'],
  ['tags', 'tags', 'text[]'],
] as const;

const CONTACT_COLUMNS = [
  ['externalId', 'external_id', 'text'],
  ['accountId', 'account_id', 'uuid'],
  ['name', 'name', 'text'],
  ['email', 'email', 'text'],
  ['phone', 'phone', 'text'],
  ['title', 'title', 'text'],
  ['role', 'role', 'text'],
  ['isKeyPerson', 'is_key_person', 'boolean'],
  ['relationshipStrength', 'relationship_strength', 'smallint'],
  ['lastContactedAt', 'last_contacted_at', 'timestamptz'],
  ['leftAt', 'left_at', 'date'],
] as const;

type Column = readonly [key: string, column: string, type: string];

// Read every column back as text (or JSON text) so both engines hand over identical values,
// whatever their own type parsers do with dates, numerics and arrays.
function selectList(columns: readonly Column[]): string {
  return columns
    .map(([key, column, type]) => {
      if (type === 'text[]') return `to_json(${column})::text AS "${key}"`;
      if (type === 'timestamptz') return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${key}"`;
      if (type === 'text' || type === 'integer' || type === 'smallint' || type === 'boolean') return `${column} AS "${key}"`;
      return `${column}::text AS "${key}"`;
    })
    .join(', ');
}

function toRecord(row: Record<string, unknown>, columns: readonly Column[]): ImportRecord {
  const fields: ImportRecord['fields'] = {};
  for (const [key, , type] of columns) {
    const value = row[key];
    if (value === null || value === undefined) fields[key] = null;
    else if (type === 'text[]') fields[key] = JSON.parse(String(value)) as string[];
    else if (type === 'numeric') fields[key] = Number(value);
    else if (type === 'integer' || type === 'smallint') fields[key] = Number(value);
    else if (type === 'boolean') fields[key] = value === true || value === 't' || value === 'true';
    else fields[key] = String(value);
  }
  return {
    id: String(row.id),
    fields,
    customFields: JSON.parse(String(row.custom_fields ?? '{}')) as Record<string, unknown>,
    deleted: row.deleted === true,
  };
}

function toParam(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'text[]') return toPgTextArray(value as string[]);
  if (type === 'numeric') return (value as number).toFixed(2);
  return String(value);
}

/**
 * One multi-row upsert, fully parameterised (values as strings typed by explicit casts; arrays
 * and JSON as text literals), so the statement behaves the same on PGlite and PostgreSQL. `conflict` picks the key the rows are
 * matched on; the row's workspace is re-checked so an id can never reach another tenant.
 */
async function upsert(
  query: Query,
  table: 'accounts' | 'contacts',
  columns: readonly Column[],
  workspaceId: string,
  now: Date,
  records: readonly ImportRecord[],
  conflict: 'external_id' | 'id',
): Promise<void> {
  if (records.length === 0) return;
  const params: unknown[] = [workspaceId, now.toISOString()];
  const tuples = records.map((record) => {
    params.push(record.id);
    const placeholders = [`$${params.length}::uuid`, '$1::uuid'];
    for (const [key, , type] of columns) {
      params.push(toParam(record.fields[key], type));
      // Arrays travel as literals (text); scalars are typed by the statement itself.
      placeholders.push(type === 'text[]' ? `$${params.length}::text::text[]` : `$${params.length}::${type}`);
    }
    params.push(JSON.stringify(record.customFields));
    placeholders.push(`$${params.length}::text::jsonb`, '$2::timestamptz', '$2::timestamptz');
    return `(${placeholders.join(', ')})`;
  });
  const names = ['id', 'workspace_id', ...columns.map(([, column]) => column), 'custom_fields', 'created_at', 'updated_at'];
  const updates = [...columns.map(([, column]) => column), 'custom_fields', 'updated_at'].map((c) => `${c} = EXCLUDED.${c}`);
  if (table === 'accounts') updates.push('deleted_at = NULL');
  const target = conflict === 'id' ? '(id)' : '(workspace_id, external_id)';
  await query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT ${target} DO UPDATE SET ${updates.join(', ')}
     WHERE ${table}.workspace_id = EXCLUDED.workspace_id`,
    params,
  );
}

/**
 * Rows of one batch by key: one index probe per key. A plain `key = ANY(array)` let the planner,
 * whose statistics inside the import transaction still describe the table before it, filter every
 * row of the workspace per batch (quadratic on 100k rows); the lateral join cannot do that.
 */
function lookupByKeys(table: string, columns: string, key: string, keyType: string, lock: boolean): string {
  return `SELECT t.* FROM unnest($2::${keyType}[]) AS k(key)
    CROSS JOIN LATERAL (SELECT ${columns} FROM ${table} WHERE workspace_id = $1 AND ${key} = k.key ${lock ? 'FOR UPDATE' : ''}) t`;
}

/** SQL of the import and export: every statement is scoped by workspace_id first. */
export const importsRepository = {
  async listCustomFieldDefs(query: Query, workspaceId: string, entity: 'account' | 'contact'): Promise<CustomFieldDef[]> {
    const { rows } = await query(
      `SELECT key, label, type, to_json(options)::text AS options FROM custom_field_definitions WHERE workspace_id = $1 AND entity = $2 ORDER BY created_at, key`,
      [workspaceId, entity],
    );
    return rows.map((r) => ({
      key: String(r.key),
      label: String(r.label),
      type: r.type as CustomFieldDef['type'],
      options: JSON.parse(String(r.options)) as string[],
    }));
  },

  /** Members by lower-cased email; deactivated ones too, since they may still own accounts. */
  async listMembers(query: Query, workspaceId: string): Promise<Map<string, Member>> {
    const { rows } = await query(
      `SELECT u.id::text AS id, lower(u.email) AS email, m.active FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [String(r.email), { id: String(r.id), email: String(r.email), active: r.active === true }]));
  },

  /** Accounts matching these external ids or ids, soft-deleted included (an upsert restores them). */
  async findAccounts(query: Query, workspaceId: string, externalIds: string[], ids: string[], lock: boolean): Promise<ImportRecord[]> {
    const columns = `id::text AS id, ${selectList(ACCOUNT_COLUMNS)}, custom_fields::text AS custom_fields, deleted_at IS NOT NULL AS deleted`;
    const found: Record<string, unknown>[] = [];
    if (externalIds.length > 0) {
      const { rows } = await query(lookupByKeys('accounts', columns, 'external_id', 'text', lock), [workspaceId, toPgTextArray(externalIds)]);
      found.push(...rows);
    }
    if (ids.length > 0) {
      const { rows } = await query(lookupByKeys('accounts', columns, 'id', 'uuid', lock), [workspaceId, toPgTextArray(ids)]);
      found.push(...rows);
    }
    return found.map((r) => toRecord(r, ACCOUNT_COLUMNS));
  },

  /** Live accounts' ids by external id, for linking contacts. */
  async findAccountIds(query: Query, workspaceId: string, externalIds: string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const { rows } = await query(
      `SELECT a.id::text AS id, a.external_id FROM unnest($2::text[]) AS k(key)
       CROSS JOIN LATERAL (SELECT id, external_id FROM accounts WHERE workspace_id = $1 AND external_id = k.key AND deleted_at IS NULL) a`,
      [workspaceId, toPgTextArray(externalIds)],
    );
    return new Map(rows.map((r) => [String(r.external_id), String(r.id)]));
  },

  async findContacts(query: Query, workspaceId: string, externalIds: string[], lock: boolean): Promise<ImportRecord[]> {
    if (externalIds.length === 0) return [];
    const columns = `id::text AS id, ${selectList(CONTACT_COLUMNS)}, custom_fields::text AS custom_fields, false AS deleted`;
    const { rows } = await query(lookupByKeys('contacts', columns, 'external_id', 'text', lock), [workspaceId, toPgTextArray(externalIds)]);
    return rows.map((r) => toRecord(r, CONTACT_COLUMNS));
  },

  /** Writes new and changed accounts; rows known only by id take the id-keyed statement. */
  async upsertAccounts(query: Query, workspaceId: string, now: Date, records: readonly ImportRecord[]): Promise<void> {
    await upsert(query, 'accounts', ACCOUNT_COLUMNS, workspaceId, now, records.filter((r) => r.fields.externalId !== null), 'external_id');
    await upsert(query, 'accounts', ACCOUNT_COLUMNS, workspaceId, now, records.filter((r) => r.fields.externalId === null), 'id');
  },

  async upsertContacts(query: Query, workspaceId: string, now: Date, records: readonly ImportRecord[]): Promise<void> {
    await upsert(query, 'contacts', CONTACT_COLUMNS, workspaceId, now, records.filter((r) => r.fields.externalId !== null), 'external_id');
    await upsert(query, 'contacts', CONTACT_COLUMNS, workspaceId, now, records.filter((r) => r.fields.externalId === null), 'id');
  },
};
