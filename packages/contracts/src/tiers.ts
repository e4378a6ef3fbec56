import { Type, type Static } from 'typebox';
import { TierSchema } from './accounts';
import { IsoDate, Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';

const Share = Type.Number({ minimum: 0, maximum: 1 });

/** A workspace's auto-tiering rules (DOMAIN §3); every number is a default an admin can change. */
export const TieringPolicySchema = StrictObject(
  {
    s: StrictObject({ arrShare: Share, maxAccountShare: Share, minAccountShare: Share }),
    c: StrictObject({ arrPercentile: Nullable(Share), minEmployees: Nullable(Type.Integer({ minimum: 0 })) }),
    engagement: StrictObject({ usageThreshold: Share, healthThreshold: Type.Number({ minimum: 0, maximum: 100 }) }),
  },
  {
    examples: [
      {
        s: { arrShare: 0.6, maxAccountShare: 0.2, minAccountShare: 0.1 },
        c: { arrPercentile: 0.4, minEmployees: 50 },
        engagement: { usageThreshold: 0.4, healthThreshold: 70 },
      },
    ],
  },
);
export type TieringPolicyBody = Static<typeof TieringPolicySchema>;

/** A sentence in each UI language. */
export const LocalizedTextSchema = StrictObject({ en: Type.String(), 'zh-CN': Type.String() });

export const TierShareSchema = StrictObject({
  tier: TierSchema,
  accounts: Type.Integer(),
  arr: Type.Number(),
  accountShare: Share,
  arrShare: Share,
});

/** GET /tiers: the policy, the Pareto curve and each tier's weight. */
export const TiersOverviewSchema = StrictObject({
  policy: TieringPolicySchema,
  points: Type.Array(StrictObject({ accountShare: Share, arrShare: Share })),
  tiers: Type.Array(TierShareSchema),
  totalAccounts: Type.Integer(),
  totalArr: Type.Number(),
  top20ArrShare: Share,
  computedAt: Nullable(Timestamp),
});
export type TiersOverview = Static<typeof TiersOverviewSchema>;

export const TierRecomputeResultSchema = StrictObject({
  accounts: Type.Integer(),
  changed: Type.Integer(),
  tiers: Type.Array(TierShareSchema),
});
export type TierRecomputeResult = Static<typeof TierRecomputeResultSchema>;

export const TierPinSchema = StrictObject({
  tier: TierSchema,
  reason: Type.String(),
  expiresAt: Nullable(IsoDate),
  pinnedBy: Nullable(Uuid),
  createdAt: Timestamp,
});

export const TierHistoryEntrySchema = StrictObject({
  from: Nullable(TierSchema),
  to: TierSchema,
  cause: Type.Enum(['rule', 'pin', 'pin_ended']),
  text: LocalizedTextSchema,
  changedAt: Timestamp,
});

/** GET /accounts/:id/tier: the tier, why (structured and as text), the pin and the history. */
export const AccountTierSchema = StrictObject({
  tier: Nullable(TierSchema),
  calculatedTier: Nullable(TierSchema),
  reason: Nullable(Type.Record(Type.String(), Type.Unknown())),
  text: Nullable(LocalizedTextSchema),
  computedAt: Nullable(Timestamp),
  pin: Nullable(TierPinSchema),
  history: Type.Array(TierHistoryEntrySchema),
});
export type AccountTier = Static<typeof AccountTierSchema>;

export const PinTierSchema = StrictObject(
  {
    tier: TierSchema,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    expiresAt: Type.Optional(Nullable(IsoDate)),
  },
  { examples: [{ tier: 'S', reason: 'Strategic logo for the APAC launch', expiresAt: '2026-12-31' }] },
);
export type PinTier = Static<typeof PinTierSchema>;
