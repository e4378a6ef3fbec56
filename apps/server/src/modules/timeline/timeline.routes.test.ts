import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';
import { recordDomainEvents } from '../domain-events';

describe('timeline API', () => {
  const clock = fixedClock(new Date('2026-03-10T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;
  let otherCsm: TestUser;
  let manager: TestUser;
  let viewer: TestUser;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Timeline Co');
    csm = await ws.addUser('csm');
    otherCsm = await ws.addUser('csm');
    manager = await ws.addUser('manager');
    viewer = await ws.addUser('viewer');
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = csm.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }

  async function accountWithPeople(name: string) {
    const account = await t.services.accounts.createAccount(ws.id, { name, lifecycleStage: 'onboarding', contractStart: '2026-01-01' });
    const champion = await t.services.accounts.createContact(ws.id, account.id, { name: 'Li Wei', isKeyPerson: true, role: 'champion' });
    const user = await t.services.accounts.createContact(ws.id, account.id, {
      name: 'End User',
      lastContactedAt: '2026-03-01T00:00:00.000Z',
    });
    return { account, champion, user };
  }

  it('logs a touch, moving its contacts’ last-contacted date forward but never back', async () => {
    const { account, champion, user } = await accountWithPeople('Acme');
    const logged = await call('POST', `/accounts/${account.id}/touches`, {
      type: 'call',
      title: ' Kickoff call ',
      body: 'Agreed the plan',
      occurredAt: '2026-03-09T15:00:00.000Z',
      contactIds: [champion.id],
    });
    assert.equal(logged.status, 201, JSON.stringify(logged.body));
    assert.equal(logged.body.title, 'Kickoff call');
    assert.equal(logged.body.authorId, csm.id);
    assert.deepEqual(logged.body.contactIds, [champion.id]);
    assert.equal(logged.body.lifecycleStage, 'onboarding', 'captured from the account when there is no history');
    assert.equal((await t.services.accounts.getContact(ws.id, champion.id)).lastContactedAt, '2026-03-09T15:00:00.000Z');

    // An older touch logged late leaves the newer date alone.
    await call('POST', `/accounts/${account.id}/touches`, {
      type: 'email',
      title: 'Follow-up',
      occurredAt: '2026-02-20T10:00:00.000Z',
      contactIds: [champion.id, user.id],
    });
    assert.equal((await t.services.accounts.getContact(ws.id, champion.id)).lastContactedAt, '2026-03-09T15:00:00.000Z');
    assert.equal((await t.services.accounts.getContact(ws.id, user.id)).lastContactedAt, '2026-03-01T00:00:00.000Z');

    // A touch "now" (no occurredAt) uses the clock.
    const now = await call('POST', `/accounts/${account.id}/touches`, { type: 'note', title: 'Quick note', contactIds: [user.id] });
    assert.equal(now.body.occurredAt, '2026-03-10T09:00:00.000Z');
    assert.equal((await t.services.accounts.getContact(ws.id, user.id)).lastContactedAt, '2026-03-10T09:00:00.000Z');
  });

  it('refuses people from another account, future touches and viewers', async () => {
    const { account } = await accountWithPeople('Globex');
    const { champion: stranger } = await accountWithPeople('Initech');
    const wrong = await call('POST', `/accounts/${account.id}/touches`, { type: 'call', title: 'x', contactIds: [stranger.id] });
    assert.equal(wrong.status, 400);
    assert.deepEqual(
      wrong.body.error.details.map((d: { field: string }) => d.field),
      ['contactIds'],
    );
    const future = await call('POST', `/accounts/${account.id}/touches`, {
      type: 'call',
      title: 'x',
      occurredAt: '2026-03-11T09:00:00.000Z',
    });
    assert.equal(future.status, 400);
    assert.equal(future.body.error.details[0].field, 'occurredAt');
    const badType = await call('POST', `/accounts/${account.id}/touches`, { type: 'fax', title: 'x' });
    assert.equal(badType.status, 400);
    assert.equal((await call('POST', `/accounts/${account.id}/touches`, { type: 'call', title: 'x' }, viewer.headers)).status, 403);
  });

  it('lets the author, a manager or an admin change a touch, but not another CSM', async () => {
    const { account, champion } = await accountWithPeople('Umbrella');
    const touch = (await call('POST', `/accounts/${account.id}/touches`, { type: 'note', title: 'Draft' })).body;
    assert.equal((await call('PATCH', `/touches/${touch.id}`, { title: 'Hijack' }, otherCsm.headers)).status, 403);
    const edited = await call('PATCH', `/touches/${touch.id}`, { title: 'Final', type: 'meeting', contactIds: [champion.id] });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual([edited.body.title, edited.body.type, edited.body.contactIds], ['Final', 'meeting', [champion.id]]);
    assert.equal((await t.services.accounts.getContact(ws.id, champion.id)).lastContactedAt, touch.occurredAt);
    assert.equal((await call('PATCH', `/touches/${touch.id}`, { body: 'tidied' }, manager.headers)).status, 200);
    assert.equal((await call('DELETE', `/touches/${touch.id}`, undefined, otherCsm.headers)).status, 403);
    assert.equal((await call('DELETE', `/touches/${touch.id}`)).status, 204);
    assert.equal((await call('GET', `/touches/${touch.id}`)).status, 404);
  });

  it('captures the stage the history puts the account in at the time of the touch', async () => {
    const account = await t.services.accounts.createAccount(ws.id, {
      name: 'Staged',
      lifecycleStage: 'onboarding',
      contractStart: '2026-01-01',
    });
    await t.services.lifecycle.evaluateStageRules(ws.id);
    await t.services.lifecycle.setStage(ws.id, manager.id, account.id, { stage: 'rollout' });
    const before = await call('POST', `/accounts/${account.id}/touches`, {
      type: 'training',
      title: 'Admin training',
      occurredAt: '2026-02-01T10:00:00.000Z',
    });
    const afterMove = await call('POST', `/accounts/${account.id}/touches`, { type: 'call', title: 'Rollout check-in' });
    assert.equal(before.body.lifecycleStage, 'onboarding');
    assert.equal(afterMove.body.lifecycleStage, 'rollout');
    const moved = await call('PATCH', `/touches/${before.body.id}`, { occurredAt: '2026-03-10T09:00:00.000Z' });
    assert.equal(moved.body.lifecycleStage, 'rollout', 'moving a touch in time re-reads the stage');
  });

  it('merges touches and system events newest first, pages through them and filters', async () => {
    const account = await t.services.accounts.createAccount(ws.id, { name: 'Feed Co', lifecycleStage: 'onboarding' });
    const at = (iso: string) => new Date(iso);
    await recordDomainEvents(t.database.db, ws.id, [
      { type: 'tier.changed', accountId: account.id, payload: { from: 'B', to: 'A' }, occurredAt: at('2026-03-01T00:00:00.000Z') },
      { type: 'segment.entered', accountId: account.id, payload: { segmentName: 'Renewals' }, occurredAt: at('2026-03-03T00:00:00.000Z') },
      {
        type: 'lifecycle.stage_changed',
        accountId: account.id,
        payload: { from: 'onboarding', to: 'rollout' },
        occurredAt: at('2026-03-05T00:00:00.000Z'),
      },
    ]);
    // The health module records this type; the timeline shows it whatever module wrote it.
    await t.database.query(
      `INSERT INTO domain_events (workspace_id, type, account_id, payload, occurred_at) VALUES ($1, 'health.band_changed', $2, '{"from":"green","to":"red"}', '2026-03-07T00:00:00Z')`,
      [ws.id, account.id],
    );
    await call('POST', `/accounts/${account.id}/touches`, { type: 'call', title: 'Call A', occurredAt: '2026-03-02T00:00:00.000Z' });
    await call(
      'POST',
      `/accounts/${account.id}/touches`,
      { type: 'note', title: 'Note B', occurredAt: '2026-03-06T00:00:00.000Z' },
      manager.headers,
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        body: {
          items: { kind: string; touch: { title: string } | null; event: { type: string; summary: { en: string } } | null }[];
          nextCursor: string | null;
        };
      } = await call('GET', `/accounts/${account.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((i) => (i.touch ? i.touch.title : i.event!.summary.en)));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [
      'Health changed from green to red',
      'Note B',
      'Stage changed from Onboarding to Internal rollout',
      'Entered segment “Renewals”',
      'Call A',
      'Tier changed from B to A',
    ]);

    const byAuthor = await call('GET', `/accounts/${account.id}/timeline?authorId=${manager.id}`);
    assert.deepEqual(
      byAuthor.body.items.map((i: { kind: string }) => i.kind),
      ['touch'],
      'events have no author',
    );
    const typed = await call('GET', `/accounts/${account.id}/timeline?type=call&type=tier.changed`);
    assert.deepEqual(
      typed.body.items.map((i: { kind: string }) => i.kind),
      ['touch', 'event'],
    );
    const ranged = await call('GET', `/accounts/${account.id}/timeline?from=2026-03-02&to=2026-03-05`);
    assert.equal(ranged.body.items.length, 3);
    assert.equal((await call('GET', `/accounts/${account.id}/timeline?from=2026-03-05&to=2026-03-01`)).status, 400);
    assert.equal((await call('GET', `/accounts/${account.id}/timeline?cursor=nonsense`)).status, 400);
    const list = await call('GET', `/touches?accountId=${account.id}&type=note`, undefined, viewer.headers);
    assert.deepEqual(
      list.body.items.map((x: { title: string }) => x.title),
      ['Note B'],
    );
  });

  it('reads the last touch with a key person per account as of a day', async () => {
    const { account, champion, user } = await accountWithPeople('Keyed');
    const plain = await t.services.accounts.createAccount(ws.id, { name: 'No key contact' });
    await call('POST', `/accounts/${account.id}/touches`, {
      type: 'call',
      title: 'With champion',
      occurredAt: '2026-02-10T10:00:00.000Z',
      contactIds: [champion.id],
    });
    await call('POST', `/accounts/${account.id}/touches`, {
      type: 'call',
      title: 'With champion again',
      occurredAt: '2026-03-05T10:00:00.000Z',
      contactIds: [champion.id],
    });
    await call('POST', `/accounts/${account.id}/touches`, {
      type: 'email',
      title: 'End user only',
      occurredAt: '2026-03-08T10:00:00.000Z',
      contactIds: [user.id],
    });
    await call('POST', `/accounts/${plain.id}/touches`, { type: 'note', title: 'Nobody named', occurredAt: '2026-03-08T10:00:00.000Z' });

    const asOfMarch = await t.services.timeline.listLastKeyContactTouches(ws.id, {
      asOf: '2026-03-08',
      accountIds: [account.id, plain.id],
    });
    assert.deepEqual(
      [...asOfMarch.entries()].map(([id, d]) => [id, d.toISOString()]),
      [[account.id, '2026-03-05T10:00:00.000Z']],
    );
    const asOfFeb = await t.services.timeline.listLastKeyContactTouches(ws.id, { asOf: '2026-02-10', accountIds: [account.id] });
    assert.equal(asOfFeb.get(account.id)?.toISOString(), '2026-02-10T10:00:00.000Z', 'the whole asOf day counts');
    const anyTouch = await t.services.timeline.listLastTouches(ws.id, { asOf: '2026-03-10', accountIds: [account.id, plain.id] });
    assert.equal(anyTouch.get(account.id)?.toISOString(), '2026-03-08T10:00:00.000Z');
    assert.equal(anyTouch.get(plain.id)?.toISOString(), '2026-03-08T10:00:00.000Z');
  });

  it('hides another workspace’s accounts and touches', async () => {
    const other = await createTestWorkspace(t.services, 'Elsewhere');
    const theirs = await t.services.accounts.createAccount(other.id, { name: 'Theirs' });
    assert.equal((await call('GET', `/accounts/${theirs.id}/timeline`)).status, 404);
    assert.equal((await call('POST', `/accounts/${theirs.id}/touches`, { type: 'note', title: 'x' })).status, 404);
    const touches = await call('GET', `/touches?accountId=${theirs.id}`);
    assert.deepEqual(touches.body.items, []);
  });
});
