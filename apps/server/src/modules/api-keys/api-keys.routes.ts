import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiKeySchema, CreateKeySchema, CreatedKeySchema, roleCan, Uuid } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { ApiKeysService } from './api-keys.service';
import { toApiKeyDto } from './to-api-key-dto';

const KeyList = Type.Object({ items: Type.Array(ApiKeySchema) });

export function apiKeysRoutes(service: ApiKeysService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tokens',
      {
        config: { access: { permission: 'tokens:own' } },
        schema: { tags: ['keys'], summary: 'Your personal API tokens (admins: everyone’s)', response: { 200: KeyList } },
      },
      async (request) => {
        const actor = requireActor(request);
        const ownerFilter = roleCan(actor.role, 'users:manage') ? undefined : actor.userId;
        return { items: (await service.listApiTokens(actor.workspaceId, ownerFilter)).map(toApiKeyDto) };
      },
    );
    app.post(
      '/tokens',
      {
        config: { access: { permission: 'tokens:own' } },
        schema: { tags: ['keys'], summary: 'Create a personal API token (shown once)', body: CreateKeySchema, response: { 201: CreatedKeySchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { key, secret } = await service.createApiToken(actor.workspaceId, actor.userId, request.body.name);
        return reply.status(201).send({ key: toApiKeyDto(key), secret });
      },
    );
    app.delete(
      '/tokens/:tokenId',
      {
        config: { access: { permission: 'tokens:own' } },
        schema: { tags: ['keys'], summary: 'Revoke an API token', params: Type.Object({ tokenId: Uuid }), response: { 200: ApiKeySchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        const ownerFilter = roleCan(actor.role, 'users:manage') ? undefined : actor.userId;
        return toApiKeyDto(await service.revoke(actor.workspaceId, 'api_token', request.params.tokenId, ownerFilter));
      },
    );
    app.get(
      '/write-keys',
      {
        config: { access: { permission: 'write-keys:manage' } },
        schema: { tags: ['keys'], summary: 'Ingestion write keys', response: { 200: KeyList } },
      },
      async (request) => ({ items: (await service.listWriteKeys(requireActor(request).workspaceId)).map(toApiKeyDto) }),
    );
    app.post(
      '/write-keys',
      {
        config: { access: { permission: 'write-keys:manage' } },
        schema: { tags: ['keys'], summary: 'Create an ingestion write key (shown once)', body: CreateKeySchema, response: { 201: CreatedKeySchema } },
      },
      async (request, reply) => {
        const { key, secret } = await service.createWriteKey(requireActor(request).workspaceId, request.body.name);
        return reply.status(201).send({ key: toApiKeyDto(key), secret });
      },
    );
    app.delete(
      '/write-keys/:writeKeyId',
      {
        config: { access: { permission: 'write-keys:manage' } },
        schema: { tags: ['keys'], summary: 'Revoke a write key', params: Type.Object({ writeKeyId: Uuid }), response: { 200: ApiKeySchema } },
      },
      async (request) => toApiKeyDto(await service.revoke(requireActor(request).workspaceId, 'write_key', request.params.writeKeyId)),
    );
  };
}
