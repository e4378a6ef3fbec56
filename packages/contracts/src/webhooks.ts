import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StrictObject, Timestamp, Uuid } from './schema-helpers';

/**
 * Outgoing webhooks: every POST is signed with the workspace's signing secret, retried with
 * exponential backoff and logged as a delivery. See docs/rules-and-webhooks.md for verifying
 * the signature on the receiving side.
 */

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` */
export const WEBHOOK_SIGNATURE_HEADER = 'Northstar-Signature';
export const WEBHOOK_EVENT_HEADER = 'Northstar-Event';
export const WEBHOOK_DELIVERY_HEADER = 'Northstar-Delivery';
/** Attempts before a delivery is given up as failed. */
export const WEBHOOK_MAX_ATTEMPTS = 8;

export const WebhookDeliveryStatusSchema = Type.Enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = Static<typeof WebhookDeliveryStatusSchema>;

export const WebhookAttemptSchema = StrictObject({
  at: Timestamp,
  /** The receiver's HTTP status; null when no response came (refused, timeout, connection error). */
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});

export const WebhookDeliverySchema = StrictObject({
  id: Uuid,
  url: Type.String(),
  event: Type.String(),
  /** The `data` of the body; the body is `{ id, event, createdAt, data }`. */
  payload: Type.Record(Type.String(), Type.Unknown()),
  status: WebhookDeliveryStatusSchema,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Nullable(Timestamp),
  lastAttemptAt: Nullable(Timestamp),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(Timestamp),
  source: StrictObject({ playbookId: Nullable(Uuid), ruleId: Nullable(Uuid), accountId: Nullable(Uuid) }),
  /** The delivery this one re-sends (POST …/redeliver). */
  redeliveryOf: Nullable(Uuid),
  /** The most recent attempts, oldest first. */
  attemptLog: Type.Array(WebhookAttemptSchema),
  createdAt: Timestamp,
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const WebhookDeliveriesQuerySchema = StrictObject({
  ...PageQuery,
  status: Type.Optional(WebhookDeliveryStatusSchema),
  event: Type.Optional(Type.String({ maxLength: 200 })),
  ruleId: Type.Optional(Uuid),
  playbookId: Type.Optional(Uuid),
  accountId: Type.Optional(Uuid),
});
export type WebhookDeliveriesQuery = Static<typeof WebhookDeliveriesQuerySchema>;
export const WebhookDeliveryPageSchema = Page(WebhookDeliverySchema);
export type WebhookDeliveryPage = Static<typeof WebhookDeliveryPageSchema>;

/** Workspace webhook settings; the signing secret itself is only shown when rotated. */
export const WebhookSettingsSchema = StrictObject({
  /**
   * Off by default: targets resolving to loopback, private (RFC 1918), link-local, CGNAT,
   * unique-local, multicast or unspecified addresses are refused. An admin may allow them for
   * receivers inside the company network.
   */
  allowPrivateWebhookTargets: Type.Boolean(),
  /** The first characters of the current secret (`whsec_abc1234`), to tell secrets apart; null before the first one. */
  signingSecretPrefix: Nullable(Type.String()),
  signingSecretRotatedAt: Nullable(Timestamp),
});
export type WebhookSettings = Static<typeof WebhookSettingsSchema>;

export const UpdateWebhookSettingsSchema = StrictObject(
  { allowPrivateWebhookTargets: Type.Optional(Type.Boolean()) },
  { examples: [{ allowPrivateWebhookTargets: false }] },
);
export type UpdateWebhookSettings = Static<typeof UpdateWebhookSettingsSchema>;

/** A new signing secret, shown this once; deliveries from now on are signed with it. */
export const WebhookSigningSecretSchema = StrictObject({
  secret: Type.String(),
  prefix: Type.String(),
  rotatedAt: Timestamp,
});
export type WebhookSigningSecret = Static<typeof WebhookSigningSecretSchema>;

/** POST /webhooks/test: sends a `webhook.test` event to a URL (checked like any target). */
export const TestWebhookSchema = StrictObject(
  { url: Type.String({ minLength: 1, maxLength: 2000 }) },
  { examples: [{ url: 'https://hooks.example.com/northstar' }] },
);
export type TestWebhook = Static<typeof TestWebhookSchema>;
