import { Type, type Static } from 'typebox';
import { AccountSchema } from './accounts';
import { Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';

/**
 * A filter expression: `{ op: 'and'|'or', conditions: [ { field, operator, value } | group ] }`.
 * Its shape depends on the workspace's fields, so the server checks it and names each problem by
 * path (`conditions[1].value`); the schema here only documents it.
 */
export const FilterExpressionSchema = Type.Unknown({
  description: 'JSON filter expression { op: "and"|"or", conditions: [{ field, operator, value } | group] }',
});

export const SegmentVisibilitySchema = Type.Enum(['shared', 'private']);
export type SegmentVisibility = Static<typeof SegmentVisibilitySchema>;

export const SegmentSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  expression: FilterExpressionSchema,
  visibility: SegmentVisibilitySchema,
  ownerId: Nullable(Uuid),
  memberCount: Type.Integer(),
  refreshedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Segment = Static<typeof SegmentSchema>;

const example = {
  name: 'Enterprise renewals',
  description: 'S and A accounts renewing within 90 days',
  expression: {
    op: 'and',
    conditions: [
      { field: 'tier', operator: 'in', value: ['S', 'A'] },
      { field: 'renewalDate', operator: 'withinNextDays', value: 90 },
    ],
  },
  visibility: 'shared',
};

export const CreateSegmentSchema = StrictObject(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    expression: FilterExpressionSchema,
    visibility: Type.Optional(SegmentVisibilitySchema),
  },
  { examples: [example] },
);
export type CreateSegment = Static<typeof CreateSegmentSchema>;

export const UpdateSegmentSchema = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    expression: Type.Optional(FilterExpressionSchema),
    visibility: Type.Optional(SegmentVisibilitySchema),
  },
  { examples: [{ name: 'Enterprise renewals (90 days)' }] },
);
export type UpdateSegment = Static<typeof UpdateSegmentSchema>;

export const SegmentListSchema = StrictObject({ items: Type.Array(SegmentSchema) });

export const SegmentAccountsQuerySchema = StrictObject({ ...PageQuery });
export const SegmentAccountPageSchema = Page(AccountSchema);

export const PreviewSegmentSchema = StrictObject(
  { expression: FilterExpressionSchema },
  { examples: [{ expression: example.expression }] },
);
export const SegmentPreviewSchema = StrictObject({
  count: Type.Integer(),
  accounts: Type.Array(StrictObject({ id: Uuid, name: Type.String(), arr: Type.Number(), tier: Nullable(Type.String()) })),
});
export type SegmentPreview = Static<typeof SegmentPreviewSchema>;

export const SegmentCountSchema = StrictObject({ count: Type.Integer() });

/** One filterable field, for the segment builder's field picker. */
export const FilterFieldSchema = StrictObject({
  name: Type.String(),
  type: Type.String(),
  source: Type.Enum(['column', 'custom', 'metric']),
  operators: Type.Array(Type.String()),
  options: Type.Optional(Type.Array(Type.String())),
});
export const FilterFieldListSchema = StrictObject({ items: Type.Array(FilterFieldSchema) });
export type FilterFieldInfo = Static<typeof FilterFieldSchema>;
