import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { ACCOUNT_STATUSES, LIFECYCLE_STAGES, TIERS } from '@northstar/contracts';
import { queryRows, type Database } from '../../platform/db/database';
import { createTestDatabase } from '../../testing/test-database';
import { accounts } from '../accounts/accounts.schema';
import { addDays } from './calendar-date';
import { compileFilterToSql, type MetricColumnMap } from './compile-filter-to-sql';
import { evaluateFilter, type FilterableAccount } from './evaluate-filter';
import {
  buildFilterFieldCatalogue,
  type FilterCondition,
  type FilterField,
  type FilterGroup,
  type FilterNode,
  type FilterScalar,
} from './filter-expression';
import { validateFilterExpression } from './validate-filter-expression';

const today = '2026-03-01';
const catalogue = buildFilterFieldCatalogue([
  { key: 'seats_bought', type: 'number', options: [] },
  { key: 'support_plan', type: 'select', options: ['basic', 'premium'] },
  { key: 'kickoff', type: 'date', options: [] },
  { key: 'is_pilot', type: 'boolean', options: [] },
  { key: 'note', type: 'text', options: [] },
]);
// The health and usage tables do not exist yet: a stand-in joined as `m` shows the map at work.
const metricColumns: MetricColumnMap = {
  health: sql.raw('m.health'),
  healthBand: sql.raw('m.health_band'),
  activeUsers30d: sql.raw('m.active_users_30d'),
  seatUtilisation: sql.raw('m.seat_utilisation'),
  events30d: sql.raw('m.events_30d'),
  lastSeenDays: sql.raw('m.last_seen_days'),
};
const owners = [randomUUID(), randomUUID()];

// Small pools so random filters hit and miss often; mixed case, CJK, LIKE wildcards and empties.
const words = ['Acme', 'acme corp', 'ACME', 'Beta', '北极星', 'zeta_%', ''];
const tagPool = ['VIP', 'vip', 'upsell', 'Risk', '大客户'];
const numbers = [0, 5, 49.99, 50, 100.5, 1000, 2500];
const dates = [-400, -90, -30, -1, 0, 1, 30, 89, 90, 91, 365].map((d) => addDays(today, d));
const dayCounts = [0, 1, 30, 90, 365];

type Generated = FilterableAccount & {
  metrics: {
    health: number | null;
    healthBand: string | null;
    activeUsers30d: number | null;
    seatUtilisation: number | null;
    events30d: number | null;
    lastSeenDays: number | null;
  };
};

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const accountArb: fc.Arbitrary<Generated> = fc.record({
  name: fc.constantFrom(...words),
  domain: maybe(fc.constantFrom('acme.com', 'ACME.com', 'beta.io', '')),
  industry: maybe(fc.constantFrom(...words)),
  region: maybe(fc.constantFrom('APAC', 'apac', 'EMEA')),
  plan: maybe(fc.constantFrom('Pro', 'Enterprise')),
  arr: fc.constantFrom(...numbers, 12.34, 999999.99),
  employees: maybe(fc.constantFrom(0, 5, 50, 1000)),
  licensedSeats: maybe(fc.constantFrom(5, 50)),
  currency: fc.constantFrom('USD', 'CNY'),
  renewalDate: maybe(fc.constantFrom(...dates)),
  contractStart: maybe(fc.constantFrom(...dates)),
  ownerId: maybe(fc.constantFrom(...owners)),
  tier: maybe(fc.constantFrom(...TIERS)),
  lifecycleStage: maybe(fc.constantFrom(...LIFECYCLE_STAGES)),
  status: fc.constantFrom(...ACCOUNT_STATUSES),
  tags: fc.subarray(tagPool),
  customFields: fc.record(
    {
      seats_bought: fc.oneof(fc.constantFrom(...numbers), fc.constant('12')),
      support_plan: fc.constantFrom('basic', 'premium', 'retired'),
      kickoff: fc.oneof(fc.constantFrom(...dates), fc.constant('soon')),
      is_pilot: fc.oneof(fc.boolean(), fc.constant('yes')),
      note: fc.oneof(fc.constantFrom(...words), fc.constant(7)),
    },
    { requiredKeys: [] },
  ),
  metrics: fc.record({
    health: maybe(fc.integer({ min: 0, max: 100 })),
    healthBand: maybe(fc.constantFrom('red', 'yellow', 'green')),
    activeUsers30d: maybe(fc.constantFrom(0, 5, 50)),
    seatUtilisation: maybe(fc.constantFrom(0, 25, 50, 100, 120)),
    events30d: maybe(fc.constantFrom(0, 50, 1000)),
    lastSeenDays: maybe(fc.constantFrom(0, 1, 30, 90)),
  }),
});

function valueArb(field: FilterField, operator: FilterCondition['operator']): fc.Arbitrary<FilterCondition['value']> {
  const scalars: Record<FilterField['type'], () => fc.Arbitrary<FilterScalar>> = {
    text: () => fc.constantFrom(...words, 'acme', 'ZETA_', '%'),
    number: () => fc.constantFrom(...numbers, -1, 0.25, 90),
    date: () => fc.constantFrom(...dates),
    boolean: () => fc.boolean(),
    enum: () => fc.constantFrom(...(field.options ?? [])),
    id: () => fc.constantFrom(...owners, owners[0]!.toUpperCase()),
    tags: () => fc.constantFrom(...tagPool, 'UPSELL'),
  };
  const scalar = scalars[field.type]();
  switch (operator) {
    case 'isEmpty':
    case 'isNotEmpty':
      return fc.constant(undefined);
    case 'in':
    case 'nin':
    case 'hasAny':
    case 'hasAll':
      return fc.array(scalar, { minLength: 1, maxLength: 3 });
    case 'between':
      return fc.tuple(scalar, scalar).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
    case 'withinNextDays':
    case 'withinLastDays':
      return fc.constantFrom(...dayCounts);
    case 'contains':
    case 'startsWith':
      return fc.constantFrom('a', 'AC', 'corp', '北', '_%', 'z');
    default:
      return scalar;
  }
}

