import { randomBytes } from 'node:crypto';
import type { Role } from '@northstar/contracts';
import { buildApp } from '../app';
import type { fixedClock } from '../platform/clock';
import { createServices, type Services } from '../services';
import { createTestDatabase } from './test-database';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The whole API on a fresh database, for `app.inject()` tests. Call `close()` in `after`.
 */
export async function createTestApp(options: { clock?: ReturnType<typeof fixedClock> } = {}) {
  const database = await createTestDatabase();
  const services = createServices({ database, ...(options.clock ? { clock: options.clock } : {}) });
  const app = await buildApp({ services, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    services,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestUser = { id: string; email: string; password: string; role: Role; token: string; headers: Record<string, string> };
export type TestWorkspace = {
  id: string;
  slug: string;
  writeKey: string;
  admin: TestUser;
  /** Adds a member with the role and returns them with a personal API token. */
  addUser: (role: Role) => Promise<TestUser>;
};

/**
 * A workspace of its own for one test, with an admin holding an API token. No shared seed:
 * every test builds what it needs through the services.
 */
export async function createTestWorkspace(services: Services, name = 'Test Co'): Promise<TestWorkspace> {
  const suffix = randomBytes(4).toString('hex');
  const password = `pw-${suffix}-long-enough`;
  const setup = await services.setupWorkspace({
    name,
    slug: `test-${suffix}`,
    adminEmail: `admin-${suffix}@example.com`,
    adminPassword: password,
  });
  const workspaceId = setup.workspace.id;
  const toUser = (id: string, email: string, role: Role, token: string, pw: string): TestUser => ({
    id,
    email,
    password: pw,
    role,
    token,
    headers: { authorization: `Bearer ${token}` },
  });
  let counter = 0;
  return {
    id: workspaceId,
    slug: setup.workspace.slug,
    writeKey: setup.writeKey,
    admin: toUser(setup.admin.id, setup.admin.email, 'admin', setup.apiToken, password),
    async addUser(role) {
      counter++;
      const email = `${role}-${counter}-${suffix}@example.com`;
      const member = await services.users.addMemberWithPassword(workspaceId, { email, name: `${role} ${counter}`, password, role });
      const { secret } = await services.apiKeys.createApiToken(workspaceId, member.id, 'test');
      return toUser(member.id, email, role, secret, password);
    },
  };
}
