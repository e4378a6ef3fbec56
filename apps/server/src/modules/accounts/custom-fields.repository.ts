import { and, asc, eq, sql } from 'drizzle-orm';
import type { CustomFieldEntity } from '@northstar/contracts';
import type { Db } from '../../platform/db/database';
import { accounts, contacts, customFieldDefinitions } from './accounts.schema';

export type CustomFieldRow = typeof customFieldDefinitions.$inferSelect;

/** SQL for custom field definitions; every method takes workspaceId first. */
export function createCustomFieldsRepository(db: Db) {
  return {
    async listCustomFields(workspaceId: string, entity?: CustomFieldEntity): Promise<CustomFieldRow[]> {
      return db
        .select()
        .from(customFieldDefinitions)
        .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), entity ? eq(customFieldDefinitions.entity, entity) : undefined))
        .orderBy(asc(customFieldDefinitions.entity), asc(customFieldDefinitions.createdAt), asc(customFieldDefinitions.key));
    },
    async findCustomField(workspaceId: string, id: string): Promise<CustomFieldRow | undefined> {
      const [row] = await db
        .select()
        .from(customFieldDefinitions)
        .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, id)));
      return row;
    },
    async findCustomFieldByKey(workspaceId: string, entity: CustomFieldEntity, key: string): Promise<CustomFieldRow | undefined> {
      const [row] = await db
        .select()
        .from(customFieldDefinitions)
        .where(
          and(
            eq(customFieldDefinitions.workspaceId, workspaceId),
            eq(customFieldDefinitions.entity, entity),
            eq(customFieldDefinitions.key, key),
          ),
        );
      return row;
    },
    async insertCustomField(values: typeof customFieldDefinitions.$inferInsert): Promise<CustomFieldRow> {
      const [row] = await db.insert(customFieldDefinitions).values(values).returning();
      return row!;
    },
    /** Deletes the definition and its values from every record, so a later field may reuse the key. */
    async deleteCustomField(workspaceId: string, field: CustomFieldRow): Promise<void> {
      await db.transaction(async (tx) => {
        const table = field.entity === 'account' ? accounts : contacts;
        await tx
          .update(table)
          .set({ customFields: sql`${table.customFields} - ${field.key}::text` })
          .where(and(eq(table.workspaceId, workspaceId), sql`(${table.customFields} -> ${field.key}::text) is not null`));
        await tx
          .delete(customFieldDefinitions)
          .where(and(eq(customFieldDefinitions.workspaceId, workspaceId), eq(customFieldDefinitions.id, field.id)));
      });
    },
  };
}
