import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock';
import { createTestApp, createTestWorkspace, type TestApp, type TestUser, type TestWorkspace } from '../../testing/test-app';

const DAY = 86_400_000;

describe('tasks and CTAs API', () => {
  const clock = fixedClock(new Date('2026-03-10T09:00:00.000Z'));
  let t: TestApp;
  let ws: TestWorkspace;
  let csm: TestUser;
  let otherCsm: TestUser;
  let manager: TestUser;
  let viewer: TestUser;
  let accountId: string;

  before(async () => {
    t = await createTestApp({ clock });
    ws = await createTestWorkspace(t.services, 'Tasks Co');
    csm = await ws.addUser('csm');
    otherCsm = await ws.addUser('csm');
    manager = await ws.addUser('manager');
    viewer = await ws.addUser('viewer');
    accountId = (await t.services.accounts.createAccount(ws.id, { name: 'Acme', lifecycleStage: 'rollout', ownerId: csm.id })).id;
  });
  after(() => t.close());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = csm.headers) {
    const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  }
  const task = async (title: string, dueDate: string, priority: string, headers = csm.headers, extra: object = {}) => {
    const res = await call('POST', '/tasks', { accountId, title, dueDate, priority, ...extra }, headers);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; ownerId: string; isOverdue: boolean; lifecycleStage: string };
  };

  it('orders my inbox by due date, then priority, and derives overdue from today', async () => {
    const later = await task('Later', '2026-03-20', 'urgent');
    const lowToday = await task('Low today', '2026-03-10', 'low');
    const urgentToday = await task('Urgent today', '2026-03-10', 'urgent');
    const late = await task('Late', '2026-03-08', 'normal');
    await task('Someone else’s', '2026-03-01', 'urgent', otherCsm.headers);
    assert.equal(late.isOverdue, true);
    assert.equal(urgentToday.isOverdue, false, 'due today is not late yet');
    assert.equal(late.lifecycleStage, 'rollout', 'the account’s stage when the task was made');

    const inbox = await call('GET', '/tasks/inbox');
    assert.equal(inbox.status, 200);
    assert.deepEqual(
      inbox.body.items.map((x: { title: string }) => x.title),
      ['Late', 'Urgent today', 'Low today', 'Later'],
    );
    assert.deepEqual(inbox.body.counts, { open: 4, overdue: 1, dueToday: 2 });

    // Pages of two keep the order.
    const first = await call('GET', '/tasks/inbox?limit=2');
    const second = await call('GET', `/tasks/inbox?limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      [...first.body.items, ...second.body.items].map((x: { id: string }) => x.id),
      [late.id, urgentToday.id, lowToday.id, later.id],
    );
    assert.equal(second.body.nextCursor, null);

    // Tomorrow, today's tasks are overdue too.
    clock.advance(DAY);
    const tomorrow = await call('GET', '/tasks/inbox');
    assert.equal(tomorrow.body.counts.overdue, 3);
    assert.equal(tomorrow.body.items.find((x: { id: string }) => x.id === lowToday.id).isOverdue, true);
    const overdueOnly = await call('GET', `/tasks?ownerId=${csm.id}&overdue=true`);
    assert.equal(overdueOnly.body.items.length, 3);
    const notOverdue = await call('GET', `/tasks?ownerId=${csm.id}&overdue=false`);
    assert.deepEqual(
      notOverdue.body.items.map((x: { id: string }) => x.id),
      [later.id],
    );
    clock.advance(-DAY);
  });

  it('shows the team’s inbox to managers only, filterable by owner', async () => {
    assert.equal((await call('GET', '/tasks/inbox?scope=team')).status, 403);
    assert.equal((await call('GET', '/tasks/inbox?scope=team', undefined, viewer.headers)).status, 403);
    const team = await call('GET', '/tasks/inbox?scope=team', undefined, manager.headers);
    assert.equal(team.status, 200);
    const owners = new Set(team.body.items.map((x: { ownerId: string }) => x.ownerId));
    assert.ok(owners.has(csm.id) && owners.has(otherCsm.id));
    assert.equal(team.body.items[0].title, 'Someone else’s', 'the earliest due across the team comes first');
    const filtered = await call('GET', `/tasks/inbox?scope=team&ownerId=${otherCsm.id}`, undefined, manager.headers);
    assert.deepEqual(
      filtered.body.items.map((x: { ownerId: string }) => x.ownerId),
      [otherCsm.id],
    );
    const mineWithOwner = await call('GET', `/tasks/inbox?ownerId=${otherCsm.id}`, undefined, manager.headers);
    assert.equal(mineWithOwner.status, 400);
    assert.equal(mineWithOwner.body.error.details[0].field, 'ownerId');
    const viewerInbox = await call('GET', '/tasks/inbox', undefined, viewer.headers);
    assert.deepEqual(viewerInbox.body.items, []);
  });

  it('lets a CSM work only their own tasks and give work only to themselves', async () => {
    const mine = await task('Mine', '2026-03-12', 'normal');
    assert.equal((await call('POST', '/tasks', { accountId, title: 'For Bo', dueDate: '2026-03-12', ownerId: otherCsm.id })).status, 403);
    assert.equal((await call('POST', `/tasks/${mine.id}/complete`, undefined, otherCsm.headers)).status, 403);
    assert.equal((await call('PATCH', `/tasks/${mine.id}`, { priority: 'high' }, otherCsm.headers)).status, 403);
    const assigned = await call('PATCH', `/tasks/${mine.id}`, { ownerId: otherCsm.id }, manager.headers);
    assert.equal(assigned.body.ownerId, otherCsm.id);
    const inactiveOwner = await call('POST', '/tasks', { accountId, title: 'x', dueDate: '2026-03-12', ownerId: ws.id }, manager.headers);
    assert.equal(inactiveOwner.status, 400);
    assert.equal(inactiveOwner.body.error.details[0].field, 'ownerId');
    assert.equal((await call('POST', '/tasks', { accountId, title: 'x', dueDate: '2026-03-12' }, viewer.headers)).status, 403);
  });

  it('completes, skips with a reason and reopens, refusing impossible moves', async () => {
    const one = await task('Send deck', '2026-03-09', 'high');
    const done = await call('POST', `/tasks/${one.id}/complete`);
    assert.equal(done.status, 200);
    assert.deepEqual([done.body.status, done.body.isOverdue, done.body.closedBy], ['done', false, csm.id]);
    assert.equal(done.body.closedAt, '2026-03-10T09:00:00.000Z');
    assert.equal((await call('POST', `/tasks/${one.id}/complete`)).status, 409);
    assert.equal((await call('POST', `/tasks/${one.id}/skip`, { reason: 'x' })).status, 409);
    const reopened = await call('POST', `/tasks/${one.id}/reopen`);
    assert.deepEqual([reopened.body.status, reopened.body.closedAt, reopened.body.isOverdue], ['open', null, true]);
    assert.equal((await call('POST', `/tasks/${one.id}/skip`, { reason: '   ' })).status, 400);
    const skipped = await call('POST', `/tasks/${one.id}/skip`, { reason: 'Customer postponed' });
    assert.deepEqual([skipped.body.status, skipped.body.skipReason], ['skipped', 'Customer postponed']);
    assert.equal((await call('POST', `/tasks/${one.id}/reopen`)).body.skipReason, null);
    assert.equal((await call('DELETE', `/tasks/${one.id}`)).status, 204);
    assert.equal((await call('GET', `/tasks/${one.id}`)).status, 404);
  });

  it('groups tasks under a CTA, closes it with an outcome and skips what is left', async () => {
    const cta = await call('POST', '/ctas', { accountId, reason: 'risk', title: 'Champion left', causeKey: 'manual:champion-left' });
    assert.equal(cta.status, 201, JSON.stringify(cta.body));
    assert.equal(cta.body.ownerId, csm.id);
    const dup = await call('POST', '/ctas', { accountId, reason: 'risk', title: 'Again', causeKey: 'manual:champion-left' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'CTA_ALREADY_OPEN');
    assert.equal(await t.services.tasks.isCtaOpen(ws.id, { accountId, causeKey: 'manual:champion-left' }), true);
    assert.equal(await t.services.tasks.isCtaOpen(ws.id, { accountId, causeKey: 'other-cause' }), false);
    assert.deepEqual(
      (await t.services.tasks.listOpenCtas(ws.id, { accountId })).map((c) => c.id),
      [cta.body.id],
    );

    const a = await task('Find new champion', '2026-03-15', 'urgent', csm.headers, { ctaId: cta.body.id });
    const b = await task('Brief sponsor', '2026-03-16', 'high', csm.headers, { ctaId: cta.body.id });
    await call('POST', `/tasks/${a.id}/complete`);
    const other = await t.services.accounts.createAccount(ws.id, { name: 'Other' });
    const mismatch = await call('POST', '/tasks', { accountId: other.id, title: 'x', dueDate: '2026-03-12', ctaId: cta.body.id });
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.body.error.details[0].field, 'ctaId');

    const before = await call('GET', `/ctas/${cta.body.id}`, undefined, viewer.headers);
    assert.deepEqual([before.body.taskCount, before.body.openTaskCount], [2, 1]);
    assert.equal((await call('POST', `/ctas/${cta.body.id}/close`, { outcome: 'resolved' }, otherCsm.headers)).status, 403);
    const closed = await call('POST', `/ctas/${cta.body.id}/close`, { outcome: 'resolved', note: 'New champion named' });
    assert.equal(closed.status, 200);
    assert.deepEqual(
      [closed.body.status, closed.body.outcome, closed.body.outcomeNote, closed.body.openTaskCount],
      ['closed', 'resolved', 'New champion named', 0],
    );
    const leftover = await call('GET', `/tasks/${b.id}`);
    assert.deepEqual([leftover.body.status, leftover.body.skipReason], ['skipped', 'CTA closed']);
    assert.equal((await call('GET', `/tasks/${a.id}`)).body.status, 'done', 'done work stays done');
    assert.equal((await call('POST', `/ctas/${cta.body.id}/close`, { outcome: 'resolved' })).status, 409);

    // Closed, the cause can be raised again.
    assert.equal(await t.services.tasks.isCtaOpen(ws.id, { accountId, causeKey: 'manual:champion-left' }), false);
    clock.advance(60_000);
    assert.equal(
      (await call('POST', '/ctas', { accountId, reason: 'risk', title: 'Again', causeKey: 'manual:champion-left' })).status,
      201,
    );
    clock.advance(-60_000);
    const open = await call('GET', `/ctas?status=open&accountId=${accountId}`);
    assert.equal(open.body.items.length, 1);
    const all = await call('GET', `/ctas?accountId=${accountId}&limit=1`);
    const next = await call('GET', `/ctas?accountId=${accountId}&limit=1&cursor=${all.body.nextCursor}`);
    assert.equal(next.body.items[0].id, cta.body.id, 'newest first, then the closed one');
  });

  it('keeps another workspace’s tasks and CTAs out of reach', async () => {
    const other = await createTestWorkspace(t.services, 'Elsewhere');
    const theirAccount = await t.services.accounts.createAccount(other.id, { name: 'Theirs' });
    assert.equal((await call('POST', '/tasks', { accountId: theirAccount.id, title: 'x', dueDate: '2026-03-12' })).status, 404);
    assert.equal((await call('POST', '/ctas', { accountId: theirAccount.id, reason: 'other', title: 'x' })).status, 404);
    const tasks = await call('GET', `/tasks?accountId=${theirAccount.id}`, undefined, ws.admin.headers);
    assert.deepEqual(tasks.body.items, []);
  });
});
