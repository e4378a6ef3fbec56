import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A tenant. Every tenant table carries workspace_id referencing this. */
export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // IANA zone; usage rollups and "today" are computed in it.
  timezone: text('timezone').notNull().default('UTC'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
