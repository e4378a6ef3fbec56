import { Type, type Static } from 'typebox';
import { IsoDate, Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';

export const TIERS = ['S', 'A', 'B', 'C'] as const;
export const TierSchema = Type.Enum(['S', 'A', 'B', 'C']);
export type Tier = Static<typeof TierSchema>;

/** DOMAIN §4: the five working stages plus the two outcomes. */
export const LIFECYCLE_STAGES = ['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned'] as const;
export const LifecycleStageSchema = Type.Enum(['handoff', 'onboarding', 'rollout', 'stable', 'renewal', 'renewed', 'churned']);
export type LifecycleStage = Static<typeof LifecycleStageSchema>;

export const ACCOUNT_STATUSES = ['active', 'churned'] as const;
export const AccountStatusSchema = Type.Enum(['active', 'churned']);
export type AccountStatus = Static<typeof AccountStatusSchema>;

export const CONTACT_ROLES = ['decision_maker', 'executive_sponsor', 'champion', 'admin', 'end_user'] as const;
export const ContactRoleSchema = Type.Enum(['decision_maker', 'executive_sponsor', 'champion', 'admin', 'end_user']);
export type ContactRole = Static<typeof ContactRoleSchema>;

export const CurrencySchema = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. USD, CNY' });
/** Money in major units (e.g. 12000.50), kept exact to the cent in the database. */
export const MoneySchema = Type.Number({ minimum: 0, maximum: 1e13 });
export const TagSchema = Type.String({ minLength: 1, maxLength: 64 });
export const CustomFieldValueSchema = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()]);
export const CustomFieldValuesSchema = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), CustomFieldValueSchema);

export const AccountSchema = StrictObject({
  id: Uuid,
  externalId: Nullable(Type.String()),
  name: Type.String(),
  domain: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  employees: Nullable(Type.Integer()),
  region: Nullable(Type.String()),
  plan: Nullable(Type.String()),
  arr: Type.Number(),
  /** Always arr / 12: one source of truth for recurring revenue. */
  mrr: Type.Number(),
  currency: Type.String(),
  contractStart: Nullable(IsoDate),
  renewalDate: Nullable(IsoDate),
  licensedSeats: Nullable(Type.Integer()),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  tier: Nullable(TierSchema),
  lifecycleStage: Nullable(LifecycleStageSchema),
  status: AccountStatusSchema,
  churnDate: Nullable(IsoDate),
  churnReason: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  customFields: CustomFieldValuesSchema,
  contactCount: Type.Integer(),
  /** The latest daily health snapshot (issue #5); null before the first score. Optional only for older clients' fixtures. */
  health: Type.Optional(
    Nullable(
      StrictObject({
        score: Nullable(Type.Number()),
        band: Nullable(Type.Enum(['red', 'yellow', 'green'])),
        date: IsoDate,
      }),
    ),
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
});
export type Account = Static<typeof AccountSchema>;

const writableAccountFields = {
  externalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  domain: Type.Optional(Nullable(Type.String({ maxLength: 253 }))),
  industry: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  employees: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  plan: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  arr: Type.Optional(MoneySchema),
  currency: Type.Optional(CurrencySchema),
  contractStart: Type.Optional(Nullable(IsoDate)),
  renewalDate: Type.Optional(Nullable(IsoDate)),
  licensedSeats: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
  ownerId: Type.Optional(Nullable(Uuid)),
  tier: Type.Optional(Nullable(TierSchema)),
  lifecycleStage: Type.Optional(Nullable(LifecycleStageSchema)),
  status: Type.Optional(AccountStatusSchema),
  churnDate: Type.Optional(Nullable(IsoDate)),
  churnReason: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  tags: Type.Optional(Type.Array(TagSchema, { maxItems: 100 })),
  customFields: Type.Optional(CustomFieldValuesSchema),
};

export const CreateAccountSchema = StrictObject(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...writableAccountFields },
  { examples: [{ name: 'Acme Logistics', externalId: 'crm-001', arr: 120000, currency: 'USD', renewalDate: '2027-03-31' }] },
);
export type CreateAccount = Static<typeof CreateAccountSchema>;

export const UpdateAccountSchema = StrictObject(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...writableAccountFields },
  { examples: [{ plan: 'Enterprise', tags: ['upsell'] }] },
);
export type UpdateAccount = Static<typeof UpdateAccountSchema>;

export const ACCOUNT_SORTS = [
  'name',
  '-name',
  'arr',
  '-arr',
  'renewalDate',
  '-renewalDate',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'health',
  '-health',
] as const;

