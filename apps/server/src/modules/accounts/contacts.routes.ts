import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContactListSchema, ContactSchema, CreateContactSchema, UpdateContactSchema, Uuid } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { AccountsService } from './accounts.service';

const AccountParams = Type.Object({ accountId: Uuid });
const ContactParams = Type.Object({ contactId: Uuid });
const tags = ['contacts'];

export function contactsRoutes(service: AccountsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/accounts/:accountId/contacts',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'The people at an account, key people first',
          params: AccountParams,
          response: { 200: ContactListSchema },
        },
      },
      async (request) => ({ items: await service.listContacts(requireActor(request).workspaceId, request.params.accountId) }),
    );
    app.post(
      '/accounts/:accountId/contacts',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Add a person to an account',
          params: AccountParams,
          body: CreateContactSchema,
          response: { 201: ContactSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createContact(requireActor(request).workspaceId, request.params.accountId, request.body)),
    );
    app.get(
      '/contacts/:contactId',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: { tags, summary: 'One contact', params: ContactParams, response: { 200: ContactSchema } },
      },
      async (request) => service.getContact(requireActor(request).workspaceId, request.params.contactId),
    );
    app.patch(
      '/contacts/:contactId',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Change a contact; customFields merge key by key and null removes a key',
          params: ContactParams,
          body: UpdateContactSchema,
          response: { 200: ContactSchema },
        },
      },
      async (request) => service.updateContact(requireActor(request).workspaceId, request.params.contactId, request.body),
    );
    app.delete(
      '/contacts/:contactId',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: { tags, summary: 'Delete a contact for good', params: ContactParams },
      },
      async (request, reply) => {
        await service.deleteContact(requireActor(request).workspaceId, request.params.contactId);
        return reply.status(204).send();
      },
    );
  };
}
