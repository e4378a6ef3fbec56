import type { Readable } from 'node:stream';
import type {
  Account,
  CreateSegment,
  FilterFieldInfo,
  ListAccountsQuery,
  Segment,
  SegmentPreview,
  UpdateSegment,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { assertFilterExpression, loadFilterCatalogue } from './compile-account-filter';
import { diffSegmentMembership } from './diff-segment-membership';
import type { FilterGroup } from './filter-expression';
import { createSegmentsRepository, type SegmentRow } from './segments.repository';

/** The account list's filters without paging: what a segment hands to the list, count and export. */
type AccountFilterQueryLike = Omit<ListAccountsQuery, 'limit' | 'cursor'>;

/** What segments need from the account list; passed in so this module never imports accounts. */
export type SegmentAccountsPort = {
  listAccounts: (
    workspaceId: string,
    query: AccountFilterQueryLike & { limit?: number; cursor?: string },
  ) => Promise<{ items: Account[]; nextCursor: string | null }>;
  countAccounts: (workspaceId: string, query: AccountFilterQueryLike) => Promise<number>;
  listAccountIds: (workspaceId: string, query: AccountFilterQueryLike) => Promise<string[]>;
  exportAccountsCsv: (workspaceId: string, query: AccountFilterQueryLike) => Promise<Readable>;
};

/** Who is asking: private segments are their owner's alone. */
export type SegmentViewer = { workspaceId: string; userId: string };

export type SegmentsService = ReturnType<typeof createSegmentsService>;

export function createSegmentsService({ database, clock, accounts }: { database: Database; clock: Clock; accounts: SegmentAccountsPort }) {
  const repo = createSegmentsRepository(database.db);
  // Segments hold live accounts of every status; the list's own filters add nothing here.
  const filterOf = (expression: FilterGroup) => ({ filter: JSON.stringify(expression) });

  async function getVisibleRow(viewer: SegmentViewer, id: string): Promise<SegmentRow> {
    const row = await repo.findSegment(viewer.workspaceId, id);
    // Someone else's private segment is as absent as another workspace's: 404, never 403.
    if (!row || (row.visibility === 'private' && row.ownerId !== viewer.userId))
      throw new AppError('SEGMENT_NOT_FOUND', 'Segment not found');
    return row;
  }

  async function checkExpression(workspaceId: string, input: unknown): Promise<FilterGroup> {
    return assertFilterExpression(input, await loadFilterCatalogue(database.db, workspaceId), 'expression', 'body');
  }

  async function toDto(row: SegmentRow, memberCount?: number): Promise<Segment> {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      expression: row.expression,
      visibility: row.visibility,
      ownerId: row.ownerId,
      memberCount: memberCount ?? (await accounts.countAccounts(row.workspaceId, filterOf(row.expression))),
      refreshedAt: row.refreshedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /**
   * Recomputes one segment's members. The first run only records a baseline; later runs record
   * `segment.entered` / `segment.left` for each account that moved, in one transaction.
   */
  async function refreshSegment(row: SegmentRow): Promise<{ entered: number; left: number; members: number }> {
    const now = clock.now();
    const current = await accounts.listAccountIds(row.workspaceId, filterOf(row.expression));
    return database.db.transaction(async (tx) => {
      const txRepo = createSegmentsRepository(tx);
      const diff = diffSegmentMembership(await txRepo.listMemberIds(row.workspaceId, row.id), current);
      await txRepo.applyMembershipDiff(row.workspaceId, row.id, diff, now);
      await txRepo.updateSegment(row.workspaceId, row.id, { memberCount: current.length, refreshedAt: now });
      if (row.refreshedAt) {
        const payload = { segmentId: row.id, segmentName: row.name };
        await recordDomainEvents(tx, row.workspaceId, [
          ...diff.entered.map((accountId) => ({ type: 'segment.entered' as const, accountId, payload, occurredAt: now })),
          ...diff.left.map((accountId) => ({ type: 'segment.left' as const, accountId, payload, occurredAt: now })),
        ]);
      }
      return { entered: diff.entered.length, left: diff.left.length, members: current.length };
    });
  }

  return {
    /** Shared segments and the viewer's private ones, with live member counts. */
    async listSegments(viewer: SegmentViewer): Promise<Segment[]> {
      const rows = await repo.listVisibleSegments(viewer.workspaceId, viewer.userId);
      return Promise.all(rows.map((row) => toDto(row)));
    },

    /** Every segment, private ones too, for the operator's CLI (which acts as no particular user). */
    async listAllSegmentsForOperator(workspaceId: string): Promise<Segment[]> {
      return Promise.all((await repo.listAllSegments(workspaceId)).map((row) => toDto(row)));
    },

    async getSegment(viewer: SegmentViewer, id: string): Promise<Segment> {
      return toDto(await getVisibleRow(viewer, id));
    },

    /** Saves a checked expression as a named segment and records its first members. */
    async createSegment(viewer: SegmentViewer, input: CreateSegment): Promise<Segment> {
      const name = input.name.trim();
      if (!name)
        throw new AppError('VALIDATION_FAILED', 'Invalid segment', [{ field: 'name', location: 'body', problem: 'must not be blank' }]);
      const expression = await checkExpression(viewer.workspaceId, input.expression);
      const now = clock.now();
      const row = await repo.insertSegment({
        workspaceId: viewer.workspaceId,
        name,
        description: input.description ?? null,
        expression,
        visibility: input.visibility ?? 'shared',
        ownerId: viewer.userId,
        createdAt: now,
        updatedAt: now,
      });
      await refreshSegment(row);
      return toDto((await repo.findSegment(viewer.workspaceId, row.id))!);
    },

    /** Changes a segment; a private one only by its owner. A new expression refreshes members (with events). */
    async updateSegment(viewer: SegmentViewer, id: string, patch: UpdateSegment): Promise<Segment> {
      const row = await getVisibleRow(viewer, id);
      const name = patch.name?.trim();
      if (patch.name !== undefined && !name) {
        throw new AppError('VALIDATION_FAILED', 'Invalid segment', [{ field: 'name', location: 'body', problem: 'must not be blank' }]);
      }
      const expression = patch.expression === undefined ? undefined : await checkExpression(viewer.workspaceId, patch.expression);
      await repo.updateSegment(viewer.workspaceId, id, {
        ...(name ? { name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.visibility ? { visibility: patch.visibility } : {}),
        ...(expression ? { expression } : {}),
        updatedAt: clock.now(),
      });
      const updated = (await repo.findSegment(viewer.workspaceId, id))!;
      if (expression) await refreshSegment({ ...updated, refreshedAt: row.refreshedAt });
      return toDto((await repo.findSegment(viewer.workspaceId, id))!);
    },

    async deleteSegment(viewer: SegmentViewer, id: string): Promise<void> {
      await getVisibleRow(viewer, id);
      await repo.deleteSegment(viewer.workspaceId, id);
    },

    /** One page of the segment's current members, in the account list's order. */
    async listSegmentAccounts(viewer: SegmentViewer, id: string, page: { limit?: number; cursor?: string }) {
      const row = await getVisibleRow(viewer, id);
      return accounts.listAccounts(viewer.workspaceId, { ...filterOf(row.expression), ...page });
    },

    async countSegment(viewer: SegmentViewer, id: string): Promise<number> {
      const row = await getVisibleRow(viewer, id);
      return accounts.countAccounts(viewer.workspaceId, filterOf(row.expression));
    },

    /** The members as the account export's CSV. */
    async exportSegmentCsv(viewer: SegmentViewer, id: string): Promise<{ name: string; csv: Readable }> {
      const row = await getVisibleRow(viewer, id);
      return { name: row.name, csv: await accounts.exportAccountsCsv(viewer.workspaceId, filterOf(row.expression)) };
    },

    /** The builder's live preview: how many accounts match and the largest few. */
    async previewSegment(workspaceId: string, input: unknown): Promise<SegmentPreview> {
      const expression = await checkExpression(workspaceId, input);
      const [count, page] = await Promise.all([
        accounts.countAccounts(workspaceId, filterOf(expression)),
        accounts.listAccounts(workspaceId, { ...filterOf(expression), sort: '-arr', limit: 10 }),
      ]);
      return { count, accounts: page.items.map((a) => ({ id: a.id, name: a.name, arr: a.arr, tier: a.tier })) };
    },

    /** Every field the builder can offer, custom fields included. */
    async listFilterFields(workspaceId: string) {
      const catalogue = await loadFilterCatalogue(database.db, workspaceId);
      return [...catalogue.values()].map((f): FilterFieldInfo => ({
        name: f.name,
        type: f.type,
        source: f.source,
        operators: [...f.operators],
        ...(f.options ? { options: [...f.options] } : {}),
      }));
    },

    /** Refreshes every segment of a workspace (the scheduled job), returning totals. */
    async refreshSegments(workspaceId: string) {
      const totals = { segments: 0, entered: 0, left: 0 };
      for (const row of await repo.listAllSegments(workspaceId)) {
        const result = await refreshSegment(row);
        totals.segments += 1;
        totals.entered += result.entered;
        totals.left += result.left;
      }
      return totals;
    },
  };
}
