import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { domainEvents } from './domain-events.schema';

/** The domain events this issue records; the rules engine (a later issue) subscribes by type. */
export type DomainEventType =
  | 'tier.changed'
  | 'segment.entered'
  | 'segment.left'
  | 'lifecycle.stage_changed'
  // {field, from, to}: one event per account field a PATCH or an import changed (API field names, custom.<key>).
  | 'account.field_changed'
  // {contactId, name, isKeyPerson, leftAt}: a contact's left_at was set.
  | 'contact.left'
  // {from, to, score, previousScore}: bands (red/yellow/green/null) and scores; see modules/health/calculate-health-events.ts.
  | 'health.band_changed'
  | 'health.score_changed';

export type NewDomainEvent = { type: DomainEventType; accountId: string | null; payload: Record<string, unknown>; occurredAt: Date };

const CHUNK = 500;

/** Appends events in the caller's transaction, so an event exists exactly when its change does. */
export async function recordDomainEvents(db: Db, workspaceId: string, events: readonly NewDomainEvent[]): Promise<void> {
  // Chunked: one statement per few hundred rows keeps well under the bind-parameter limit.
  for (let i = 0; i < events.length; i += CHUNK) {
    await db.insert(domainEvents).values(events.slice(i, i + CHUNK).map((e) => ({ ...e, workspaceId })));
  }
  if (events.length > 0) notifyRecorded(workspaceId);
}

/** The same for raw-SQL transactions (the CSV import writes through a `query` function). */
export async function recordDomainEventsWithQuery(
  query: (text: string, params?: unknown[]) => Promise<unknown>,
  workspaceId: string,
  events: readonly NewDomainEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    const params: unknown[] = [workspaceId];
    const tuples = events.slice(i, i + CHUNK).map((e) => {
      params.push(e.type, e.accountId, JSON.stringify(e.payload), e.occurredAt.toISOString());
      const n = params.length;
      return `($1::uuid, $${n - 3}::text, $${n - 2}::uuid, $${n - 1}::text::jsonb, $${n}::timestamptz)`;
    });
    await query(`INSERT INTO domain_events (workspace_id, type, account_id, payload, occurred_at) VALUES ${tuples.join(', ')}`, params);
  }
  if (events.length > 0) notifyRecorded(workspaceId);
}

type RecordedListener = (workspaceId: string) => void;
const listeners = new Set<RecordedListener>();

/**
 * Hears that a workspace recorded events, so the rules job can be kicked at once instead of at its
 * next poll. In-process and best effort: it may fire before the recording transaction commits
 * (the job then finds nothing new and the poll catches up), never carries the events themselves.
 * Returns the unsubscribe function.
 */
export function onDomainEventsRecorded(listener: RecordedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notifyRecorded(workspaceId: string): void {
  for (const listener of listeners) {
    try {
      listener(workspaceId);
    } catch {
      // A listener's failure must never fail the change that recorded the event.
    }
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
