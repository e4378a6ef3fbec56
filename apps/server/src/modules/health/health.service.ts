import type { AcceptSuggestion, HealthSettings, Scorecard as ScorecardDto } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { createAccountHealthReads } from './get-account-health';
import { createPortfolioHealthReads } from './get-portfolio-health';
import { loadHealthContext } from './health-context';
import { createHealthInputsService } from './health-inputs.service';
import { createHealthScorecardsRepository } from './health-scorecards.repository';
import { createHealthScorecardsService } from './health-scorecards.service';
import { createHealthSnapshotsRepository } from './health-snapshots.repository';
import { findUsageWatermark, listAccountsWithNewUsage } from './health-triggers.repository';
import { createScorecardPreview } from './preview-scorecard';
import { createHealthRecompute } from './recompute-health';
import { createHealthBacktest } from './run-health-backtest';
import { toStoredScorecard } from './stored-scorecard';

/** Where a change that affects scores goes: null accountIds means the whole workspace. */
export type HealthChangeNotifier = (workspaceId: string, accountIds: string[] | null) => Promise<void>;

// After a rollup, the accounts it touched are rescored at most this often (the rollup runs every 2 s).
const USAGE_TRIGGER_INTERVAL_MS = 30_000;

/**
 * Health scores (DOMAIN §2, issue #5): scorecards as versioned code, daily snapshots computed
 * from the data as of each day, explanations, the portfolio view, experience inputs, targets,
 * the backtest and its suggested weights.
 */
export function createHealthService({ database, clock }: { database: Database; clock: Clock }) {
  const recompute = createHealthRecompute({ database, clock });
  const snapshots = createHealthSnapshotsRepository(database.db);
  // Without a job queue (tests, CLI) a change rescores at once; the server swaps in a queued job.
  let notify: HealthChangeNotifier = async (workspaceId, accountIds) => {
    await recompute.recomputeHealth(workspaceId, { accountIds });
  };
  const afterChange = (workspaceId: string, accountIds: string[] | null = null) => notify(workspaceId, accountIds);

  const scorecards = createHealthScorecardsService({ database, clock, afterChange: (workspaceId) => afterChange(workspaceId) });
  const inputs = createHealthInputsService({ database, clock, afterChange });
  const runBacktest = createHealthBacktest({ database, clock });
  let lastWatermark: string | null | undefined;
  let lastUsageTrigger = 0;

  return {
    ...scorecards,
    ...inputs,
    ...createAccountHealthReads({ database, clock }),
    ...createPortfolioHealthReads({ database, clock }),
    previewScorecard: createScorecardPreview({ database, clock }),
    recomputeHealth: recompute.recomputeHealth,
    rebuildHealth: recompute.rebuildHealth,

    /** The backtest report (GET /health/backtest, `northstar health backtest`). */
    async getBacktest(workspaceId: string, query: { horizonDays?: number; scorecardId?: string }) {
      return (await runBacktest(workspaceId, query)).report;
    },

    /** Saves the backtest's fitted weights as a new version of the scorecard. */
    async acceptSuggestion(
      workspaceId: string,
      authorId: string | null,
      scorecardId: string,
      input: AcceptSuggestion,
    ): Promise<ScorecardDto> {
      const current = await scorecards.getScorecard(workspaceId, scorecardId);
      const run = await runBacktest(workspaceId, { horizonDays: input.horizonDays, scorecardId });
      const suggestion = run.report.suggestion;
      if (!run.suggested || !suggestion) {
        throw new AppError(
          'HEALTH_NO_SUGGESTION',
          `The backtest over ${run.report.accounts} accounts (${run.report.churned} churned) found no weights to suggest`,
        );
      }
      const auc = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
      const validated = suggestion.crossValidated;
      const note =
        input.note?.trim() ||
        `weights fitted on ${run.report.accounts} accounts (${run.report.churned} churned), horizon ${input.horizonDays} days; ` +
          (validated
            ? `cross-validated AUC ${auc(validated.current)} → ${auc(validated.suggested)}`
            : `AUC ${auc(suggestion.inSample.current)} → ${auc(suggestion.inSample.suggested)}`);
      return scorecards.saveSuggestedVersion(
        workspaceId,
        authorId,
        scorecardId,
        toStoredScorecard(run.suggested),
        input.baseVersion ?? current.version,
        note,
      );
    },

    async getSettings(workspaceId: string): Promise<HealthSettings> {
      return (await loadHealthContext(database, workspaceId, clock.now())).settings;
    },

    /** New bands apply from the next score: today's snapshots are recomputed at once. */
    async updateSettings(workspaceId: string, userId: string | null, input: HealthSettings): Promise<HealthSettings> {
      if (!(input.bands.red < input.bands.yellow)) {
        throw new AppError('VALIDATION_FAILED', 'bands.yellow must be greater than bands.red', [
          { field: 'bands.yellow', location: 'body', problem: 'must be greater than bands.red' },
        ]);
      }
      await createHealthScorecardsRepository(database.db).upsertSettings(workspaceId, {
        bandRed: input.bands.red,
        bandYellow: input.bands.yellow,
        scoreDropThreshold: input.scoreDropThreshold,
        updatedBy: userId,
        at: clock.now(),
      });
      await afterChange(workspaceId);
      return input;
    },

    /** Latest score per account, for tiering's engagement fallback (LoadHealth). */
    async loadLatestScores(workspaceId: string, accountIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
      const latest = await snapshots.listLatestScores(workspaceId, accountIds);
      const scores = new Map<string, number>();
      for (const [id, s] of latest) if (s.score !== null) scores.set(id, s.score);
      return scores;
    },

    /** Routes score-affecting changes through `fn` (the server's job queue) instead of rescoring inline. */
    useChangeNotifier(fn: HealthChangeNotifier): void {
      notify = fn;
    },

    /**
     * Called after each usage rollup run: rescores today the accounts whose events the rollup
     * has settled since the last call (at most every 30 s). The first call only sets the mark:
     * what came before is the scheduled recompute's.
     */
    async afterUsageRollup(): Promise<void> {
      const now = clock.now().getTime();
      if (now - lastUsageTrigger < USAGE_TRIGGER_INTERVAL_MS) return;
      lastUsageTrigger = now;
      const watermark = await findUsageWatermark(database.db);
      if (lastWatermark === undefined || lastWatermark === null || watermark === null || watermark <= lastWatermark) {
        lastWatermark = watermark;
        return;
      }
      const touched = await listAccountsWithNewUsage(database.db, lastWatermark, watermark);
      lastWatermark = watermark;
      for (const [workspaceId, accountIds] of touched) await notify(workspaceId, accountIds);
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
