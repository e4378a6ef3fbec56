import type { Services } from '../services';
import type { TestWorkspace } from './test-app';

/**
 * How to make, in a given workspace, the object a route's path parameter names. The route-table
 * test uses these to ask workspace A's admin for workspace B's objects and expect 404. A new
 * route with a new `:param` fails that test until a fixture is added here.
 */
export const routeParamFixtures: Record<string, (services: Services, ws: TestWorkspace) => Promise<string>> = {
  userId: async (_services, ws) => (await ws.addUser('csm')).id,
  tokenId: async (services, ws) => (await services.apiKeys.createApiToken(ws.id, ws.admin.id, 'fixture')).key.id,
  writeKeyId: async (services, ws) => (await services.apiKeys.createWriteKey(ws.id, 'fixture')).key.id,
  sessionId: async (services, ws) => {
    const login = await services.auth.login({ email: ws.admin.email, password: ws.admin.password, workspace: ws.slug }, {});
    const sessions = await services.auth.listSessions({ userId: login.userId, workspaceId: ws.id, role: 'admin', via: 'session' });
    return sessions[0]!.id;
  },
};
