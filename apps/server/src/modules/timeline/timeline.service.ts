import {
  TIMELINE_EVENT_TYPES,
  TOUCH_TYPES,
  type CreateTouch,
  type ErrorDetail,
  type ListTouchesQuery,
  type TimelineEventType,
  type TimelinePage,
  type TimelineQuery,
  type Touch,
  type UpdateTouch,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { markContactsContacted } from '../accounts';
import { calculateDayRange } from './calculate-day-range';
import { decodeFeedCursor, encodeFeedCursor, type FeedCursor } from './calculate-feed-cursor';
import { summariseTimelineEvent } from './summarise-timeline-event';
import { canEditTouch, type WorkActor } from './timeline.policy';
import { createTimelineRepository, listLastKeyContactTouches, listLastTouches, type TouchRow } from './timeline.repository';
import { toTouchDto } from './to-touch-dto';

export type TimelineService = ReturnType<typeof createTimelineService>;

const DEFAULT_PAGE_SIZE = 50;
// Clocks of laptops and phones drift; a touch "now" from a device a little ahead is still now.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid request: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
}

function parseCursor(cursor: string | undefined): FeedCursor | undefined {
  if (cursor === undefined) return undefined;
  const decoded = decodeFeedCursor(cursor);
  if (!decoded) throw invalid([{ field: 'cursor', location: 'querystring', problem: 'is not a cursor from a previous page' }]);
  return decoded;
}

function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw invalid([{ field: 'to', location: 'querystring', problem: 'must not be before from' }]);
}

