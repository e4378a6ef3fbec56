import {
  MAX_USAGE_RANGE_DAYS,
  PRODUCT_USER_EVENT_DAYS,
  PRODUCT_USER_EVENTS_PAGE,
  type ProductUserEventPage,
  type ProductUserEventsQuery,
  type AccountUsage,
  type CreateFeature,
  type Feature,
  type PortfolioUsage,
  type ProductUser,
  type ProductUserDetail,
  type UpdateFeature,
  type UsageRangeQuery,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { addDays, countDays, localDate } from './calculate-usage-dates';
import {
  calculateActiveUserMetrics,
  calculateActivityClock,
  calculateDailySeries,
  calculatePreviousPeriod,
  calculateStickiness,
  calculateTrend,
} from './calculate-usage-metrics';
import { decodeEventCursor, encodeEventCursor } from './calculate-event-cursor';
import { calculateSeatEngagement } from './calculate-seat-engagement';
import { createFeaturesRepository, type FeatureRow, type FeatureValues } from './features.repository';
import { createProductUsersRepository } from './product-users.repository';
import { createUsageRollup } from './roll-up-usage';
import { createUsageAnalyticsRepository } from './usage-analytics.repository';

export type UsageAnalyticsService = ReturnType<typeof createUsageAnalyticsService>;
type Range = { from: string; to: string };

const toFeatureDto = (row: FeatureRow): Feature => ({
  id: row.id,
  name: row.name,
  module: row.module,
  eventName: row.eventName,
  propertyName: row.propertyName,
  propertyValue: row.propertyValue,
  createdAt: row.createdAt.toISOString(),
});

function invalidRange(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid query: ${field}: ${problem}`, [{ field, location: 'querystring', problem }]);
}

/** Rollups, feature mappings and the usage analytics read from them (DOMAIN §2, §8). */
export function createUsageAnalyticsService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createUsageAnalyticsRepository(database.db);
  const users = createProductUsersRepository(database.db);
  const features = createFeaturesRepository(database.db);
  const rollup = createUsageRollup({ database, clock });

  async function today(workspaceId: string): Promise<string> {
    return localDate(clock.now(), (await repo.findWorkspaceTimezone(workspaceId)) ?? 'UTC');
  }

  /** The requested local-date range: default the 30 days ending today; to ≥ from; at most 400 days. */
  async function resolveRange(workspaceId: string, query: UsageRangeQuery): Promise<Range> {
    const to = query.to ?? (await today(workspaceId));
    const from = query.from ?? addDays(to, -29);
    if (countDays(from, to) === 0) throw invalidRange('to', 'must be on or after from');
    if (countDays(from, to) > MAX_USAGE_RANGE_DAYS) throw invalidRange('from', `the range may span at most ${MAX_USAGE_RANGE_DAYS} days`);
    return { from, to };
  }

  /** One account's usage over a range: daily series, DAU/WAU/MAU, features, activity clock. */
  async function getAccountUsage(workspaceId: string, accountId: string, query: UsageRangeQuery): Promise<AccountUsage> {
    const account = await repo.findAccount(workspaceId, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    const range = await resolveRange(workspaceId, query);
    const previous = calculatePreviousPeriod(range.from, range.to);
    const [days, monthUserDays, current, before, adoption, topUsers, lastSeenDate] = await Promise.all([
      repo.listDays(workspaceId, accountId, range),
      repo.listUserDays(workspaceId, accountId, { from: addDays(range.to, -29), to: range.to }),
      repo.summarise(workspaceId, accountId, range),
      repo.summarise(workspaceId, accountId, previous),
      repo.listFeatureAdoption(workspaceId, accountId, range),
      repo.listTopUsers(workspaceId, accountId, range, 10),
      repo.findLastActiveDate(workspaceId, accountId),
    ]);
    const seats = account.licensed_seats;
    return {
      ...range,
      metrics: calculateActiveUserMetrics(monthUserDays, range.to),
      events: current.events,
      activeUsers: current.users,
      licensedSeats: seats,
      seatUtilisation: seats ? Math.round((current.users / seats) * 1000) / 1000 : null,
      lastSeenDate,
      trends: { events: calculateTrend(current.events, before.events), activeUsers: calculateTrend(current.users, before.users) },
      daily: calculateDailySeries(days, range.from, range.to),
      features: adoption.map(({ accounts: _accounts, ...feature }) => feature),
      activityClock: calculateActivityClock(days),
      topUsers,
    };
  }

  /** The whole workspace's usage over a range, with the most active accounts. */
  async function getPortfolioUsage(workspaceId: string, query: UsageRangeQuery): Promise<PortfolioUsage> {
    const range = await resolveRange(workspaceId, query);
    const previous = calculatePreviousPeriod(range.from, range.to);
    const month = { from: addDays(range.to, -29), to: range.to };
    const [days, monthDays, current, before, adoption, topAccounts, active] = await Promise.all([
      repo.listPortfolioDays(workspaceId, range),
      repo.listPortfolioDays(workspaceId, month),
      repo.summarise(workspaceId, undefined, range),
      repo.summarise(workspaceId, undefined, previous),
      repo.listFeatureAdoption(workspaceId, undefined, range),
      repo.listTopAccounts(workspaceId, range, 10),
      repo.countPortfolioActiveUsers(workspaceId, range.to, addDays(range.to, -6), month.from),
    ]);
    // Users belong to one account, so daily actives add up across accounts.
    const dauTotal = monthDays.reduce((sum, d) => sum + d.activeUsers, 0) / 30;
    return {
      ...range,
      metrics: {
        dau: Math.round(dauTotal * 10) / 10,
        wau: active.wau,
        mau: active.mau,
        stickiness: calculateStickiness(dauTotal, active.mau),
      },
      events: current.events,
      activeUsers: current.users,
      activeAccounts: current.accounts,
      trends: { events: calculateTrend(current.events, before.events), activeUsers: calculateTrend(current.users, before.users) },
      daily: calculateDailySeries(days, range.from, range.to),
      activityClock: calculateActivityClock(days),
      features: adoption.map(({ name, module, accounts, users: u, events }) => ({ name, module, accounts, users: u, events })),
      topAccounts,
    };
  }

  /** An account's product users, most recently active first. */
  async function listAccountUsers(workspaceId: string, accountId: string): Promise<ProductUser[]> {
    if (!(await repo.findAccount(workspaceId, accountId))) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return users.listAccountUsers(workspaceId, accountId, addDays(await today(workspaceId), -29));
  }

  /** One page of a user's events of the last PRODUCT_USER_EVENT_DAYS days, newest first. */
  async function listProductUserEvents(workspaceId: string, userId: string, query: ProductUserEventsQuery): Promise<ProductUserEventPage> {
    const after = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor);
    if (query.cursor !== undefined && !after) {
      throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass back nextCursor from the previous page', [
        { field: 'cursor', location: 'querystring', problem: 'is not a cursor of this list' },
      ]);
    }
    const limit = query.limit ?? PRODUCT_USER_EVENTS_PAGE;
    const since = new Date(clock.now().getTime() - PRODUCT_USER_EVENT_DAYS * 24 * 3600 * 1000);
    const rows = await users.listRecentEvents(workspaceId, userId, since, after, limit);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ cursor: _cursor, ...event }) => event),
      nextCursor: rows.length > limit && last ? encodeEventCursor(last.cursor) : null,
    };
  }

  async function getProductUserRow(workspaceId: string, userId: string) {
    const user = await users.findUser(workspaceId, userId, addDays(await today(workspaceId), -29));
    if (!user) throw new AppError('PRODUCT_USER_NOT_FOUND', 'Product user not found');
    return user;
  }

  /** One product user: traits, account, daily activity over 90 days and the first page of events. */
  async function getProductUser(workspaceId: string, userId: string): Promise<ProductUserDetail> {
    const user = await getProductUserRow(workspaceId, userId);
    const to = await today(workspaceId);
    const range = { from: addDays(to, -(PRODUCT_USER_EVENT_DAYS - 1)), to };
    const [accountName, days, events] = await Promise.all([
      user.accountId ? users.findAccountName(workspaceId, user.accountId) : null,
      users.listDailyEvents(workspaceId, userId, range),
      listProductUserEvents(workspaceId, userId, {}),
    ]);
    const daily = calculateDailySeries(
      days.map((d) => ({ ...d, activeUsers: 0 })),
      range.from,
      range.to,
    ).map(({ date, events: n }) => ({ date, events: n }));
    return { user, accountName, daily, events: events.items, nextCursor: events.nextCursor };
  }

  function toValues(input: CreateFeature, base?: FeatureRow): FeatureValues {
    const values: FeatureValues = {
      name: input.name.trim(),
      module: input.module === undefined ? (base?.module ?? null) : input.module?.trim() || null,
      eventName: input.eventName,
      propertyName: input.propertyName === undefined ? (base?.propertyName ?? null) : input.propertyName,
      propertyValue: input.propertyValue === undefined ? (base?.propertyValue ?? null) : input.propertyValue,
    };
    if ((values.propertyName === null) !== (values.propertyValue === null)) {
      const field = values.propertyName === null ? 'propertyName' : 'propertyValue';
      throw new AppError('VALIDATION_FAILED', `Invalid body: ${field}: required together with the other property field`, [
        { field, location: 'body', problem: 'propertyName and propertyValue are set together or not at all' },
      ]);
    }
    return values;
  }

  async function getFeatureRow(workspaceId: string, id: string): Promise<FeatureRow> {
    const row = await features.find(workspaceId, id);
    if (!row) throw new AppError('FEATURE_NOT_FOUND', 'Feature not found');
    return row;
  }

  return {
    ...rollup,
    /**
     * Engagement for tiering: 30-day active users / licensed seats per account (see
     * calculateSeatEngagement), over the 30 local days ending `today` (default: the workspace's today).
     */
    async loadSeatEngagement(workspaceId: string, accountIds: readonly string[], options: { today?: string } = {}) {
      const to = options.today ?? (await today(workspaceId));
      const engagement = calculateSeatEngagement(await repo.listSeatActivity(workspaceId, { from: addDays(to, -29), to }));
      const wanted = new Set(accountIds);
      for (const id of engagement.keys()) if (!wanted.has(id)) engagement.delete(id);
      return engagement;
    },
    getAccountUsage,
    getPortfolioUsage,
    listAccountUsers,
    getProductUser,
    /** The next pages of a user's events (404 for a user this workspace never saw). */
    async listProductUserEventsPage(workspaceId: string, userId: string, query: ProductUserEventsQuery): Promise<ProductUserEventPage> {
      await getProductUserRow(workspaceId, userId);
      return listProductUserEvents(workspaceId, userId, query);
    },
    /** The workspace's feature mappings. */
    listFeatures: async (workspaceId: string): Promise<Feature[]> => (await features.list(workspaceId)).map(toFeatureDto),
    /** Adds a mapping. Property conditions count only in rollups made after it (`usage rebuild` for history). */
    createFeature: async (workspaceId: string, input: CreateFeature): Promise<Feature> =>
      toFeatureDto(await features.insert(workspaceId, toValues(input))),
    /** Changes a mapping; omitted fields keep their values. */
    async updateFeature(workspaceId: string, id: string, patch: UpdateFeature): Promise<Feature> {
      const base = await getFeatureRow(workspaceId, id);
      const values = toValues({ name: patch.name ?? base.name, eventName: patch.eventName ?? base.eventName, ...patch }, base);
      return toFeatureDto((await features.update(workspaceId, id, values))!);
    },
    /** Removes a mapping; the rollups keep their counts. */
    async deleteFeature(workspaceId: string, id: string): Promise<void> {
      if (!(await features.remove(workspaceId, id))) throw new AppError('FEATURE_NOT_FOUND', 'Feature not found');
    },
  };
}
