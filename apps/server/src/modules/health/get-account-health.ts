import type { AccountHealth, HealthExplanation } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { HealthScoreResult } from './calculate-health-score';
import { addDays, daysBetween, localDate } from './calculate-local-date';
import { explainScoreChange } from './explain-score-change';
import { perAccountScope } from './facts-scope';
import { loadHealthContext, versionKey, type HealthContext } from './health-context';
import { createHealthInputsRepository } from './health-inputs.repository';
import { createHealthSnapshotsRepository, type SnapshotRow } from './health-snapshots.repository';
import { loadAccountsById } from './scorable-accounts.repository';
import { createSessionRunner, scoreAccounts } from './score-accounts';
import { decodeMeasures } from './stored-snapshot';
import { toMeasureResultDto } from './to-health-dto';

const DEFAULT_TREND_DAYS = 90;
const DEFAULT_EXPLANATION_DAYS = 30;

function invalidQuery(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid query: ${field} ${problem}`, [{ field, location: 'querystring', problem }]);
}

/** A stored snapshot as the pure core's result, its measures labelled by the version that scored it. */
export function toHealthResult(context: HealthContext, row: SnapshotRow): HealthScoreResult {
  const scorecard =
    context.versions.get(versionKey(row.scorecardId, row.scorecardVersion)) ?? context.scorecards.find((s) => s.id === row.scorecardId);
  return {
    scorecardId: row.scorecardId,
    scorecardVersion: row.scorecardVersion,
    score: row.score,
    band: row.band,
    outcome: row.outcome,
    experience: row.experience,
    coverage: row.coverage,
    measures: scorecard ? decodeMeasures(row.measures, scorecard) : [],
  };
}

/** The account page's health: the latest score with its measures, and the daily trend. */
export function createAccountHealthReads({ database, clock }: { database: Database; clock: Clock }) {
  const snapshots = createHealthSnapshotsRepository(database.db);
  const inputs = createHealthInputsRepository(database.db);

  async function assertAccount(workspaceId: string, accountId: string): Promise<void> {
    if (!(await inputs.findLiveAccount(workspaceId, accountId))) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
  }

  /** The score on `date`: the stored snapshot, or scored now from the data as of that date. */
  async function scoreOn(context: HealthContext, accountId: string, date: string) {
    const stored = await snapshots.findSnapshot(context.workspaceId, accountId, date, true);
    if (stored) return { result: toHealthResult(context, stored), source: 'snapshot' as const };
    const session = createSessionRunner(database);
    const accounts = await session((query) => loadAccountsById(query, context.workspaceId, [accountId]));
    const [scored] = await scoreAccounts(
      database,
      context,
      perAccountScope(context.workspaceId, context.timeZone, [{ accountId, date }]),
      accounts,
    );
    if (!scored) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return { result: scored.result, source: 'computed' as const };
  }

  return {
    async getAccountHealth(workspaceId: string, accountId: string, query: { days?: number }): Promise<AccountHealth> {
      await assertAccount(workspaceId, accountId);
      const context = await loadHealthContext(database, workspaceId, clock.now());
      const [latest, target] = await Promise.all([
        snapshots.findSnapshot(workspaceId, accountId, null),
        inputs.findTarget(workspaceId, accountId),
      ]);
      const days = query.days ?? DEFAULT_TREND_DAYS;
      const trend = latest ? await snapshots.listTrend(workspaceId, accountId, addDays(latest.date, -(days - 1)), latest.date) : [];
      const result = latest ? toHealthResult(context, latest) : null;
      const scorecard = latest ? context.versions.get(versionKey(latest.scorecardId, latest.scorecardVersion)) : undefined;
      return {
        accountId,
        date: latest?.date ?? null,
        score: result?.score ?? null,
        band: result?.band ?? null,
        outcome: result?.outcome ?? null,
        experience: result?.experience ?? null,
        coverage: result?.coverage ?? 0,
        scorecard: latest
          ? { id: latest.scorecardId, version: latest.scorecardVersion, name: scorecard?.name ?? latest.scorecardId }
          : null,
        measures: (result?.measures ?? []).map(toMeasureResultDto),
        northStarTarget: target?.target ?? null,
        trend: trend.map((t) => ({
          date: t.date,
          score: t.score,
          band: t.band,
          outcome: t.outcome,
          experience: t.experience,
          coverage: t.coverage,
        })),
      };
    },

    /**
     * Each measure on two dates and what changed, largest move first (explainScoreChange). Dates
     * default to the latest snapshot and 30 days before it.
     */
    async explainHealthChange(workspaceId: string, accountId: string, query: { from?: string; to?: string }): Promise<HealthExplanation> {
      await assertAccount(workspaceId, accountId);
      const context = await loadHealthContext(database, workspaceId, clock.now());
      const today = localDate(clock.now(), context.timeZone);
      const to = query.to ?? (await snapshots.findSnapshot(workspaceId, accountId, null))?.date ?? today;
      const from = query.from ?? addDays(to, -DEFAULT_EXPLANATION_DAYS);
      if (to > today) throw invalidQuery('to', `must not be after today (${today})`);
      if (from > to) throw invalidQuery('from', 'must not be after to');
      if (daysBetween(from, to) > 800) throw invalidQuery('from', 'must be within 800 days of to');
      const [before, after] = [await scoreOn(context, accountId, from), await scoreOn(context, accountId, to)];
      const explanation = explainScoreChange(before.result, after.result);
      const side = (date: string, side: typeof before) => ({
        date,
        score: side.result.score,
        band: side.result.band,
        outcome: side.result.outcome,
        experience: side.result.experience,
        coverage: side.result.coverage,
        scorecard: { id: side.result.scorecardId, version: side.result.scorecardVersion },
        measures: side.result.measures.map(toMeasureResultDto),
        source: side.source,
      });
      return { accountId, from: side(from, before), to: side(to, after), change: explanation.change, items: explanation.items };
    },
  };
}