/** Touches logged on accounts, and the account timeline that merges them with system events. */
export function createTimelineService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createTimelineRepository(database.db);

  async function getTouchRow(workspaceId: string, id: string): Promise<TouchRow> {
    const row = await repo.findTouch(workspaceId, id);
    if (!row) throw new AppError('TOUCH_NOT_FOUND', 'Touch not found');
    return row;
  }

  function checkOccurredAt(text: string | undefined): Date {
    const now = clock.now();
    if (text === undefined) return now;
    const at = new Date(text);
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw invalid([{ field: 'occurredAt', location: 'body', problem: 'must not be in the future' }]);
    }
    return at;
  }

  async function checkContacts(workspaceId: string, accountId: string, contactIds: readonly string[]): Promise<void> {
    const known = await repo.listAccountContactIds(workspaceId, accountId, contactIds);
    const unknown = contactIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid([{ field: 'contactIds', location: 'body', problem: `not people at this account: ${unknown.join(', ')}` }]);
    }
  }

  /** The stage the history puts the account in at that moment, else its stage now. */
  async function stageAt(workspaceId: string, accountId: string, at: Date, fallback: TouchRow['lifecycleStage']) {
    return (await repo.findStageAt(workspaceId, accountId, at)) ?? fallback;
  }

  function assertCanEdit(actor: WorkActor, touch: TouchRow): void {
    if (!canEditTouch(actor, touch)) throw new AppError('AUTH_FORBIDDEN', 'Only the author, a manager or an admin can change this touch');
  }

  return {
    /** Logs a touch; the contacts involved get it as their last-contacted date, in one transaction. */
    async createTouch(actor: WorkActor, accountId: string, input: CreateTouch): Promise<Touch> {
      const { workspaceId } = actor;
      const account = await repo.findAccountStage(workspaceId, accountId);
      if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
      const occurredAt = checkOccurredAt(input.occurredAt);
      const title = input.title.trim();
      if (!title) throw invalid([{ field: 'title', location: 'body', problem: 'must not be blank' }]);
      const contactIds = input.contactIds ?? [];
      await checkContacts(workspaceId, accountId, contactIds);
      const lifecycleStage = await stageAt(workspaceId, accountId, occurredAt, account.stage);
      const now = clock.now();
      const id = await database.db.transaction(async (tx) => {
        const touchId = await createTimelineRepository(tx).insertTouch(
          workspaceId,
          {
            accountId,
            type: input.type,
            occurredAt,
            authorId: actor.userId,
            lifecycleStage,
            title,
            body: input.body ?? '',
            createdAt: now,
            updatedAt: now,
          },
          contactIds,
        );
        await markContactsContacted(tx, workspaceId, contactIds, occurredAt);
        return touchId;
      });
      return toTouchDto(await getTouchRow(workspaceId, id));
    },

    async getTouch(workspaceId: string, id: string): Promise<Touch> {
      return toTouchDto(await getTouchRow(workspaceId, id));
    },

    /** Touches across the workspace's live accounts, newest first. */
    async listTouches(workspaceId: string, query: ListTouchesQuery): Promise<{ items: Touch[]; nextCursor: string | null }> {
      checkRange(query.from, query.to);
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const rows = await repo.listTouches(
        workspaceId,
        {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.authorId ? { authorIds: query.authorId } : {}),
          ...(query.type ? { types: query.type } : {}),
          ...calculateDayRange(query.from, query.to),
        },
        parseCursor(query.cursor),
        limit,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toTouchDto),
        nextCursor: rows.length > limit && last ? encodeFeedCursor({ at: last.cursorAt, id: last.id }) : null,
      };
    },

    /** Changes a touch. Newly named contacts get its date as their last contact; removed ones keep theirs. */
    async updateTouch(actor: WorkActor, id: string, patch: UpdateTouch): Promise<Touch> {
      const { workspaceId } = actor;
      const current = await getTouchRow(workspaceId, id);
      assertCanEdit(actor, current);
      const occurredAt = patch.occurredAt !== undefined ? checkOccurredAt(patch.occurredAt) : current.occurredAt;
      const title = patch.title?.trim();
      if (title === '') throw invalid([{ field: 'title', location: 'body', problem: 'must not be blank' }]);
      if (patch.contactIds) await checkContacts(workspaceId, current.accountId, patch.contactIds);
      const lifecycleStage =
        patch.occurredAt !== undefined
          ? await stageAt(workspaceId, current.accountId, occurredAt, current.lifecycleStage)
          : current.lifecycleStage;
      await database.db.transaction(async (tx) => {
        const txRepo = createTimelineRepository(tx);
        await txRepo.updateTouch(workspaceId, id, {
          ...(patch.type ? { type: patch.type } : {}),
          ...(title ? { title } : {}),
          ...(patch.body !== undefined ? { body: patch.body } : {}),
          occurredAt,
          lifecycleStage,
          updatedAt: clock.now(),
        });
        const contactIds = patch.contactIds ?? current.contactIds;
        if (patch.contactIds) await txRepo.replaceContacts(workspaceId, id, patch.contactIds);
        await markContactsContacted(tx, workspaceId, contactIds, occurredAt);
      });
      return toTouchDto(await getTouchRow(workspaceId, id));
    },

    /** Deletes a touch. Contacts' last-contacted dates stay: they may have come from elsewhere too. */
    async deleteTouch(actor: WorkActor, id: string): Promise<void> {
      const current = await getTouchRow(actor.workspaceId, id);
      assertCanEdit(actor, current);
      await repo.deleteTouch(actor.workspaceId, id);
    },

    /** An account's touches and system events merged, newest first, filtered by type, author and days. */
    async getTimeline(workspaceId: string, accountId: string, query: TimelineQuery): Promise<TimelinePage> {
      if (!(await repo.findAccountStage(workspaceId, accountId))) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
      checkRange(query.from, query.to);
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const types = query.type;
      const touchTypes = types ? types.filter((t) => (TOUCH_TYPES as readonly string[]).includes(t)) : null;
      // Nobody authors a system event: asking for an author's entries leaves them out.
      const eventTypes = query.authorId?.length
        ? []
        : types
          ? (types.filter((t) => (TIMELINE_EVENT_TYPES as readonly string[]).includes(t)) as TimelineEventType[])
          : [...TIMELINE_EVENT_TYPES];
      const entries = await repo.listTimelineEntries(
        workspaceId,
        accountId,
        {
          touchTypes,
          eventTypes,
          ...(query.authorId?.length ? { authorIds: query.authorId } : {}),
          ...calculateDayRange(query.from, query.to),
        },
        parseCursor(query.cursor),
        limit,
      );
      const page = entries.slice(0, limit);
      const [touchRows, events] = await Promise.all([
        repo.listTouchesByIds(
          workspaceId,
          page.filter((e) => e.kind === 'touch').map((e) => e.id),
        ),
        repo.listEventsByIds(
          workspaceId,
          page.filter((e) => e.kind === 'event').map((e) => e.id),
        ),
      ]);
      const touchById = new Map(touchRows.map((t) => [t.id, t]));
      const eventById = new Map(events.map((e) => [e.id, e]));
      const items = page.flatMap((entry): TimelinePage['items'] => {
        if (entry.kind === 'touch') {
          const touch = touchById.get(entry.id);
          return touch
            ? [{ kind: 'touch', id: entry.id, occurredAt: touch.occurredAt.toISOString(), touch: toTouchDto(touch), event: null }]
            : [];
        }
        const event = eventById.get(entry.id);
        if (!event) return [];
        return [
          {
            kind: 'event',
            id: entry.id,
            occurredAt: event.occurredAt.toISOString(),
            touch: null,
            event: { id: event.id, type: event.type, payload: event.payload, summary: summariseTimelineEvent(event.type, event.payload) },
          },
        ];
      });
      const last = page.at(-1);
      return { items, nextCursor: entries.length > limit && last ? encodeFeedCursor({ at: last.cursorAt, id: last.id }) : null };
    },

    /** Last touch with a key person per account up to the end of `asOf` (YYYY-MM-DD): health's days_since_key_contact. */
    listLastKeyContactTouches: (workspaceId: string, options: { asOf: string; accountIds?: readonly string[] }) =>
      listLastKeyContactTouches(database.db, workspaceId, options),

    /** Last touch of any kind per account up to the end of `asOf`. */
    listLastTouches: (workspaceId: string, options: { asOf: string; accountIds?: readonly string[] }) =>
      listLastTouches(database.db, workspaceId, options),
  };
}