export const ListAccountsQuerySchema = StrictObject({
  ...PageQuery,
  sort: Type.Optional(Type.Enum([...ACCOUNT_SORTS])),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'text search on name and domain' })),
  ownerId: Type.Optional(Type.Array(Uuid)),
  tier: Type.Optional(Type.Array(TierSchema)),
  stage: Type.Optional(Type.Array(LifecycleStageSchema)),
  status: Type.Optional(Type.Array(AccountStatusSchema)),
  industry: Type.Optional(Type.Array(Type.String({ maxLength: 100 }))),
  tag: Type.Optional(Type.Array(TagSchema)),
  externalId: Type.Optional(Type.String({ maxLength: 200 })),
  renewalFrom: Type.Optional(IsoDate),
  renewalTo: Type.Optional(IsoDate),
  deleted: Type.Optional(Type.Boolean({ description: 'list soft-deleted accounts (restorable for 30 days) instead' })),
  filter: Type.Optional(
    Type.String({ maxLength: 20_000, description: 'JSON filter expression (as saved in a segment), ANDed with the other filters' }),
  ),
});
export type ListAccountsQuery = Static<typeof ListAccountsQuerySchema>;

export const AccountPageSchema = Page(AccountSchema);

export const ContactSchema = StrictObject({
  id: Uuid,
  accountId: Uuid,
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  title: Nullable(Type.String()),
  role: Nullable(ContactRoleSchema),
  isKeyPerson: Type.Boolean(),
  /** 1 (weak) to 5 (strong), the CSM's judgement. */
  relationshipStrength: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  lastContactedAt: Nullable(Timestamp),
  /** Set when the person left the company: a churn risk for key people. */
  leftAt: Nullable(IsoDate),
  externalId: Nullable(Type.String()),
  customFields: CustomFieldValuesSchema,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = Static<typeof ContactSchema>;

const writableContactFields = {
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  role: Type.Optional(Nullable(ContactRoleSchema)),
  isKeyPerson: Type.Optional(Type.Boolean()),
  relationshipStrength: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 5 }))),
  lastContactedAt: Type.Optional(Nullable(Timestamp)),
  leftAt: Type.Optional(Nullable(IsoDate)),
  externalId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  /** Checked against the workspace's contact custom fields; on update, null removes a key. */
  customFields: Type.Optional(CustomFieldValuesSchema),
};

export const CreateContactSchema = StrictObject(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...writableContactFields },
  { examples: [{ name: 'Li Wei', email: 'li.wei@example.com', role: 'champion', isKeyPerson: true }] },
);
export const UpdateContactSchema = StrictObject(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...writableContactFields },
  { examples: [{ title: 'VP Operations' }] },
);
export type CreateContact = Static<typeof CreateContactSchema>;
export type UpdateContact = Static<typeof UpdateContactSchema>;
export const ContactListSchema = StrictObject({ items: Type.Array(ContactSchema) });

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select'] as const;
export const CustomFieldTypeSchema = Type.Enum(['text', 'number', 'date', 'boolean', 'select']);
export type CustomFieldType = Static<typeof CustomFieldTypeSchema>;
export const CUSTOM_FIELD_ENTITIES = ['account', 'contact'] as const;
export const CustomFieldEntitySchema = Type.Enum(['account', 'contact']);
export type CustomFieldEntity = Static<typeof CustomFieldEntitySchema>;
export const CustomFieldDefinitionSchema = StrictObject({
  id: Uuid,
  entity: CustomFieldEntitySchema,
  key: Type.String(),
  label: Type.String(),
  type: CustomFieldTypeSchema,
  options: Type.Array(Type.String()),
  createdAt: Timestamp,
});
export type CustomFieldDefinition = Static<typeof CustomFieldDefinitionSchema>;
export const CreateCustomFieldSchema = StrictObject(
  {
    /** Which records carry the field; defaults to account. */
    entity: Type.Optional(CustomFieldEntitySchema),
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: CustomFieldTypeSchema,
    options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })),
  },
  {
    examples: [
      { key: 'onboarding_manager', label: 'Onboarding manager', type: 'text' },
      { key: 'support_plan', label: 'Support plan', type: 'select', options: ['basic', 'premium'] },
    ],
  },
);
export type CreateCustomField = Static<typeof CreateCustomFieldSchema>;
export const ListCustomFieldsQuerySchema = StrictObject({ entity: Type.Optional(CustomFieldEntitySchema) });
export type ListCustomFieldsQuery = Static<typeof ListCustomFieldsQuerySchema>;
export const CustomFieldListSchema = StrictObject({ items: Type.Array(CustomFieldDefinitionSchema) });
