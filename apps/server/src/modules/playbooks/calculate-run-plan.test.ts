import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookStep } from '@northstar/contracts';
import { calculateRunPlan, findTeamLead, renderMessage, resolveAssignee, resolveRecipients, type RunFacts } from './calculate-run-plan';

const facts = (extra: Partial<RunFacts> = {}): RunFacts => ({
  startDate: '2026-03-30',
  accountName: 'Acme',
  ctaTitle: 'Health dropped',
  accountOwnerId: 'owner',
  teamLeadId: 'lead',
  startedBy: 'starter',
  activeMemberIds: new Set(['owner', 'lead', 'starter', 'named', 'm2']),
  activeMembersByRole: { manager: ['lead', 'm2'], admin: ['starter'] },
  ...extra,
});

describe('resolveAssignee', () => {
  it('gives each kind of step to its target', () => {
    assert.equal(resolveAssignee({ kind: 'account_owner' }, facts()), 'owner');
    assert.equal(resolveAssignee({ kind: 'team_lead' }, facts()), 'lead');
    assert.equal(resolveAssignee({ kind: 'user', userId: 'named' }, facts()), 'named');
  });

  it('falls back to the owner, the lead, then the starter when the target is gone', () => {
    assert.equal(resolveAssignee({ kind: 'user', userId: 'left-the-company' }, facts()), 'owner');
    assert.equal(resolveAssignee({ kind: 'account_owner' }, facts({ accountOwnerId: null })), 'lead');
    assert.equal(resolveAssignee({ kind: 'team_lead' }, facts({ teamLeadId: null, accountOwnerId: 'inactive' })), 'starter');
    assert.equal(resolveAssignee({ kind: 'team_lead' }, facts({ teamLeadId: null, accountOwnerId: null, startedBy: null })), null);
  });
});

describe('resolveRecipients and renderMessage', () => {
  it('reaches every active member of a role, and the lead when the owner is missing', () => {
    assert.deepEqual(resolveRecipients({ kind: 'role', role: 'manager' }, facts()), ['lead', 'm2']);
    assert.deepEqual(resolveRecipients({ kind: 'account_owner' }, facts({ accountOwnerId: null })), ['lead']);
    assert.deepEqual(resolveRecipients({ kind: 'user', userId: 'gone' }, facts()), []);
  });

  it('fills in the account and CTA', () => {
    assert.equal(renderMessage('{{account.name}}: {{ cta.title }}', facts()), 'Acme: Health dropped');
  });
});

describe('calculateRunPlan', () => {
  it('dates tasks from the start day and separates notifications from other actions', () => {
    const steps: PlaybookStep[] = [
      { key: 'tag', kind: 'action', title: 'Tag', action: { type: 'add_tag', tag: 'at-risk' } },
      {
        key: 'call',
        kind: 'task',
        title: 'Call',
        description: 'd',
        dueOffsetDays: 2,
        assignee: { kind: 'account_owner' },
        priority: 'urgent',
      },
      {
        key: 'tell',
        kind: 'action',
        title: 'Tell',
        action: { type: 'notify', to: { kind: 'team_lead' }, message: '{{account.name}} is red' },
      },
      {
        key: 'review',
        kind: 'task',
        title: 'Review',
        description: '',
        dueOffsetDays: 3,
        assignee: { kind: 'team_lead' },
        priority: 'high',
      },
    ];
    const plan = calculateRunPlan(steps, facts());
    assert.deepEqual(
      plan.tasks.map((t) => [t.stepKey, t.dueDate, t.ownerId, t.priority]),
      [
        ['call', '2026-04-01', 'owner', 'urgent'],
        ['review', '2026-04-02', 'lead', 'high'],
      ],
    );
    assert.deepEqual(plan.notifications, [{ stepKey: 'tell', userIds: ['lead'], message: 'Acme is red' }]);
    assert.deepEqual(
      plan.actions.map((a) => a.key),
      ['tag'],
    );
  });
});

describe('findTeamLead', () => {
  it('picks the first manager to join, else the first admin', () => {
    assert.equal(
      findTeamLead([
        { userId: 'a1', role: 'admin' },
        { userId: 'c1', role: 'csm' },
        { userId: 'm1', role: 'manager' },
        { userId: 'm2', role: 'manager' },
      ]),
      'm1',
    );
    assert.equal(
      findTeamLead([
        { userId: 'c1', role: 'csm' },
        { userId: 'a1', role: 'admin' },
      ]),
      'a1',
    );
    assert.equal(findTeamLead([{ userId: 'c1', role: 'csm' }]), null);
  });
});
