import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  TestWebhookSchema,
  UpdateWebhookSettingsSchema,
  Uuid,
  WebhookDeliveriesQuerySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookSettingsSchema,
  WebhookSigningSecretSchema,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { WebhooksService } from './webhooks.service';

const DeliveryParams = Type.Object({ deliveryId: Uuid });
const tags = ['webhooks'];

export function webhooksRoutes(service: WebhooksService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/webhooks/deliveries',
      {
        config: { access: { permission: 'webhooks:read' } },
        schema: {
          tags,
          summary: 'The outgoing webhook log, newest first',
          querystring: WebhookDeliveriesQuerySchema,
          response: { 200: WebhookDeliveryPageSchema },
        },
      },
      async (request) => service.listDeliveries(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/webhooks/deliveries/:deliveryId',
      {
        config: { access: { permission: 'webhooks:read' } },
        schema: {
          tags,
          summary: 'One delivery with its recent attempts',
          params: DeliveryParams,
          response: { 200: WebhookDeliverySchema },
        },
      },
      async (request) => service.getDelivery(requireActor(request).workspaceId, request.params.deliveryId),
    );
    app.post(
      '/webhooks/deliveries/:deliveryId/redeliver',
      {
        config: { access: { permission: 'webhooks:manage' } },
        schema: {
          tags,
          summary: 'Send a delivery’s event again, as a new delivery',
          params: DeliveryParams,
          response: { 201: WebhookDeliverySchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.redeliver(requireActor(request).workspaceId, request.params.deliveryId)),
    );
    app.post(
      '/webhooks/test',
      {
        config: { access: { permission: 'webhooks:manage' } },
        schema: {
          tags,
          summary: 'Send a signed webhook.test event to a URL (refused for private addresses unless allowed)',
          body: TestWebhookSchema,
          response: { 201: WebhookDeliverySchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.sendTest(requireActor(request).workspaceId, request.body.url)),
    );
    app.get(
      '/webhooks/settings',
      {
        config: { access: { permission: 'workspace:manage' } },
        schema: {
          tags,
          summary: 'Webhook settings: private targets, the signing secret’s prefix',
          response: { 200: WebhookSettingsSchema },
        },
      },
      async (request) => service.getSettings(requireActor(request).workspaceId),
    );
    app.patch(
      '/webhooks/settings',
      {
        config: { access: { permission: 'workspace:manage' } },
        schema: {
          tags,
          summary: 'Allow or refuse private-network webhook targets',
          body: UpdateWebhookSettingsSchema,
          response: { 200: WebhookSettingsSchema },
        },
      },
      async (request) => service.updateSettings(requireActor(request).workspaceId, request.body),
    );
    app.post(
      '/webhooks/signing-secret/rotate',
      {
        config: { access: { permission: 'workspace:manage' } },
        schema: {
          tags,
          summary: 'Replace the signing secret; the new one is shown in this response only',
          response: { 200: WebhookSigningSecretSchema },
        },
      },
      async (request) => service.rotateSigningSecret(requireActor(request).workspaceId),
    );
  };
}
