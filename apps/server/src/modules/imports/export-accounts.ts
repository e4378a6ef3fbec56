import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Account, ExportAccountsQuery } from '@northstar/contracts';
import type { Database } from '../../platform/db/database';
import { escapeCsvCell } from './escape-csv-cell';
import { ACCOUNT_FIELDS } from './import-fields';
import { importsRepository as repo } from './imports.repository';

/** Pages of accounts matching the list filters: the accounts module's iterateAccounts. */
export type IterateAccounts = (workspaceId: string, filter: ExportAccountsQuery) => AsyncIterable<Account[]>;

// The export's columns are the import's canonical headers, so the file re-imports unchanged.
const EXPORT_KEYS = ['externalId', 'name', 'domain', 'industry', 'employees', 'region', 'plan', 'arr', 'currency', 'contractStart', 'renewalDate', 'licensedSeats', 'ownerEmail', 'tier', 'lifecycleStage', 'status', 'churnDate', 'churnReason', 'tags', 'id'] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeCsvCell(String(value));
}

/**
 * The filtered account list as CSV: UTF-8 with a BOM (so Excel shows Chinese), formula-safe
 * text cells, one page of accounts in memory at a time. Errors after the first byte abort the
 * stream, so a client never mistakes a truncated file for a complete one.
 */
export async function exportAccountsCsv(
  deps: { database: Database; iterateAccounts: IterateAccounts },
  workspaceId: string,
  filter: ExportAccountsQuery,
): Promise<Readable> {
  const query = (text: string, params?: unknown[]) => deps.database.query(text, params);
  const customDefs = await repo.listCustomFieldDefs(query, workspaceId, 'account');
  const emails = new Map([...(await repo.listMembers(query, workspaceId)).values()].map((m) => [m.id, m.email]));
  const headerOf = (key: string) => ACCOUNT_FIELDS.find((f) => f.key === key)!.header;
  const columns = [...EXPORT_KEYS.map(headerOf), ...customDefs.map((d) => `custom.${d.key}`)];

  async function* rows(): AsyncGenerator<string[]> {
    for await (const page of deps.iterateAccounts(workspaceId, filter)) {
      for (const account of page) {
        const values: Record<(typeof EXPORT_KEYS)[number], unknown> = {
          ...account,
          ownerEmail: account.ownerId ? (emails.get(account.ownerId) ?? null) : null,
          tags: account.tags.join('; '),
        };
        yield [...EXPORT_KEYS.map((key) => cell(values[key])), ...customDefs.map((d) => cell(account.customFields[d.key]))];
      }
    }
  }

  const csv = stringify({ bom: true, header: true, columns, eof: true });
  pipeline(Readable.from(rows()), csv).catch((error: unknown) => csv.destroy(error as Error));
  return csv;
}
