import type { AccountTier, PinTier, TierRecomputeResult, TiersOverview } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { calculateParetoCurve } from './calculate-pareto-curve';
import { calculateTiers } from './calculate-tiers';
import { diffTierAssignments } from './diff-tier-assignments';
import { validateTieringPolicy, type TieringPolicy } from './tiering-policy';
import { createTiersRepository } from './tiers.repository';

/**
 * Engagement (active users / licensed seats over 30 days, 0–1) per account id. The seam the usage
 * rollups fill in; until then every account has none and tiering falls back to health, then to
 * "no engagement data" (B) — see calculateTiers.
 */
export type LoadEngagement = (
  workspaceId: string,
  accountIds: readonly string[],
  options: { today?: string },
) => Promise<ReadonlyMap<string, number>>;
/** Health score (0–100) per account id; the seam the health module fills in. */
export type LoadHealth = (workspaceId: string, accountIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;

const none = async () => new Map<string, number>();

export type TiersService = ReturnType<typeof createTiersService>;

type Deps = { database: Database; clock: Clock; loadEngagement?: LoadEngagement; loadHealth?: LoadHealth };

export function createTiersService({ database, clock, loadEngagement = none, loadHealth = none }: Deps) {
  const today = () => clock.now().toISOString().slice(0, 10);

  async function assertAccount(workspaceId: string, accountId: string): Promise<void> {
    if (!(await createTiersRepository(database.db).isLiveAccount(workspaceId, accountId))) {
      throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    }
  }

  /**
   * Recalculates every live account's tier, recording each change (history + `tier.changed`).
   * `today` runs it as of another day (the demo's reference date): pins and the usage window follow it.
   */
  async function recomputeTiers(workspaceId: string, options: { today?: string } = {}): Promise<TierRecomputeResult> {
    const now = clock.now();
    // The loaders query through the shared handle, so they run before the transaction: on PGlite
    // the transaction holds the only connection and a query outside it would wait forever.
    const ids = (await createTiersRepository(database.db).loadTieringAccounts(workspaceId)).map((a) => a.id);
    const [engagement, health] = await Promise.all([loadEngagement(workspaceId, ids, options), loadHealth(workspaceId, ids)]);
    const result = await database.db.transaction(async (tx) => {
      const repo = createTiersRepository(tx);
      await repo.lockWorkspace(workspaceId);
      const policy = await repo.loadPolicy(workspaceId);
      const base = await repo.loadTieringAccounts(workspaceId);
      const input = base.map((a) => ({ ...a, engagement: engagement.get(a.id) ?? null, health: health.get(a.id) ?? null }));
      const assignments = calculateTiers(input, policy, options.today ?? today());
      const changes = diffTierAssignments(await repo.loadStoredTiers(workspaceId), assignments);
      await repo.writeAssignments(workspaceId, assignments, changes, now);
      await recordDomainEvents(
        tx,
        workspaceId,
        changes.map((c) => ({
          type: 'tier.changed',
          accountId: c.accountId,
          payload: { from: c.from, to: c.to, cause: c.cause, text: c.text },
          occurredAt: now,
        })),
      );
      const arrById = new Map(input.map((a) => [a.id, a.arr]));
      const summary = calculateParetoCurve(assignments.map((a) => ({ arr: arrById.get(a.accountId) ?? 0, tier: a.tier })));
      return { accounts: assignments.length, changed: changes.length, tiers: summary.tiers };
    });
    return result;
  }

  /** The policy, the Pareto curve and tier shares of the live, active portfolio. */
  async function getTiersOverview(workspaceId: string): Promise<TiersOverview> {
    const repo = createTiersRepository(database.db);
    const [policy, portfolio, computedAt] = await Promise.all([
      repo.loadPolicy(workspaceId),
      repo.loadPortfolio(workspaceId),
      repo.findLastComputedAt(workspaceId),
    ]);
    return { policy, ...calculateParetoCurve(portfolio), computedAt: computedAt?.toISOString() ?? null };
  }

  /** One account's tier with its explanation, its pin and its tier history. */
  async function getAccountTier(workspaceId: string, accountId: string): Promise<AccountTier> {
    await assertAccount(workspaceId, accountId);
    const repo = createTiersRepository(database.db);
    const [assignment, pin, history] = await Promise.all([
      repo.findAssignment(workspaceId, accountId),
      repo.findPin(workspaceId, accountId),
      repo.listHistory(workspaceId, accountId),
    ]);
    return {
      tier: assignment?.tier ?? null,
      calculatedTier: assignment?.calculatedTier ?? null,
      reason: (assignment?.reason as Record<string, unknown> | undefined) ?? null,
      text: assignment?.reasonText ?? null,
      computedAt: assignment?.computedAt.toISOString() ?? null,
      pin: pin
        ? { tier: pin.tier, reason: pin.reason, expiresAt: pin.expiresOn, pinnedBy: pin.pinnedBy, createdAt: pin.createdAt.toISOString() }
        : null,
      history: history.map((h) => ({
        from: h.fromTier as AccountTier['tier'],
        to: h.toTier as NonNullable<AccountTier['tier']>,
        cause: h.cause,
        text: h.reasonText,
        changedAt: h.changedAt.toISOString(),
      })),
    };
  }

  return {
    recomputeTiers,
    getTiersOverview,
    /** Saves a validated policy (each problem names its field) and recomputes with it. */
    async updateTieringPolicy(workspaceId: string, userId: string | null, policy: TieringPolicy): Promise<TiersOverview> {
      const problems = validateTieringPolicy(policy);
      if (problems.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Invalid tiering policy: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
          problems.map((p) => ({ field: p.field, location: 'body', problem: p.problem })),
        );
      }
      await createTiersRepository(database.db).savePolicy(workspaceId, policy, userId, clock.now());
      await recomputeTiers(workspaceId);
      return getTiersOverview(workspaceId);
    },

    getAccountTier,
    /** Pins a tier (it wins over the rules until expiresAt) and applies it at once. */
    async pinTier(workspaceId: string, userId: string | null, accountId: string, input: PinTier): Promise<AccountTier> {
      await assertAccount(workspaceId, accountId);
      const reason = input.reason.trim();
      const details = [];
      if (!reason) details.push({ field: 'reason', location: 'body', problem: 'must not be blank' });
      if (input.expiresAt && input.expiresAt <= today())
        details.push({ field: 'expiresAt', location: 'body', problem: 'must be after today' });
      if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid pin', details);
      const pin = { tier: input.tier, reason, expiresOn: input.expiresAt ?? null, pinnedBy: userId };
      await createTiersRepository(database.db).upsertPin(workspaceId, accountId, pin, clock.now());
      await recomputeTiers(workspaceId);
      return getAccountTier(workspaceId, accountId);
    },

    /** Removes a pin; the rules' tier applies again (history cause `pin_ended`). */
    async unpinTier(workspaceId: string, accountId: string): Promise<AccountTier> {
      await assertAccount(workspaceId, accountId);
      if (await createTiersRepository(database.db).deletePin(workspaceId, accountId)) await recomputeTiers(workspaceId);
      return getAccountTier(workspaceId, accountId);
    },
  };
}
