import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema';
import { workspaces } from '../workspaces/workspaces.schema';

/** A paying company (DOMAIN §1). Soft-deleted rows keep deleted_at and can be restored for 30 days. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // The id in the customer's CRM or billing system: the key for CSV upserts and Segment groupId.
    externalId: text('external_id'),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    employees: integer('employees'),
    region: text('region'),
    plan: text('plan'),
    // Exact to the cent; drivers return numeric as a string, the DTO turns it into a number.
    arr: numeric('arr', { precision: 14, scale: 2 }).notNull().default('0'),
    currency: text('currency').notNull().default('USD'),
    contractStart: date('contract_start'),
    renewalDate: date('renewal_date'),
    licensedSeats: integer('licensed_seats'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    tier: text('tier', { enum: ['S', 'A', 'B', 'C'] }),
    lifecycleStage: text('lifecycle_stage', { enum: ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'] }),
    status: text('status', { enum: ['active', 'churned'] })
      .notNull()
      .default('active'),
    churnDate: date('churn_date'),
    churnReason: text('churn_reason'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('accounts_workspace_external_id_key').on(t.workspaceId, t.externalId),
    index('accounts_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index('accounts_workspace_arr_idx').on(t.workspaceId, t.arr, t.id),
    index('accounts_workspace_renewal_idx').on(t.workspaceId, t.renewalDate, t.id),
    index('accounts_workspace_owner_idx').on(t.workspaceId, t.ownerId),
    index('accounts_tags_idx').using('gin', t.tags),
  ],
);

/** A person at an account; key people (关键人) matter most for risk. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    role: text('role', { enum: ['decision_maker', 'executive_sponsor', 'champion', 'admin', 'end_user'] }),
    isKeyPerson: boolean('is_key_person').notNull().default(false),
    relationshipStrength: smallint('relationship_strength'),
    lastContactedAt: timestamp('last_contacted_at', { withTimezone: true }),
    leftAt: date('left_at'),
    customFields: jsonb('custom_fields').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_workspace_external_id_key').on(t.workspaceId, t.externalId),
    index('contacts_workspace_account_idx').on(t.workspaceId, t.accountId),
  ],
);

/** Typed custom fields, defined per workspace; values live in the custom_fields jsonb column. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entity: text('entity', { enum: ['account', 'contact'] }).notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', { enum: ['text', 'number', 'date', 'boolean', 'select'] }).notNull(),
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_field_definitions_key').on(t.workspaceId, t.entity, t.key)],
);
