import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { generateSecret, sha256 } from '../../platform/security/secrets';
import { createApiKeysRepository, type ApiKeyKind, type ApiKeyRow } from './api-keys.repository';

export type ApiKeysService = ReturnType<typeof createApiKeysService>;

const MARKERS: Record<ApiKeyKind, string> = { api_token: 'nsp', write_key: 'nsk' };
const NOT_FOUND = { api_token: 'API_TOKEN_NOT_FOUND', write_key: 'WRITE_KEY_NOT_FOUND' } as const;

export function createApiKeysService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createApiKeysRepository(database.db);

  async function create(workspaceId: string, kind: ApiKeyKind, name: string, userId: string | null) {
    const { secret, hash, prefix } = generateSecret(MARKERS[kind]);
    const key = await repo.insert({ workspaceId, kind, userId, name, prefix, secretHash: hash });
    return { key, secret };
  }

  return {
    /** A personal API token acting as `userId` in `workspaceId`. */
    createApiToken: (workspaceId: string, userId: string, name: string) => create(workspaceId, 'api_token', name, userId),
    /** An ingestion write key: may only send usage events into its workspace. */
    createWriteKey: (workspaceId: string, name: string) => create(workspaceId, 'write_key', name, null),

    listApiTokens: (workspaceId: string, userId?: string) => repo.list(workspaceId, 'api_token', userId),
    listWriteKeys: (workspaceId: string) => repo.list(workspaceId, 'write_key'),

    /** Revokes a key of this workspace. `ownerId` limits it to that user's own tokens. */
    async revoke(workspaceId: string, kind: ApiKeyKind, id: string, ownerId?: string): Promise<ApiKeyRow> {
      const key = await repo.find(workspaceId, kind, id);
      if (!key || (ownerId && key.userId !== ownerId)) throw new AppError(NOT_FOUND[kind], 'Key not found');
      await repo.revoke(workspaceId, id, clock.now());
      return (await repo.find(workspaceId, kind, id))!;
    },

    /**
     * Looks up a presented secret. Undefined when unknown or of another kind; throws
     * AUTH_TOKEN_REVOKED for a revoked one so the caller learns why it stopped working.
     */
    async authenticate(secret: string, kind: ApiKeyKind): Promise<ApiKeyRow | undefined> {
      if (!secret.startsWith(`${MARKERS[kind]}_`)) return undefined;
      const key = await repo.findBySecretHash(sha256(secret));
      if (!key || key.kind !== kind) return undefined;
      if (key.revokedAt) throw new AppError('AUTH_TOKEN_REVOKED', 'This key has been revoked');
      await repo.touch(key.id, clock.now());
      return key;
    },
  };
}
