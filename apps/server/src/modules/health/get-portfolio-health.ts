import type { PortfolioHealth } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { addDays, daysBetween, localDate } from './calculate-local-date';
import { loadHealthContext } from './health-context';
import { createHealthSnapshotsRepository } from './health-snapshots.repository';

const DEFAULT_DAYS = 90;
const MAX_DAYS = 400;
const MOVERS = 10;

function invalidQuery(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid query: ${field} ${problem}`, [{ field, location: 'querystring', problem }]);
}

/** The team view: accounts per band per day, and the week's biggest movers down and up. */
export function createPortfolioHealthReads({ database, clock }: { database: Database; clock: Clock }) {
  const snapshots = createHealthSnapshotsRepository(database.db);
  return {
    async getPortfolioHealth(workspaceId: string, query: { from?: string; to?: string }): Promise<PortfolioHealth> {
      const context = await loadHealthContext(database, workspaceId, clock.now());
      const latest = (await snapshots.findLatestDate(workspaceId)) ?? localDate(clock.now(), context.timeZone);
      const to = query.to ?? latest;
      const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
      if (from > to) throw invalidQuery('from', 'must not be after to');
      if (daysBetween(from, to) >= MAX_DAYS) throw invalidQuery('from', `the range may span at most ${MAX_DAYS} days`);
      const weekAgo = addDays(to, -7);
      const [days, changes] = await Promise.all([
        snapshots.listBandCounts(workspaceId, from, to),
        snapshots.listScoreChanges(workspaceId, weekAgo, to),
      ]);
      const movers = changes.map((c) => ({ ...c, change: Math.round((c.toScore - c.fromScore) * 10) / 10 }));
      const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      return {
        from,
        to,
        bands: context.settings.bands,
        days,
        movers: {
          from: weekAgo,
          to,
          decliners: movers
            .filter((m) => m.change < 0)
            .sort((a, b) => a.change - b.change || byName(a, b))
            .slice(0, MOVERS),
          improvers: movers
            .filter((m) => m.change > 0)
            .sort((a, b) => b.change - a.change || byName(a, b))
            .slice(0, MOVERS),
        },
      };
    },
  };
}
