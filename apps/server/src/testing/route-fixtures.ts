import type { Services } from '../services';
import type { TestWorkspace } from './test-app';
import { FIXTURE_PLAYBOOK, workRouteFixtures } from './work-fixtures';

/**
 * How to make, in a given workspace, the object a route's path parameter names. The route-table
 * test uses these to ask workspace A's admin for workspace B's objects and expect 404. A new
 * route with a new `:param` fails that test until a fixture is added here.
 */
export const routeParamFixtures: Record<string, (services: Services, ws: TestWorkspace) => Promise<string>> = {
  userId: async (_services, ws) => (await ws.addUser('csm')).id,
  tokenId: async (services, ws) => (await services.apiKeys.createApiToken(ws.id, ws.admin.id, 'fixture')).key.id,
  writeKeyId: async (services, ws) => (await services.apiKeys.createWriteKey(ws.id, 'fixture')).key.id,
  accountId: async (services, ws) => (await services.accounts.createAccount(ws.id, { name: 'Fixture account' })).id,
  contactId: async (services, ws) => {
    const account = await services.accounts.createAccount(ws.id, { name: 'Fixture account' });
    return (await services.accounts.createContact(ws.id, account.id, { name: 'Fixture contact' })).id;
  },
  customFieldId: async (services, ws) => {
    const key = `fixture_${Math.random().toString(36).slice(2, 10)}`;
    return (await services.accounts.createCustomField(ws.id, { key, label: 'Fixture', type: 'text' })).id;
  },
  segmentId: async (services, ws) =>
    (
      await services.segments.createSegment(
        { workspaceId: ws.id, userId: ws.admin.id },
        { name: 'Fixture segment', expression: { op: 'and', conditions: [] } },
      )
    ).id,
  featureId: async (services, ws) =>
    (await services.usageAnalytics.createFeature(ws.id, { name: 'Fixture', eventName: 'Fixture Used' })).id,
  productUserId: async (services, ws) => {
    const userId = `fixture-${Math.random().toString(36).slice(2, 10)}`;
    await services.usage.ingestEvents(ws.id, [{ type: 'identify', userId, traits: { name: 'Fixture' } }]);
    return userId;
  },
  sessionId: async (services, ws) => {
    const login = await services.auth.login({ email: ws.admin.email, password: ws.admin.password, workspace: ws.slug }, {});
    const sessions = await services.auth.listSessions({ userId: login.userId, workspaceId: ws.id, role: 'admin', via: 'session' });
    return sessions[0]!.id;
  },
  ...workRouteFixtures,
  ruleId: async (services, ws) => {
    const playbook = await services.playbooks.createPlaybook({ workspaceId: ws.id, userId: ws.admin.id }, FIXTURE_PLAYBOOK);
    const editor = { workspaceId: ws.id, userId: ws.admin.id };
    const rule = await services.rules.createRule(editor, {
      name: 'Fixture rule',
      trigger: { type: 'key_contact_left' },
      playbookId: playbook.id,
    });
    return rule.id;
  },
  deliveryId: async (services, ws) => {
    const input = { url: 'https://hooks.example.com/fixture', event: 'fixture', payload: {}, source: {} };
    return (await services.webhooks.enqueueWebhook(ws.id, input)).deliveryId;
  },
  // Every workspace has the built-in "default" scorecard, so the fixture is one only workspace B has.
  scorecardId: async (services, ws) => {
    const { name, groups, measures } = await services.health.getScorecard(ws.id, 'default');
    const id = `fixture-${Math.random().toString(36).slice(2, 10)}`;
    return (
      await services.health.createScorecard(ws.id, ws.admin.id, {
        id,
        name,
        groups,
        measures,
        applicability: { tiers: ['C'], priority: -1 },
      })
    ).id;
  },
  scorecardVersion: async () => '1',
  inputId: async (services, ws) => {
    const account = await services.accounts.createAccount(ws.id, { name: 'Fixture account' });
    const actor = { userId: ws.admin.id, via: 'api_token' as const };
    return (await services.health.addExperienceInput(ws.id, actor, account.id, { kind: 'nps', value: 8 })).id;
  },
};
