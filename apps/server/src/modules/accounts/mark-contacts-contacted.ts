import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { contacts } from './accounts.schema';

/**
 * Moves each contact's last-contacted date forward to `at` (never back: an older touch logged
 * late must not hide a newer conversation). Runs in the caller's transaction, so the touch that
 * caused it and the date change commit together.
 */
export async function markContactsContacted(db: Db, workspaceId: string, contactIds: readonly string[], at: Date): Promise<void> {
  if (contactIds.length === 0) return;
  await db
    .update(contacts)
    .set({ lastContactedAt: sql`greatest(${contacts.lastContactedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, [...contactIds])));
}
