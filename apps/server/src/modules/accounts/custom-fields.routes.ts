import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateCustomFieldSchema,
  CustomFieldDefinitionSchema,
  CustomFieldListSchema,
  ListCustomFieldsQuerySchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { AccountsService } from './accounts.service';

const tags = ['custom-fields'];

export function customFieldsRoutes(service: AccountsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/custom-fields',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'Custom field definitions, optionally of one entity',
          querystring: ListCustomFieldsQuerySchema,
          response: { 200: CustomFieldListSchema },
        },
      },
      async (request) => ({ items: await service.listCustomFields(requireActor(request).workspaceId, request.query.entity) }),
    );
    app.post(
      '/custom-fields',
      {
        config: { access: { permission: 'custom-fields:manage' } },
        schema: {
          tags,
          summary: 'Define a custom field on accounts (default) or contacts',
          body: CreateCustomFieldSchema,
          response: { 201: CustomFieldDefinitionSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createCustomField(requireActor(request).workspaceId, request.body)),
    );
    app.delete(
      '/custom-fields/:customFieldId',
      {
        config: { access: { permission: 'custom-fields:manage' } },
        schema: { tags, summary: 'Delete a custom field and its values on every record', params: Type.Object({ customFieldId: Uuid }) },
      },
      async (request, reply) => {
        await service.deleteCustomField(requireActor(request).workspaceId, request.params.customFieldId);
        return reply.status(204).send();
      },
    );
  };
}
