import type { PlaybookDefinition } from '@northstar/contracts';

export type DemoPlaybookKey = 'onboarding' | 'risk' | 'renewal';

/**
 * The demo's three SOPs (DOMAIN §5). The risk play asks for an executive meeting within a week
 * and a recovery plan within ten days — too much, too fast, for every CSM alike: the demo's
 * "playbook problem" for the SOP execution page to find.
 */
export const DEMO_PLAYBOOKS: Record<DemoPlaybookKey, PlaybookDefinition> = {
  onboarding: {
    name: 'Onboarding SOP (交付 SOP)',
    description: 'From kickoff to first value in 45 days: started when an account enters onboarding.',
    ctaReason: 'lifecycle',
    enabled: true,
    steps: [
      {
        key: 'notify-lead',
        kind: 'action',
        title: 'Tell the team lead',
        action: { type: 'notify', to: { kind: 'team_lead' }, message: '{{account.name}} started onboarding' },
      },
      {
        key: 'kickoff',
        kind: 'task',
        title: 'Hold the kickoff meeting',
        description: 'Goals, key people, timeline.',
        dueOffsetDays: 3,
        assignee: { kind: 'account_owner' },
        priority: 'high',
      },
      {
        key: 'admin-training',
        kind: 'task',
        title: 'Train the admins',
        description: 'Setup, permissions, first workflows.',
        dueOffsetDays: 14,
        assignee: { kind: 'account_owner' },
        priority: 'normal',
      },
      {
        key: 'success-plan',
        kind: 'task',
        title: 'Agree the success plan',
        description: 'North-star metric and its target, written down with the champion.',
        dueOffsetDays: 21,
        assignee: { kind: 'account_owner' },
        priority: 'normal',
      },
      {
        key: 'value-review',
        kind: 'task',
        title: 'First value review',
        description: 'Is the customer seeing the value agreed at kickoff?',
        dueOffsetDays: 45,
        assignee: { kind: 'team_lead' },
        priority: 'normal',
      },
    ],
  },
  risk: {
    name: 'Health-drop risk play (健康度下降应对)',
    description: 'When an account turns at risk: reach the champion, the sponsor and agree a recovery plan.',
    ctaReason: 'risk',
    enabled: true,
    steps: [
      { key: 'tag', kind: 'action', title: 'Tag at risk', action: { type: 'add_tag', tag: 'at-risk' } },
      {
        key: 'call-champion',
        kind: 'task',
        title: 'Call the champion about the health drop',
        description: 'What changed: people, budget, usage?',
        dueOffsetDays: 2,
        assignee: { kind: 'account_owner' },
        priority: 'urgent',
      },
      {
        key: 'exec-meeting',
        kind: 'task',
        title: 'Meet the executive sponsor',
        description: 'Within a week, in person if possible.',
        dueOffsetDays: 7,
        assignee: { kind: 'account_owner' },
        priority: 'high',
      },
      {
        key: 'recovery-plan',
        kind: 'task',
        title: 'Agree a recovery plan',
        description: 'Owner, actions and dates, reviewed with the team lead.',
        dueOffsetDays: 10,
        assignee: { kind: 'account_owner' },
        priority: 'high',
      },
    ],
  },
  renewal: {
    name: '90-day renewal play (续费前 90 天)',
    description: 'Started 90 days before the renewal date.',
    ctaReason: 'renewal',
    enabled: true,
    steps: [
      {
        key: 'usage-review',
        kind: 'task',
        title: 'Review usage and health before renewal talks',
        description: '',
        dueOffsetDays: 7,
        assignee: { kind: 'account_owner' },
        priority: 'normal',
      },
      {
        key: 'business-review',
        kind: 'task',
        title: 'Business review with the decision maker',
        description: 'Value delivered this year, plan for next year.',
        dueOffsetDays: 30,
        assignee: { kind: 'account_owner' },
        priority: 'high',
      },
      {
        key: 'proposal',
        kind: 'task',
        title: 'Send the renewal proposal',
        description: '',
        dueOffsetDays: 60,
        assignee: { kind: 'account_owner' },
        priority: 'high',
      },
      {
        key: 'notify-lead',
        kind: 'action',
        title: 'Tell the team lead',
        action: { type: 'notify', to: { kind: 'team_lead' }, message: '{{account.name}} renews in 90 days' },
      },
    ],
  },
};
