import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { DateFormat, ImportChange, ImportError, ImportKind, ImportReport } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { recordDomainEventsWithQuery, type NewDomainEvent } from '../domain-events';
import { fieldsOf } from './import-fields';
import { ACCOUNT_DEFAULTS, CONTACT_DEFAULTS, applyRowValues, diffImportRecords, type ImportRecord } from './import-records.model';
import { importsRepository as repo, type Member } from './imports.repository';
import { resolveColumns, type ColumnPlan, type CustomFieldDef } from './resolve-columns';
import { runInTransaction, type Query } from './run-in-transaction';
import type { CellValue } from './parse-import-cell';
import { clipValue, validateImportRow, type CellProblem } from './validate-import-row';

export type ImportOptions = {
  dryRun?: boolean;
  skipBadRows?: boolean;
  dateFormat?: DateFormat;
  map?: readonly string[];
  /** Called as each streamed pass over the file starts, for progress bars. */
  onPhase?: (phase: 'validate' | 'write') => void;
};

/** Opens the CSV from its start; called once per pass, so the file is never held in memory. */
export type OpenCsv = () => Readable;

// 1000 rows × ~22 parameters stays far below PostgreSQL's 65,535-parameter limit per statement.
const BATCH_SIZE = 1000;
const MAX_ERRORS = 1000;
const MAX_CHANGES = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CsvRow = { row: number; cells: string[] };
type Tally = {
  created: number;
  updated: number;
  unchanged: number;
  changes: ImportChange[];
  /** Pass 2 only: the domain events its updates cause (field changes, contacts leaving), dated at write. */
  events?: Omit<NewDomainEvent, 'occurredAt'>[];
};
type Context = {
  workspaceId: string;
  kind: ImportKind;
  columns: ColumnPlan[];
  dateFormat: DateFormat;
  members: Map<string, Member>;
  headerOf: (key: string) => string | undefined;
};

class CsvReadError extends Error {
  constructor(
    readonly row: number,
    cause: unknown,
  ) {
    super(`the file is not valid CSV: ${(cause as Error).message}`);
  }
}