const fields = [...catalogue.values()];
const conditionArb: fc.Arbitrary<FilterCondition> = fc
  .constantFrom(...fields)
  .chain((field) =>
    fc
      .constantFrom(...field.operators)
      .chain((operator) => valueArb(field, operator).map((value) => ({ field: field.name, operator, value }))),
  )
  .map((c) => (c.value === undefined ? { field: c.field, operator: c.operator } : c));

const filterArb: fc.Arbitrary<FilterGroup> = fc.letrec<{ group: FilterGroup; node: FilterNode }>((tie) => ({
  group: fc.record({
    op: fc.constantFrom('and' as const, 'or' as const),
    conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
  }),
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'filter', withCrossShrink: true }, conditionArb, tie('group')),
})).group;

describe('compileFilterToSql', () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
    await database.exec(
      'create table test_account_metrics (account_id uuid primary key, health numeric, health_band text, active_users_30d integer, seat_utilisation numeric, events_30d integer, last_seen_days integer)',
    );
    for (const id of owners)
      await database.query('insert into users (id, email, name) values ($1, $2, $3)', [id, `${id}@example.com`, 'Owner']);
  });
  after(() => database.close());

  async function insertPortfolio(rows: readonly Generated[]): Promise<{ workspaceId: string; ids: string[] }> {
    const workspaceId = randomUUID();
    await database.query('insert into workspaces (id, slug, name) values ($1, $2, $3)', [workspaceId, `ws-${workspaceId}`, 'Filters']);
    const ids: string[] = [];
    for (const a of rows) {
      const inserted = await database.query(
        `insert into accounts (workspace_id, name, domain, industry, region, plan, arr, employees, licensed_seats, currency,
           renewal_date, contract_start, owner_id, tier, lifecycle_stage, status, tags, custom_fields)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) returning id`,
        [
          workspaceId,
          a.name,
          a.domain,
          a.industry,
          a.region,
          a.plan,
          String(a.arr),
          a.employees,
          a.licensedSeats,
          a.currency,
          a.renewalDate,
          a.contractStart,
          a.ownerId,
          a.tier,
          a.lifecycleStage,
          a.status,
          a.tags,
          JSON.stringify(a.customFields),
        ],
      );
      const id = String(inserted.rows[0]!.id);
      const m = a.metrics;
      await database.query('insert into test_account_metrics values ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        m.health === null ? null : String(m.health),
        m.healthBand,
        m.activeUsers30d,
        m.seatUtilisation === null ? null : String(m.seatUtilisation),
        m.events30d,
        m.lastSeenDays,
      ]);
      ids.push(id);
    }
    return { workspaceId, ids };
  }

  async function selectMatching(workspaceId: string, filter: FilterGroup): Promise<string[]> {
    const where = compileFilterToSql(filter, { catalogue, today, metricColumns });
    const rows = await queryRows<{ id: string }>(
      database.db,
      sql`select ${accounts.id} as id from ${accounts} left join test_account_metrics m on m.account_id = ${accounts.id}
          where ${accounts.workspaceId} = ${workspaceId} and ${where}`,
    );
    return rows.map((r) => r.id).sort();
  }

  it('selects exactly the accounts evaluateFilter accepts, on random data and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(accountArb, { minLength: 1, maxLength: 15 }),
        fc.array(filterArb, { minLength: 1, maxLength: 6 }),
        async (rows, filters) => {
          const { workspaceId, ids } = await insertPortfolio(rows);
          for (const filter of filters) {
            assert.deepEqual(validateFilterExpression(filter, catalogue), [], JSON.stringify(filter));
            const expected = ids.filter((_, i) => evaluateFilter(filter, rows[i]!, { catalogue, today })).sort();
            assert.deepEqual(await selectMatching(workspaceId, filter), expected, JSON.stringify(filter));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('binds values as parameters, never as SQL text', () => {
    const hostile = "x'); drop table accounts; --";
    const query = compileFilterToSql({ op: 'and', conditions: [{ field: 'name', operator: 'eq', value: hostile }] }, { catalogue, today });
    const rendered = new PgDialect().sqlToQuery(query);
    assert.ok(!rendered.sql.includes('drop table'));
    assert.ok(rendered.params.includes(hostile));
  });

  it('matches every account with an empty root group', async () => {
    const { workspaceId, ids } = await insertPortfolio(fc.sample(accountArb, { numRuns: 3, seed: 7 }));
    assert.deepEqual(await selectMatching(workspaceId, { op: 'and', conditions: [] }), [...ids].sort());
  });

  it('refuses a metric the caller did not map', () => {
    assert.throws(
      () => compileFilterToSql({ op: 'and', conditions: [{ field: 'metric.health', operator: 'gt', value: 1 }] }, { catalogue, today }),
      /metric\.health/,
    );
  });
});
