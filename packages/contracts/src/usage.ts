import { Type, type Static } from 'typebox';
import { IsoDate, Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';

/** The longest range a usage query may span, in days (both ends included). */
export const MAX_USAGE_RANGE_DAYS = 400;

/** from/to are local calendar dates in the workspace's time zone; default: the last 30 days. */
export const UsageRangeQuerySchema = StrictObject({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type UsageRangeQuery = Static<typeof UsageRangeQuerySchema>;

export const UsageTrendSchema = StrictObject({
  current: Type.Number(),
  previous: Type.Number(),
  /** (current − previous) / previous; null when the previous period had none. */
  change: Nullable(Type.Number()),
});
export type UsageTrend = Static<typeof UsageTrendSchema>;

export const DailyUsageSchema = StrictObject({ date: IsoDate, events: Type.Integer(), activeUsers: Type.Integer() });

export const FeatureAdoptionSchema = StrictObject({
  name: Type.String(),
  module: Nullable(Type.String()),
  users: Type.Integer(),
  events: Type.Integer(),
  firstUsedDate: IsoDate,
  lastUsedDate: IsoDate,
});

/** DAU is the mean daily active users over the 30 days ending `to`; WAU/MAU count distinct users. */
export const ActiveUserMetricsSchema = StrictObject({
  dau: Type.Number(),
  wau: Type.Integer(),
  mau: Type.Integer(),
  /** DAU / MAU, 0–1. */
  stickiness: Type.Number(),
});
export type ActiveUserMetrics = Static<typeof ActiveUserMetricsSchema>;

/** 7 rows (Monday first) of 24 hourly event counts, in the workspace's time zone. */
export const ActivityClockSchema = Type.Array(Type.Array(Type.Integer()));

export const AccountUsageSchema = StrictObject({
  from: IsoDate,
  to: IsoDate,
  metrics: ActiveUserMetricsSchema,
  events: Type.Integer(),
  activeUsers: Type.Integer(),
  licensedSeats: Nullable(Type.Integer()),
  /** Active users in the range / licensed seats; null without seats. */
  seatUtilisation: Nullable(Type.Number()),
  lastSeenDate: Nullable(IsoDate),
  trends: StrictObject({ events: UsageTrendSchema, activeUsers: UsageTrendSchema }),
  daily: Type.Array(DailyUsageSchema),
  features: Type.Array(FeatureAdoptionSchema),
  activityClock: ActivityClockSchema,
  topUsers: Type.Array(
    StrictObject({
      userId: Type.String(),
      name: Nullable(Type.String()),
      email: Nullable(Type.String()),
      events: Type.Integer(),
      activeDays: Type.Integer(),
      lastSeenDate: IsoDate,
    }),
  ),
});
export type AccountUsage = Static<typeof AccountUsageSchema>;

export const PortfolioUsageSchema = StrictObject({
  from: IsoDate,
  to: IsoDate,
  metrics: ActiveUserMetricsSchema,
  events: Type.Integer(),
  activeUsers: Type.Integer(),
  activeAccounts: Type.Integer(),
  trends: StrictObject({ events: UsageTrendSchema, activeUsers: UsageTrendSchema }),
  daily: Type.Array(DailyUsageSchema),
  activityClock: ActivityClockSchema,
  /** Accounts adopting each feature, with their users and events. */
  features: Type.Array(
    StrictObject({
      name: Type.String(),
      module: Nullable(Type.String()),
      accounts: Type.Integer(),
      users: Type.Integer(),
      events: Type.Integer(),
    }),
  ),
  topAccounts: Type.Array(
    StrictObject({
      accountId: Uuid,
      name: Type.String(),
      events: Type.Integer(),
      activeUsers: Type.Integer(),
      licensedSeats: Nullable(Type.Integer()),
    }),
  ),
});
export type PortfolioUsage = Static<typeof PortfolioUsageSchema>;

export const ProductUserSchema = StrictObject({
  userId: Type.String(),
  accountId: Nullable(Uuid),
  traits: Type.Record(Type.String(), Type.Unknown()),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
  /** Activity events in the last 30 days. */
  events30d: Type.Integer(),
  lastActiveDate: Nullable(IsoDate),
});
export type ProductUser = Static<typeof ProductUserSchema>;

export const ProductUserEventSchema = StrictObject({
  type: Type.String(),
  name: Nullable(Type.String()),
  timestamp: Timestamp,
  properties: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

/** How many of a user's recent events one page holds by default. */
export const PRODUCT_USER_EVENTS_PAGE = 50;
/** How far back a user's raw events are listed (usage_events is not indexed by user). */
export const PRODUCT_USER_EVENT_DAYS = 90;

export const ProductUserDetailSchema = StrictObject({
  user: ProductUserSchema,
  /** The account the user belongs to, for the link back; null when not linked (or deleted). */
  accountName: Nullable(Type.String()),
  /** Activity events per local day over the last 90 days, oldest first, zeros included. */
  daily: Type.Array(StrictObject({ date: IsoDate, events: Type.Integer() })),
  /** The first page of the user's events of the last 90 days, newest first. */
  events: Type.Array(ProductUserEventSchema),
  /** Pass to GET /product-users/:id/events for the next page; null when there is none. */
  nextCursor: Nullable(Type.String()),
});
export type ProductUserDetail = Static<typeof ProductUserDetailSchema>;

export const ProductUserEventsQuerySchema = StrictObject({
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type ProductUserEventsQuery = Static<typeof ProductUserEventsQuerySchema>;

export const ProductUserEventPageSchema = StrictObject({
  items: Type.Array(ProductUserEventSchema),
  nextCursor: Nullable(Type.String()),
});
export type ProductUserEventPage = Static<typeof ProductUserEventPageSchema>;

const featureExample = { name: 'Reports', module: 'Analytics', eventName: 'Report Exported', propertyName: 'format', propertyValue: 'pdf' };

export const FeatureSchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  module: Nullable(Type.String()),
  eventName: Type.String(),
  propertyName: Nullable(Type.String()),
  propertyValue: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Feature = Static<typeof FeatureSchema>;

/** Maps an event (page views as "page:Name") to a feature; a property condition is optional. */
export const CreateFeatureSchema = StrictObject(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    module: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120 }))),
    eventName: Type.String({ minLength: 1, maxLength: 2048 }),
    propertyName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    propertyValue: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { examples: [featureExample] },
);
export type CreateFeature = Static<typeof CreateFeatureSchema>;

export const UpdateFeatureSchema = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    module: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120 }))),
    eventName: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    propertyName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    propertyValue: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { examples: [{ module: 'Reporting' }] },
);
export type UpdateFeature = Static<typeof UpdateFeatureSchema>;
