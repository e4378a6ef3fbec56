import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { domainEvents } from './domain-events.schema';

/** The domain events this issue records; the rules engine (a later issue) subscribes by type. */
export type DomainEventType = 'tier.changed' | 'segment.entered' | 'segment.left' | 'lifecycle.stage_changed';

export type NewDomainEvent = { type: DomainEventType; accountId: string | null; payload: Record<string, unknown>; occurredAt: Date };

const CHUNK = 500;

/** Appends events in the caller's transaction, so an event exists exactly when its change does. */
export async function recordDomainEvents(db: Db, workspaceId: string, events: readonly NewDomainEvent[]): Promise<void> {
  // Chunked: one statement per few hundred rows keeps well under the bind-parameter limit.
  for (let i = 0; i < events.length; i += CHUNK) {
    await db.insert(domainEvents).values(events.slice(i, i + CHUNK).map((e) => ({ ...e, workspaceId })));
  }
}

/** Recent events of a workspace, newest first (tests and the later rules engine read these). */
export async function listDomainEvents(db: Db, workspaceId: string, filter: { type?: DomainEventType; accountId?: string } = {}) {
  return db
    .select()
    .from(domainEvents)
    .where(
      and(
        eq(domainEvents.workspaceId, workspaceId),
        filter.type ? eq(domainEvents.type, filter.type) : undefined,
        filter.accountId ? eq(domainEvents.accountId, filter.accountId) : undefined,
      ),
    )
    .orderBy(desc(domainEvents.occurredAt))
    .limit(1000);
}
