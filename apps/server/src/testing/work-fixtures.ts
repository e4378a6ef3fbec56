import type { PlaybookDefinition } from '@northstar/contracts';
import type { Services } from '../services';
import type { TestWorkspace } from './test-app';

/** A one-step playbook any test can start: a call for the account owner, due in two days. */
export const FIXTURE_PLAYBOOK: PlaybookDefinition = {
  name: 'Fixture play',
  description: '',
  ctaReason: 'risk',
  enabled: true,
  steps: [
    {
      key: 'call',
      kind: 'task',
      title: 'Call',
      description: '',
      dueOffsetDays: 2,
      assignee: { kind: 'account_owner' },
      priority: 'normal',
    },
  ],
};

const admin = (ws: TestWorkspace) => ({ workspaceId: ws.id, userId: ws.admin.id, role: 'admin' as const });
const account = (services: Services, ws: TestWorkspace) => services.accounts.createAccount(ws.id, { name: 'Fixture account' });

/** Route-table fixtures for the work module's path parameters (issue #7). */
export const workRouteFixtures: Record<string, (services: Services, ws: TestWorkspace) => Promise<string>> = {
  touchId: async (services, ws) =>
    (await services.timeline.createTouch(admin(ws), (await account(services, ws)).id, { type: 'note', title: 'Fixture' })).id,
  taskId: async (services, ws) =>
    (await services.tasks.createTask(admin(ws), { accountId: (await account(services, ws)).id, title: 'Fixture', dueDate: '2026-01-01' }))
      .id,
  ctaId: async (services, ws) =>
    (await services.tasks.createCta(admin(ws), { accountId: (await account(services, ws)).id, reason: 'other', title: 'Fixture' })).id,
  playbookId: async (services, ws) => (await services.playbooks.createPlaybook(admin(ws), FIXTURE_PLAYBOOK)).id,
  runId: async (services, ws) => {
    const playbook = await services.playbooks.createPlaybook(admin(ws), FIXTURE_PLAYBOOK);
    const started = await services.playbooks.startPlaybook(ws.id, {
      playbookId: playbook.id,
      accountId: (await account(services, ws)).id,
      cta: { reason: 'risk' },
    });
    return started.runId;
  },
  notificationId: async (services, ws) => {
    await services.notifications.notify(ws.id, [{ userId: ws.admin.id, message: 'Fixture' }]);
    const page = await services.notifications.listNotifications({ workspaceId: ws.id, userId: ws.admin.id }, { limit: 1 });
    return page.items[0]!.id;
  },
};
