import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_SORTS, type Account } from '@northstar/contracts';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

describe('listing accounts: filters, sorts and pagination', () => {
  const clock = fixedClock(new Date('2026-03-01T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let csm1: TestUser;
  let csm2: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'List Co');
    other = await createTestWorkspace(t.services, 'Other Co');
    csm1 = await ws.addUser('csm');
    csm2 = await ws.addUser('csm');
    const accounts = t.services.accounts;
    const alpha = await accounts.createAccount(ws.id, {
      name: 'alpha',
      externalId: 'crm-1',
      domain: 'alpha.io',
      arr: 100,
      renewalDate: '2026-06-30',
      tier: 'S',
      lifecycleStage: 'onboarding',
      industry: 'Logistics',
      tags: ['upsell', 'vip'],
      ownerId: csm1.id,
    });
    clock.advance(60_000);
    await accounts.createAccount(ws.id, {
      name: 'Bravo',
      domain: 'bravo.com',
      arr: 300,
      renewalDate: '2026-04-01',
      tier: 'A',
      lifecycleStage: 'stable',
      industry: 'logistics',
      tags: ['at-risk'],
      ownerId: csm2.id,
    });
    clock.advance(60_000);
    await accounts.createAccount(ws.id, {
      name: 'charlie',
      arr: 200,
      tier: 'B',
      lifecycleStage: 'renewal',
      industry: 'Retail',
      status: 'churned',
      churnDate: '2026-02-01',
    });
    clock.advance(60_000);
    await accounts.createAccount(ws.id, {
      name: 'delta_co',
      domain: 'promo100%.example',
      arr: 200,
      renewalDate: '2026-05-15',
      tier: 'C',
      tags: ['VIP'],
    });
    clock.advance(60_000);
    const echo = await accounts.createAccount(ws.id, { name: 'echo', arr: 50, tier: 'S' });
    await accounts.deleteAccount(ws.id, echo.id);
    clock.advance(60_000);
    await accounts.updateAccount(ws.id, alpha.id, { plan: 'Enterprise' });
    await accounts.createAccount(other.id, { name: 'alpha elsewhere', tier: 'S', industry: 'Logistics', tags: ['vip'] });
  });
  after(() => t.close());

  async function list(query: string, headers = ws.admin.headers): Promise<{ items: Account[]; nextCursor: string | null }> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?${query}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }
  const names = async (query: string) => (await list(query)).items.map((a) => a.name);

  it('lists live accounts of the workspace sorted by name, case-insensitively, by default', async () => {
    assert.deepEqual(await names(''), ['alpha', 'Bravo', 'charlie', 'delta_co']);
  });

  it('filters by owner, tier, stage and status, with repeated parameters meaning any of', async () => {
    assert.deepEqual(await names(`ownerId=${csm1.id}`), ['alpha']);
    assert.deepEqual(await names(`ownerId=${csm1.id}&ownerId=${csm2.id}`), ['alpha', 'Bravo']);
    assert.deepEqual(await names('tier=S&tier=A'), ['alpha', 'Bravo']);
    // The stage rules ran as each account was saved: Bravo renews within 90 days, charlie churned.
    assert.deepEqual(await names('stage=renewal'), ['Bravo']);
    assert.deepEqual(await names('stage=churned&stage=onboarding'), ['alpha', 'charlie']);
    assert.deepEqual(await names('status=churned'), ['charlie']);
    assert.deepEqual(await names('status=active'), ['alpha', 'Bravo', 'delta_co']);
  });

  it('filters by industry and tag ignoring case, tags matching any of those given', async () => {
    assert.deepEqual(await names('industry=LOGISTICS'), ['alpha', 'Bravo']);
    assert.deepEqual(await names('industry=retail&industry=logistics'), ['alpha', 'Bravo', 'charlie']);
    assert.deepEqual(await names('tag=vip'), ['alpha', 'delta_co']);
    assert.deepEqual(await names('tag=at-risk&tag=VIP'), ['alpha', 'Bravo', 'delta_co']);
  });

  it('filters by external id and by renewal window, both ends included', async () => {
    assert.deepEqual(await names('externalId=crm-1'), ['alpha']);
    assert.deepEqual(await names('externalId=crm-404'), []);
    assert.deepEqual(await names('renewalFrom=2026-04-01&renewalTo=2026-05-15'), ['Bravo', 'delta_co']);
    assert.deepEqual(await names('renewalFrom=2026-05-16'), ['alpha']);
    assert.deepEqual(await names('renewalTo=2026-04-01'), ['Bravo']);
  });

  it('searches name and domain as text, wildcards taken literally', async () => {
    assert.deepEqual(await names('q=ALP'), ['alpha']);
    assert.deepEqual(await names('q=bravo.com'), ['Bravo']);
    assert.deepEqual(await names('q=%25'), ['delta_co']);
    assert.deepEqual(await names('q=_'), ['delta_co']);
  });

  it('combines filters with AND', async () => {
    assert.deepEqual(await names('tier=S&tier=A&industry=logistics&tag=vip'), ['alpha']);
  });

  it('lists soft-deleted accounts instead when deleted=true', async () => {
    assert.deepEqual(await names('deleted=true'), ['echo']);
    assert.deepEqual(await names('deleted=true&tier=A'), []);
  });

  it('sorts by every field both ways, empty renewal dates last', async () => {
    assert.deepEqual(await names('sort=-name'), ['delta_co', 'charlie', 'Bravo', 'alpha']);
    assert.deepEqual(
      (await list('sort=arr')).items.map((a) => a.arr),
      [100, 200, 200, 300],
    );
    assert.deepEqual(
      (await list('sort=-arr')).items.map((a) => a.arr),
      [300, 200, 200, 100],
    );
    assert.deepEqual(await names('sort=renewalDate'), ['Bravo', 'delta_co', 'alpha', 'charlie']);
    assert.deepEqual(await names('sort=-renewalDate'), ['alpha', 'delta_co', 'Bravo', 'charlie']);
    assert.deepEqual(await names('sort=createdAt'), ['alpha', 'Bravo', 'charlie', 'delta_co']);
    assert.deepEqual(await names('sort=-createdAt'), ['delta_co', 'charlie', 'Bravo', 'alpha']);
    assert.deepEqual(await names('sort=updatedAt'), ['Bravo', 'charlie', 'delta_co', 'alpha']);
    assert.deepEqual(await names('sort=-updatedAt'), ['alpha', 'delta_co', 'charlie', 'Bravo']);
  });

  it('rejects bad parameters naming them', async () => {
    for (const [query, field] of [
      ['tier=Z', 'tier'],
      ['ownerId=abc', 'ownerId'],
      ['sort=colour', 'sort'],
      ['limit=0', 'limit'],
      ['renewalFrom=soon', 'renewalFrom'],
      ['renewalFrom=2026-05-01&renewalTo=2026-04-01', 'renewalTo'],
      ['cursor=garbage', 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?${query}`, headers: ws.admin.headers });
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      const details: { field: string }[] = res.json().error.details;
      assert.ok(
        details.some((d) => d.field.split('.')[0] === field),
        `${query}: ${res.body}`,
      );
    }
  });

  it('refuses a cursor from one sort order with another', async () => {
    const page = await list('sort=arr&limit=1');
    assert.ok(page.nextCursor);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts?sort=name&cursor=${page.nextCursor}`,
      headers: ws.admin.headers,
    });
    assert.equal(res.statusCode, 400);
  });

  describe('pagination with ties on every sort key', () => {
    let paged: TestWorkspace;
    const total = 23;

    before(async () => {
      paged = await createTestWorkspace(t.services, 'Paged Co');
      for (let i = 0; i < total; i++) {
        // Names, ARR, renewal dates and creation times repeat, so only the id tells rows apart.
        await t.services.accounts.createAccount(paged.id, {
          name: ['same', 'Same', 'other'][i % 3]!,
          arr: [100, 200.5, 300][i % 3]!,
          renewalDate: i % 4 === 0 ? null : `2026-0${(i % 2) + 1}-15`,
        });
        if (i % 5 === 0) clock.advance(1000);
      }
    });

    for (const sort of ACCOUNT_SORTS) {
      it(`walks every row exactly once sorted by ${sort}`, async () => {
        const all = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?sort=${sort}&limit=500`, headers: paged.admin.headers });
        const expected: string[] = all.json().items.map((a: Account) => a.id);
        assert.equal(expected.length, total);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
            method: 'GET',
            url: `/api/v1/accounts?sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
            headers: paged.admin.headers,
          });
          assert.equal(res.statusCode, 200, res.body);
          const page: { items: Account[]; nextCursor: string | null } = res.json();
          seen.push(...page.items.map((a) => a.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        assert.equal(pages, Math.ceil(total / 4));
        assert.equal(new Set(seen).size, total);
        assert.deepEqual(seen, expected);
      });
    }

    it('iterates every matching account for exports, in pages', async () => {
      const ids: string[] = [];
      for await (const page of t.services.accounts.iterateAccounts(paged.id, { sort: '-arr' })) {
        assert.ok(page.length <= 1000);
        ids.push(...page.map((a) => a.id));
      }
      assert.equal(new Set(ids).size, total);
      const filtered: Account[] = [];
      for await (const page of t.services.accounts.iterateAccounts(paged.id, { q: 'other' })) filtered.push(...page);
      assert.ok(filtered.length > 0 && filtered.every((a) => a.name === 'other'));
    });
  });
});
