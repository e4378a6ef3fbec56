import type { Coverage, CoverageQuery } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { listLastTouches } from '../timeline';
import { calculatePeriod } from '../work-metrics';
import { calculateCoverage } from './calculate-coverage';
import { createCoverageRepository } from './coverage.repository';

export type CoverageService = ReturnType<typeof createCoverageService>;

/** A year: every stage of the lifecycle, renewal included, comes round once. */
const DEFAULT_PERIOD_DAYS = 365;
/**
 * DOMAIN §4 gives no number for "no touch in N days"; 60 days is two missed monthly check-ins,
 * which is when a stable customer starts to drift. Overridable per request.
 */
export const DEFAULT_STALE_DAYS = 60;

/** Lifecycle coverage (DOMAIN §4): gathered by SQL, computed by calculateCoverage. */
export function createCoverageService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createCoverageRepository(database.db);
  return {
    /** Touches and tasks per stage, per CSM and tier, normalised by time in stage and classified; plus stale accounts. */
    async getCoverage(workspaceId: string, query: CoverageQuery): Promise<Coverage> {
      const now = clock.now();
      const today = now.toISOString().slice(0, 10);
      const period = calculatePeriod(query, today, DEFAULT_PERIOD_DAYS);
      if ('problem' in period) {
        throw new AppError('VALIDATION_FAILED', `${period.problem.field} ${period.problem.message}`, [
          { field: period.problem.field, location: 'querystring', problem: period.problem.message },
        ]);
      }
      // A period ending in the past is read as of its last day: stays stop there, silence counts to there.
      const asOf = new Date(Math.min(now.getTime(), period.end.getTime() - 1));
      const [accounts, stays, touches, tasks, lastTouches, people] = await Promise.all([
        repo.listAccounts(workspaceId),
        repo.listStays(workspaceId, period.start, period.end),
        repo.countTouches(workspaceId, period.start, period.end),
        repo.countDoneTasks(workspaceId, period.start, period.end),
        listLastTouches(database.db, workspaceId, { asOf: asOf.toISOString().slice(0, 10) }),
        repo.listPeople(workspaceId),
      ]);
      return calculateCoverage({
        accounts,
        stays,
        touches,
        tasks,
        lastTouches,
        people,
        period,
        now: asOf,
        staleDays: query.staleDays ?? DEFAULT_STALE_DAYS,
      });
    },
  };
}
