import type { Database } from '../../platform/db/database';
import type { ApiKeysService } from '../api-keys';
import type { UsersService } from '../users';
import type { WorkspacesService } from './workspaces.service';

type Deps = { database: Database; workspaces: WorkspacesService; users: UsersService; apiKeys: ApiKeysService };

export type SetupInput = {
  name: string;
  slug?: string;
  timezone?: string;
  adminEmail: string;
  adminName?: string;
  adminPassword: string;
};

/**
 * Creates a workspace with its first admin, an API token for that admin and an ingestion write
 * key, so that scripts and CI can drive the product without the UI.
 */
export async function setupWorkspace(deps: Deps, input: SetupInput) {
  const workspace = await deps.workspaces.createWorkspace({
    name: input.name,
    ...(input.slug ? { slug: input.slug } : {}),
    ...(input.timezone ? { timezone: input.timezone } : {}),
  });
  const admin = await deps.users.addMemberWithPassword(workspace.id, {
    email: input.adminEmail,
    name: input.adminName ?? input.adminEmail.split('@')[0]!,
    password: input.adminPassword,
    role: 'admin',
  });
  const token = await deps.apiKeys.createApiToken(workspace.id, admin.id, 'setup');
  const writeKey = await deps.apiKeys.createWriteKey(workspace.id, 'default');
  return { workspace, admin, apiToken: token.secret, writeKey: writeKey.secret };
}
