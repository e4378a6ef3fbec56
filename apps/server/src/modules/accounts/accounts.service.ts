import type { Account, CreateAccount, ErrorDetail, LifecycleStage, ListAccountsQuery, UpdateAccount } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database, Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/is-unique-violation';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { compileAccountFilter } from '../segments';
import { createAccountsListRepository, type AccountFilters } from './accounts-list.repository';
import { createAccountsRepository, type AccountPatch, type AccountRow } from './accounts.repository';
import { calculateAccountFieldChanges } from './calculate-account-field-changes';
import { calculateAccountSort, decodeAccountCursor, encodeAccountCursor } from './calculate-account-cursor';
import { calculateChurnFields, isRestorable, RESTORE_WINDOW_DAYS, type ChurnFields } from './calculate-account-status';
import { calculateAccountColumns } from './calculate-account-values';
import { createContactsUseCases } from './contacts.service';
import { createCustomFieldsRepository } from './custom-fields.repository';
import { assertCustomFieldValues, createCustomFieldsUseCases } from './custom-fields.service';
import { toAccountDto } from './to-account-dto';
import { mergeCustomFieldValues } from './validate-custom-field-values';

export type AccountsService = ReturnType<typeof createAccountsService>;
export type AccountPage = { items: Account[]; nextCursor: string | null };
export type AccountFilterQuery = Omit<ListAccountsQuery, 'limit' | 'cursor'>;

/**
 * What the lifecycle module does when accounts change, injected by services.ts (lifecycle reads
 * accounts, so accounts may not import it).
 */
export type AccountLifecycleHooks = {
  /** A stage set on the account: history row + `lifecycle.stage_changed`, in the caller's transaction. */
  recordStageChange: (
    tx: Db,
    workspaceId: string,
    accountId: string,
    change: { from: LifecycleStage | null; to: LifecycleStage | null; userId: string | null },
  ) => Promise<void>;
  /** Runs the stage rules for accounts whose dates, status or people just changed. */
  evaluateStageRules: (workspaceId: string, options: { accountIds: readonly string[] }) => Promise<unknown>;
};

const noLifecycle: AccountLifecycleHooks = { recordStageChange: async () => {}, evaluateStageRules: async () => {} };

