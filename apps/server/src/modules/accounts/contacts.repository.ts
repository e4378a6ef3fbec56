import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { accounts, contacts } from './accounts.schema';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactInsert = typeof contacts.$inferInsert;
export type ContactPatch = Partial<Omit<ContactInsert, 'id' | 'workspaceId' | 'accountId' | 'createdAt'>>;

// Contacts of a soft-deleted account are hidden with it, and come back when it is restored.
const liveAccount = and(eq(accounts.id, contacts.accountId), eq(accounts.workspaceId, contacts.workspaceId), isNull(accounts.deletedAt));

/** SQL for contacts; every method takes workspaceId first. */
export function createContactsRepository(db: Db) {
  return {
    async listContacts(workspaceId: string, accountId: string): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, accountId)))
        .orderBy(desc(contacts.isKeyPerson), asc(sql`lower(${contacts.name})`), asc(contacts.id));
    },
    async findContact(workspaceId: string, id: string): Promise<ContactRow | undefined> {
      const [row] = await db
        .select(getTableColumns(contacts))
        .from(contacts)
        .innerJoin(accounts, liveAccount)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
      return row;
    },
    async findIdByExternalId(workspaceId: string, externalId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.externalId, externalId)));
      return row?.id;
    },
    async insertContact(values: ContactInsert): Promise<ContactRow> {
      const [row] = await db.insert(contacts).values(values).returning();
      return row!;
    },
    async updateContact(workspaceId: string, id: string, patch: ContactPatch): Promise<ContactRow | undefined> {
      const [row] = await db
        .update(contacts)
        .set(patch)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
        .returning();
      return row;
    },
    async deleteContact(workspaceId: string, id: string): Promise<void> {
      await db.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
    },
  };
}
