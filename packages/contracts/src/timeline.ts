import { Type, type Static } from 'typebox';
import { LifecycleStageSchema } from './accounts';
import { IsoDate, Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { LocalizedTextSchema } from './tiers';

/** What a CSM logs on an account (DOMAIN §4–5): the touches coverage analysis counts. */
export const TOUCH_TYPES = ['note', 'call', 'meeting', 'email', 'training', 'business_review'] as const;
export const TouchTypeSchema = Type.Enum(['note', 'call', 'meeting', 'email', 'training', 'business_review']);
export type TouchType = Static<typeof TouchTypeSchema>;

/** Domain events shown on an account's timeline beside the touches. */
export const TIMELINE_EVENT_TYPES = [
  'tier.changed',
  'segment.entered',
  'segment.left',
  'lifecycle.stage_changed',
  'health.band_changed',
] as const;
export const TimelineEventTypeSchema = Type.Enum([
  'tier.changed',
  'segment.entered',
  'segment.left',
  'lifecycle.stage_changed',
  'health.band_changed',
]);
export type TimelineEventType = Static<typeof TimelineEventTypeSchema>;

export const TouchSchema = StrictObject({
  id: Uuid,
  accountId: Uuid,
  accountName: Type.String(),
  type: TouchTypeSchema,
  occurredAt: Timestamp,
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  /** People at the account who took part; logging the touch sets their last-contacted date. */
  contactIds: Type.Array(Uuid),
  /** The account's lifecycle stage when the touch happened (from the stage history, else the account's stage when logged). */
  lifecycleStage: Nullable(LifecycleStageSchema),
  title: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Touch = Static<typeof TouchSchema>;

export const CreateTouchSchema = StrictObject(
  {
    type: TouchTypeSchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** Defaults to now; a touch may be logged after the fact but not in the future. */
    occurredAt: Type.Optional(Timestamp),
    contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  },
  {
    examples: [
      {
        type: 'call',
        title: 'Monthly check-in',
        body: 'Discussed the rollout to the finance team.',
        occurredAt: '2026-03-02T10:00:00.000Z',
        contactIds: [],
      },
    ],
  },
);
export type CreateTouch = Static<typeof CreateTouchSchema>;

export const UpdateTouchSchema = StrictObject(
  {
    type: Type.Optional(TouchTypeSchema),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    occurredAt: Type.Optional(Timestamp),
    contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  },
  { examples: [{ title: 'Quarterly business review', type: 'business_review' }] },
);
export type UpdateTouch = Static<typeof UpdateTouchSchema>;

/** GET /touches: touches across accounts, newest first. */
export const ListTouchesQuerySchema = StrictObject({
  ...PageQuery,
  accountId: Type.Optional(Uuid),
  authorId: Type.Optional(Type.Array(Uuid)),
  type: Type.Optional(Type.Array(TouchTypeSchema)),
  /** Calendar days (UTC), both inclusive. */
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type ListTouchesQuery = Static<typeof ListTouchesQuerySchema>;
export const TouchPageSchema = Page(TouchSchema);

/** A system event on the timeline: what happened to the account without anyone logging it. */
export const TimelineEventSchema = StrictObject({
  id: Uuid,
  type: TimelineEventTypeSchema,
  /** The event as recorded by its module (from/to values, segment name, ...). */
  payload: Type.Record(Type.String(), Type.Unknown()),
  /** One line for people, in both UI languages. */
  summary: LocalizedTextSchema,
});
export type TimelineEvent = Static<typeof TimelineEventSchema>;

/** One entry of the merged feed: exactly one of `touch` and `event` is set, as `kind` says. */
export const TimelineItemSchema = StrictObject({
  kind: Type.Enum(['touch', 'event']),
  id: Uuid,
  occurredAt: Timestamp,
  touch: Nullable(TouchSchema),
  event: Nullable(TimelineEventSchema),
});
export type TimelineItem = Static<typeof TimelineItemSchema>;

/**
 * GET /accounts/:accountId/timeline: touches and system events, newest first. `type` takes touch
 * types and event types; filtering by author leaves system events out (nobody authored them).
 */
export const TimelineQuerySchema = StrictObject({
  ...PageQuery,
  type: Type.Optional(Type.Array(Type.Union([TouchTypeSchema, TimelineEventTypeSchema]))),
  authorId: Type.Optional(Type.Array(Uuid)),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type TimelineQuery = Static<typeof TimelineQuerySchema>;
export const TimelinePageSchema = Page(TimelineItemSchema);
export type TimelinePage = Static<typeof TimelinePageSchema>;