const DEFAULT_PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 1000;
const NEW_ACCOUNT: ChurnFields = { status: 'active', churnDate: null, churnReason: null };

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${details.map((d) => `${d.field}: ${d.problem}`).join('; ')}`, details);
}

function externalIdTaken(externalId: string, deleted: boolean): AppError {
  const where = deleted ? 'a deleted account (restore it instead)' : 'another account';
  return new AppError('ACCOUNT_EXTERNAL_ID_TAKEN', `External id "${externalId}" is already used by ${where}`, [
    { field: 'externalId', location: 'body', problem: 'already used in this workspace' },
  ]);
}

/** Accounts, their contacts and the workspace's custom fields: one service, split by use case. */
export function createAccountsService({
  database,
  clock,
  lifecycle = noLifecycle,
}: {
  database: Database;
  clock: Clock;
  lifecycle?: AccountLifecycleHooks;
}) {
  const repo = createAccountsRepository(database.db);
  const listRepo = createAccountsListRepository(database.db);
  const customFieldsRepo = createCustomFieldsRepository(database.db);

  /** A live account row; soft-deleted ones are invisible here. */
  async function getAccountRow(workspaceId: string, id: string): Promise<AccountRow> {
    const row = await repo.findAccount(workspaceId, id);
    if (!row || row.deletedAt) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return row;
  }

  async function getAccount(workspaceId: string, id: string): Promise<Account> {
    return toAccountDto(await getAccountRow(workspaceId, id));
  }

  async function findOwnerProblem(workspaceId: string, ownerId: string | null | undefined): Promise<ErrorDetail | undefined> {
    if (!ownerId || (await repo.isActiveMember(workspaceId, ownerId))) return undefined;
    return { field: 'ownerId', location: 'body', problem: 'must be an active member of this workspace' };
  }

  async function assertExternalIdFree(workspaceId: string, externalId: string | null | undefined, accountId?: string) {
    if (!externalId) return;
    const holder = await repo.findIdByExternalId(workspaceId, externalId);
    if (holder && holder.id !== accountId) throw externalIdTaken(externalId, holder.deletedAt !== null);
  }

  /** Runs a write, turning a lost race on the external id into the same 409 as the pre-check. */
  async function guardExternalId<T>(externalId: string | null | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (externalId && isUniqueViolation(error, 'accounts_workspace_external_id_key')) throw externalIdTaken(externalId, false);
      throw error;
    }
  }

  /** The JSON `filter` as SQL, checked against the workspace's fields; undefined when absent. */
  async function compileFilter(workspaceId: string, filter: string | undefined) {
    if (filter === undefined) return undefined;
    return compileAccountFilter(database.db, workspaceId, filter, { today: clock.now().toISOString().slice(0, 10) });
  }

  async function listAccounts(workspaceId: string, query: ListAccountsQuery): Promise<AccountPage> {
    const { limit = DEFAULT_PAGE_SIZE, cursor, sort, ...filters } = query;
    const after = cursor === undefined ? undefined : decodeAccountCursor(cursor, sort);
    if (cursor !== undefined && !after) {
      throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass back nextCursor from the previous page with the same sort', [
        { field: 'cursor', location: 'querystring', problem: 'is not a cursor for this sort order' },
      ]);
    }
    if (filters.renewalFrom && filters.renewalTo && filters.renewalFrom > filters.renewalTo) {
      throw new AppError('VALIDATION_FAILED', 'renewalTo is before renewalFrom', [
        { field: 'renewalTo', location: 'querystring', problem: 'must not be before renewalFrom' },
      ]);
    }
    const filterSql = await compileFilter(workspaceId, filters.filter);
    const rows = await listRepo.listAccountRows(
      workspaceId,
      filters satisfies AccountFilters,
      calculateAccountSort(sort),
      after,
      limit,
      filterSql,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeAccountCursor({ sort: sort ?? 'name', key: last.sortKey, id: last.id }) : null;
    return { items: page.map(toAccountDto), nextCursor };
  }

  return {
    /** One page of accounts matching the filters, in a stable order, with the next page's cursor. */
    listAccounts,

    /** Every matching account, page by page (up to 1000 a page), for exports. */
    async *iterateAccounts(workspaceId: string, filterQuery: AccountFilterQuery): AsyncGenerator<Account[]> {
      let cursor: string | undefined;
      do {
        const page = await listAccounts(workspaceId, { ...filterQuery, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
        if (page.items.length > 0) yield page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    /** How many accounts match the list filters (including a JSON `filter`). */
    async countAccounts(workspaceId: string, filterQuery: AccountFilterQuery): Promise<number> {
      const { sort: _sort, ...filters } = filterQuery;
      return listRepo.countAccounts(workspaceId, filters, await compileFilter(workspaceId, filters.filter));
    },

    /** Ids of every matching account, for segment membership. */
    async listAccountIds(workspaceId: string, filterQuery: AccountFilterQuery): Promise<string[]> {
      const { sort: _sort, ...filters } = filterQuery;
      return listRepo.listAccountIds(workspaceId, filters, await compileFilter(workspaceId, filters.filter));
    },

    /** A live account, or ACCOUNT_NOT_FOUND (also for deleted ones and other workspaces'). */
    getAccount,

    /** Creates an account after checking owner, external id, churn facts and custom fields. */
    async createAccount(workspaceId: string, input: CreateAccount): Promise<Account> {
      const details: ErrorDetail[] = [];
      const name = input.name.trim();
      if (!name) details.push({ field: 'name', location: 'body', problem: 'must not be blank' });
      const churn = calculateChurnFields(NEW_ACCOUNT, input);
      if ('error' in churn) details.push(churn.error);
      const ownerProblem = await findOwnerProblem(workspaceId, input.ownerId);
      if (ownerProblem) details.push(ownerProblem);
      if (details.length > 0 || 'error' in churn) throw invalid(details);
      const customFields = mergeCustomFieldValues({}, input.customFields ?? {});
      await assertCustomFieldValues(customFieldsRepo, workspaceId, 'account', input.customFields ?? {});
      const columns = calculateAccountColumns(input);
      await assertExternalIdFree(workspaceId, columns.externalId);
      const now = clock.now();
      const id = await guardExternalId(columns.externalId, () =>
        repo.insertAccount({ ...columns, workspaceId, name, ...churn.fields, customFields, createdAt: now, updatedAt: now }),
      );
      // A stage given at creation is dated from the contract by the rules, which may move it at once.
      await lifecycle.evaluateStageRules(workspaceId, { accountIds: [id] });
      return getAccount(workspaceId, id);
    },

    /**
     * Changes the fields given; custom fields merge key by key (null removes one). A new
     * lifecycleStage is recorded as a move by `userId`; the stage rules then run for the account.
     */
    async updateAccount(workspaceId: string, id: string, patch: UpdateAccount, userId: string | null = null): Promise<Account> {
      const current = await getAccountRow(workspaceId, id);
      const details: ErrorDetail[] = [];
      const columns: AccountPatch = calculateAccountColumns(patch);
      if (patch.name !== undefined) {
        columns.name = patch.name.trim();
        if (!columns.name) details.push({ field: 'name', location: 'body', problem: 'must not be blank' });
      }
      if (patch.status !== undefined || patch.churnDate !== undefined || patch.churnReason !== undefined) {
        const churn = calculateChurnFields(current, patch);
        if ('error' in churn) details.push(churn.error);
        else Object.assign(columns, churn.fields);
      }
      // An owner who has since left may stay on the account until someone picks a new one.
      if (columns.ownerId !== current.ownerId) {
        const ownerProblem = await findOwnerProblem(workspaceId, columns.ownerId);
        if (ownerProblem) details.push(ownerProblem);
      }
      if (details.length > 0) throw invalid(details);
      if (patch.customFields) {
        await assertCustomFieldValues(customFieldsRepo, workspaceId, 'account', patch.customFields);
        columns.customFields = mergeCustomFieldValues(current.customFields, patch.customFields);
      }
      await assertExternalIdFree(workspaceId, columns.externalId, id);
      const stageChanged = columns.lifecycleStage !== undefined && columns.lifecycleStage !== current.lifecycleStage;
      // Each real change is an `account.field_changed` event (rules trigger on them), written with it.
      const fieldChanges = calculateAccountFieldChanges(current, columns);
      const updated = await guardExternalId(columns.externalId, () =>
        database.db.transaction(async (tx) => {
          const now = clock.now();
          // The stage first: it takes the lifecycle's workspace lock before any account row is
          // locked, the same order as the rules job, so the two cannot deadlock.
          if (stageChanged) {
            const change = { from: current.lifecycleStage, to: columns.lifecycleStage ?? null, userId };
            await lifecycle.recordStageChange(tx, workspaceId, id, change);
          }
          const done = await createAccountsRepository(tx).updateAccount(workspaceId, id, { ...columns, updatedAt: now });
          // A stage recorded for an account that vanished meanwhile must not stay.
          if (!done && stageChanged) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
          if (done) {
            await recordDomainEvents(
              tx,
              workspaceId,
              fieldChanges.map((payload) => ({ type: 'account.field_changed' as const, accountId: id, payload, occurredAt: now })),
            );
          }
          return done;
        }),
      );
      if (!updated) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
      await lifecycle.evaluateStageRules(workspaceId, { accountIds: [id] });
      return getAccount(workspaceId, id);
    },

    /** Soft delete: the account disappears but can be restored for RESTORE_WINDOW_DAYS. */
    async deleteAccount(workspaceId: string, id: string): Promise<void> {
      await getAccountRow(workspaceId, id);
      const now = clock.now();
      await repo.setDeletedAt(workspaceId, id, now, now);
    },

    /** Brings back a soft-deleted account, with its contacts, within the restore window. */
    async restoreAccount(workspaceId: string, id: string): Promise<Account> {
      const row = await repo.findAccount(workspaceId, id);
      if (!row) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
      if (!row.deletedAt) throw new AppError('ACCOUNT_NOT_DELETED', 'This account is not deleted');
      const now = clock.now();
      if (!isRestorable(row.deletedAt, now)) {
        throw new AppError(
          'ACCOUNT_RESTORE_EXPIRED',
          `Deleted accounts can be restored for ${RESTORE_WINDOW_DAYS} days; this one was deleted ${row.deletedAt.toISOString()}`,
        );
      }
      await repo.setDeletedAt(workspaceId, id, null, now);
      return getAccount(workspaceId, id);
    },

    ...createContactsUseCases({
      database,
      clock,
      getAccountRow,
      // Key people complete the handoff checklist, which moves an account on to onboarding.
      afterContactsChanged: (workspaceId, accountId) => lifecycle.evaluateStageRules(workspaceId, { accountIds: [accountId] }),
    }),
    ...createCustomFieldsUseCases({ database, clock }),
  };
}
