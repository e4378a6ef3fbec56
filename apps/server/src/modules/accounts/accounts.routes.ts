import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountPageSchema,
  AccountSchema,
  CreateAccountSchema,
  ListAccountsQuerySchema,
  UpdateAccountSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { AccountsService } from './accounts.service';

const AccountParams = Type.Object({ accountId: Uuid });
const tags = ['accounts'];

export function accountsRoutes(service: AccountsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/accounts',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'Accounts, filtered and sorted, one page at a time (repeat a parameter for several values: ?tier=S&tier=A)',
          querystring: ListAccountsQuerySchema,
          response: { 200: AccountPageSchema },
        },
      },
      async (request) => service.listAccounts(requireActor(request).workspaceId, request.query),
    );
    app.post(
      '/accounts',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: { tags, summary: 'Create an account', body: CreateAccountSchema, response: { 201: AccountSchema } },
      },
      async (request, reply) => reply.status(201).send(await service.createAccount(requireActor(request).workspaceId, request.body)),
    );
    app.get(
      '/accounts/:accountId',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: { tags, summary: 'One account', params: AccountParams, response: { 200: AccountSchema } },
      },
      async (request) => service.getAccount(requireActor(request).workspaceId, request.params.accountId),
    );
    app.patch(
      '/accounts/:accountId',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Change an account; customFields merge key by key and null removes a key',
          params: AccountParams,
          body: UpdateAccountSchema,
          response: { 200: AccountSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.updateAccount(actor.workspaceId, request.params.accountId, request.body, actor.userId);
      },
    );
    app.delete(
      '/accounts/:accountId',
      {
        config: { access: { permission: 'accounts:delete' } },
        schema: { tags, summary: 'Delete an account (restorable for 30 days)', params: AccountParams },
      },
      async (request, reply) => {
        await service.deleteAccount(requireActor(request).workspaceId, request.params.accountId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/accounts/:accountId/restore',
      {
        config: { access: { permission: 'accounts:delete' } },
        schema: {
          tags,
          summary: 'Restore a deleted account within 30 days of its deletion',
          params: AccountParams,
          response: { 200: AccountSchema },
        },
      },
      async (request) => service.restoreAccount(requireActor(request).workspaceId, request.params.accountId),
    );
  };
}
