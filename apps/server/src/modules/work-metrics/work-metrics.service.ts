import type { SopMetrics, SopMetricsQuery } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { calculatePeriod } from './calculate-period';
import { calculateSopMetrics } from './calculate-sop-metrics';
import { createWorkMetricsRepository } from './work-metrics.repository';

export type WorkMetricsService = ReturnType<typeof createWorkMetricsService>;

/** A quarter: long enough for several runs of each playbook per CSM. */
const DEFAULT_PERIOD_DAYS = 90;

/** SOP execution metrics (DOMAIN §5): gathered by SQL, computed by calculateSopMetrics. */
export function createWorkMetricsService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createWorkMetricsRepository(database.db);
  return {
    /** Per playbook, step, CSM and team, for tasks created in the period, with each playbook's diagnosis. */
    async getSopMetrics(workspaceId: string, query: SopMetricsQuery): Promise<SopMetrics> {
      const today = clock.now().toISOString().slice(0, 10);
      const period = calculatePeriod(query, today, DEFAULT_PERIOD_DAYS);
      if ('problem' in period) {
        throw new AppError('VALIDATION_FAILED', `${period.problem.field} ${period.problem.message}`, [
          { field: period.problem.field, location: 'querystring', problem: period.problem.message },
        ]);
      }
      const [tasks, playbooks, people] = await Promise.all([
        repo.listTasksCreatedBetween(workspaceId, period.start, period.end),
        repo.listPlaybooks(workspaceId),
        repo.listPeople(workspaceId),
      ]);
      return calculateSopMetrics({ tasks, playbooks, people, from: period.from, to: period.to, today });
    },
  };
}