/** Streams the records of the CSV, numbered as in a spreadsheet (the header is row 1). */
async function* readCsv(open: OpenCsv): AsyncGenerator<CsvRow> {
  const source = open();
  const parser = parse({ bom: true, relax_column_count: true });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    throw new CsvReadError(row + 1, error);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function emptyReport(kind: ImportKind, dryRun: boolean): ImportReport {
  return { kind, dryRun, rowCount: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, written: false, refused: false, errors: [], errorCount: 0, changes: [] };
}

/**
 * Imports accounts or contacts from a CSV, all or nothing. Pass 1 streams the file and checks
 * every row against the database (nothing is written); pass 2 streams it again inside one
 * transaction and upserts 1000 rows per statement. Bad rows refuse the whole file unless
 * `skipBadRows`, in which case only the good rows are written.
 */
export async function importRecords(
  deps: { database: Database; clock: Clock },
  workspaceId: string,
  kind: ImportKind,
  open: OpenCsv,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const skipBadRows = options.skipBadRows ?? false;
  const report = emptyReport(kind, dryRun);
  const badRows = new Set<number>();
  const addErrors = (row: number, problems: CellProblem[]) => {
    badRows.add(row);
    for (const p of problems) {
      report.errorCount++;
      if (report.errors.length < MAX_ERRORS) report.errors.push({ row, column: p.column, value: p.value, message: p.message });
    }
  };
  const refuse = (errors: ImportError[]) => {
    report.errors.push(...errors.slice(0, MAX_ERRORS));
    report.errorCount += errors.length;
    report.refused = true;
    return report;
  };

  const query: Query = (text, params) => deps.database.query(text, params);
  const customDefs: CustomFieldDef[] = await repo.listCustomFieldDefs(query, workspaceId, kind === 'accounts' ? 'account' : 'contact');
  const members = kind === 'accounts' ? await repo.listMembers(query, workspaceId) : new Map<string, Member>();

  // Pass 1: header, then every row validated and compared with what is stored.
  options.onPhase?.('validate');
  let context: Context | undefined;
  const pass1: Tally = { created: 0, updated: 0, unchanged: 0, changes: [] };
  const seen = new Map<string, number>();
  try {
    let batch: CsvRow[] = [];
    for await (const record of readCsv(open)) {
      if (!context) {
        const headers = record.cells.map((h) => h.trim());
        const resolved = resolveColumns(headers, fieldsOf(kind), customDefs, options.map ?? []);
        if (resolved.problems.length > 0) return refuse(resolved.problems.map((p) => ({ row: 1, ...p })));
        context = makeContext(workspaceId, kind, resolved.columns, options.dateFormat ?? 'auto', members);
        continue;
      }
      if (isBlank(record.cells)) continue;
      report.rowCount++;
      batch.push(record);
      if (batch.length >= BATCH_SIZE) {
        await checkBatch(context, query, batch, false, seen, pass1, addErrors);
        batch = [];
      }
    }
    if (context && batch.length > 0) await checkBatch(context, query, batch, false, seen, pass1, addErrors);
  } catch (error) {
    if (error instanceof CsvReadError) return refuse([{ row: error.row, column: null, value: null, message: error.message }]);
    throw error;
  }
  if (!context) return refuse([{ row: 1, column: null, value: null, message: 'the file is empty: it needs a header row' }]);

  if (report.errorCount > 0 && !skipBadRows) {
    report.refused = true;
    if (dryRun) Object.assign(report, countsOf(pass1));
    return report;
  }
  report.skipped = badRows.size;
  if (dryRun) return Object.assign(report, countsOf(pass1));

  // Pass 2: the same stream again, good rows only, written in one transaction.
  options.onPhase?.('write');
  const ctx = context;
  const now = deps.clock.now();
  const pass2: Tally = { created: 0, updated: 0, unchanged: 0, changes: [], events: [] };
  await runInTransaction(deps.database, async (tx) => {
    const seenAgain = new Map<string, number>();
    const changedMeanwhile = (row: number, problems: CellProblem[]) => {
      throw new CsvConflictError(row, problems);
    };
    let batch: CsvRow[] = [];
    const flush = async () => {
      const writes = await checkBatch(ctx, tx, batch, true, seenAgain, pass2, changedMeanwhile);
      if (kind === 'accounts') await repo.upsertAccounts(tx, workspaceId, now, writes);
      else await repo.upsertContacts(tx, workspaceId, now, writes);
      await recordDomainEventsWithQuery(
        tx,
        workspaceId,
        pass2.events!.splice(0).map((e) => ({ ...e, occurredAt: now })),
      );
      batch = [];
    };
    let header = true;
    for await (const record of readCsv(open)) {
      if (header) {
        header = false;
        continue;
      }
      if (isBlank(record.cells) || badRows.has(record.row)) continue;
      batch.push(record);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
  });
  report.written = true;
  return Object.assign(report, countsOf(pass2));
}

function countsOf(tally: Tally) {
  return { created: tally.created, updated: tally.updated, unchanged: tally.unchanged, changes: tally.changes };
}

/** A row valid in pass 1 became invalid in pass 2: someone changed the data meanwhile. */
export class CsvConflictError extends Error {
  constructor(
    readonly row: number,
    readonly problems: CellProblem[],
  ) {
    super(`row ${row} changed while importing (${problems.map((p) => p.message).join('; ')}): nothing was written, run the import again`);
  }
}

function makeContext(workspaceId: string, kind: ImportKind, columns: ColumnPlan[], dateFormat: DateFormat, members: Map<string, Member>): Context {
  const headers = new Map<string, string>();
  for (const c of columns) if (c.field && !headers.has(c.field.key)) headers.set(c.field.key, c.header);
  return { workspaceId, kind, columns, dateFormat, members, headerOf: (key) => headers.get(key) };
}

const REPORT_NAMES: Record<string, string> = { ownerId: 'owner_email', accountId: 'account_external_id' };

function reportName(kind: ImportKind, key: string): string {
  if (key.startsWith('custom.') || key === 'restored') return key;
  return REPORT_NAMES[key] ?? fieldsOf(kind).find((f) => f.key === key)?.header ?? key;
}

/**
 * Validates one batch against the database and decides each good row's action. Returns the
 * records to write (creates and real changes; unchanged rows are not touched, so their
 * updated_at stays put).
 */
async function checkBatch(
  ctx: Context,
  query: Query,
  rows: readonly CsvRow[],
  lock: boolean,
  seen: Map<string, number>,
  tally: Tally,
  onBadRow: (row: number, problems: CellProblem[]) => void,
): Promise<ImportRecord[]> {
  const validated = rows.map((r) => ({ row: r.row, ...validateImportRow(ctx.columns, r.cells, ctx.dateFormat) }));
  const text = (values: Record<string, unknown>, key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const externalIds = [...new Set(validated.map((v) => text(v.values, 'externalId')).filter((x): x is string => Boolean(x)))];
  const col = (key: string) => ctx.headerOf(key) ?? null;

  let existingByExternalId: Map<string, ImportRecord>;
  let existingById = new Map<string, ImportRecord>();
  let accountIds = new Map<string, string>();
  if (ctx.kind === 'accounts') {
    const ids = [...new Set(validated.map((v) => (text(v.values, 'externalId') ? undefined : text(v.values, 'id'))).filter((x): x is string => Boolean(x) && UUID.test(x!)))];
    const existing = await repo.findAccounts(query, ctx.workspaceId, externalIds, ids, lock);
    existingByExternalId = new Map(existing.filter((e) => e.fields.externalId).map((e) => [e.fields.externalId as string, e]));
    existingById = new Map(existing.map((e) => [e.id, e]));
  } else {
    const accountExternalIds = [...new Set(validated.map((v) => text(v.values, 'accountExternalId')).filter((x): x is string => Boolean(x)))];
    accountIds = await repo.findAccountIds(query, ctx.workspaceId, accountExternalIds);
    const existing = await repo.findContacts(query, ctx.workspaceId, externalIds, lock);
    existingByExternalId = new Map(existing.map((e) => [e.fields.externalId as string, e]));
  }

  const writes: ImportRecord[] = [];
  for (const v of validated) {
    if (v.problems.some((p) => p.column === null)) {
      onBadRow(v.row, v.problems);
      continue;
    }
    const problems = [...v.problems];
    const cellFailed = (key: string) => v.problems.some((p) => p.column === col(key));
    const values: Record<string, unknown> = { ...v.values };
    const externalId = text(values, 'externalId');
    if (externalId) {
      const first = seen.get(externalId);
      if (first !== undefined && first !== v.row) {
        problems.push({ column: col('externalId'), value: clipValue(externalId), message: `external id "${externalId}" already appeared on row ${first}` });
      } else seen.set(externalId, v.row);
    }

    let existing: ImportRecord | undefined = externalId ? existingByExternalId.get(externalId) : undefined;
    const noun = ctx.kind === 'accounts' ? 'account' : 'contact';
    if (ctx.kind === 'accounts') {
      const id = text(values, 'id');
      delete values.id;
      if (!externalId && id) {
        existing = existingById.get(id);
        if (!existing) problems.push({ column: col('id'), value: clipValue(id), message: `no account with id "${id}" in this workspace` });
      }
      const ownerEmail = text(values, 'ownerEmail');
      delete values.ownerEmail;
      if (ownerEmail) {
        const owner = ctx.members.get(ownerEmail.toLowerCase());
        // A deactivated member may stay the owner (an exported file re-imports), not become one.
        if (owner && (owner.active || existing?.fields.ownerId === owner.id)) values.ownerId = owner.id;
        else problems.push({ column: col('ownerEmail'), value: clipValue(ownerEmail), message: `"${ownerEmail}" is not an active member of this workspace` });
      }
    } else {
      const accountExternalId = text(values, 'accountExternalId');
      delete values.accountExternalId;
      if (accountExternalId) {
        const accountId = accountIds.get(accountExternalId);
        if (accountId) values.accountId = accountId;
        else problems.push({ column: col('accountExternalId'), value: clipValue(accountExternalId), message: `no account with external id "${accountExternalId}" in this workspace` });
      } else if (!existing && !cellFailed('accountExternalId')) {
        problems.push({ column: col('accountExternalId'), value: null, message: 'is required for a new contact (the external id of its account)' });
      }
    }
    if (!existing && values.name === undefined && !cellFailed('name')) {
      problems.push({ column: col('name'), value: null, message: `is required for a new ${noun}` });
    }
    if (problems.length > 0) {
      onBadRow(v.row, problems);
      continue;
    }

    const defaults = ctx.kind === 'accounts' ? ACCOUNT_DEFAULTS : CONTACT_DEFAULTS;
    const base: ImportRecord = existing ?? { id: randomUUID(), fields: { ...defaults }, customFields: {}, deleted: false };
    const next = applyRowValues(base, values as Record<string, CellValue>);
    if (ctx.kind === 'accounts') {
      const churnProblem = applyChurnRule(next, values, col);
      if (churnProblem) {
        onBadRow(v.row, [churnProblem]);
        continue;
      }
    }
    const changed = existing ? diffImportRecords(existing, next) : [];
    const action = !existing ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
    if (action === 'create') tally.created++;
    else if (action === 'update') tally.updated++;
    else tally.unchanged++;
    if (tally.changes.length < MAX_CHANGES) {
      tally.changes.push({
        row: v.row,
        action,
        externalId: (next.fields.externalId as string | null) ?? null,
        fields: changed.map((key) => reportName(ctx.kind, key)),
      });
    }
    if (action !== 'unchanged') writes.push(next);
    if (tally.events && existing && action === 'update') {
      tally.events.push(...toChangeEvents(ctx.kind, existing, next, changed));
    }
  }
  return writes;
}

/** What an updated row tells the rules engine: each changed account field, or a contact leaving. */
function toChangeEvents(
  kind: ImportKind,
  before: ImportRecord,
  after: ImportRecord,
  changed: readonly string[],
): Omit<NewDomainEvent, 'occurredAt'>[] {
  const valueOf = (record: ImportRecord, key: string) =>
    (key.startsWith('custom.') ? record.customFields[key.slice('custom.'.length)] : record.fields[key]) ?? null;
  if (kind === 'accounts') {
    return changed
      .filter((key) => key !== 'restored')
      .map((field) => ({
        type: 'account.field_changed',
        accountId: after.id,
        payload: { field, from: valueOf(before, field), to: valueOf(after, field) },
      }));
  }
  if (!changed.includes('leftAt') || before.fields.leftAt || !after.fields.leftAt) return [];
  const payload = { contactId: after.id, name: after.fields.name, isKeyPerson: after.fields.isKeyPerson, leftAt: after.fields.leftAt };
  return [{ type: 'contact.left', accountId: after.fields.accountId as string | null, payload }];
}

/**
 * The accounts API's churn rule: a churned account needs a churn date (revenue reports count
 * churn by date), and a row setting the status back to active clears the churn facts.
 */
function applyChurnRule(next: ImportRecord, values: Record<string, unknown>, col: (key: string) => string | null): CellProblem | undefined {
  if (values.status === 'active') {
    next.fields.churnDate = null;
    next.fields.churnReason = null;
    return undefined;
  }
  if (next.fields.status === 'churned' && !next.fields.churnDate) {
    return { column: col('churnDate') ?? col('status'), value: null, message: 'is required when the status is churned' };
  }
  return undefined;
}
