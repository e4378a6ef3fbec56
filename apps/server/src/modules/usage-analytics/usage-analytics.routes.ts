import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountUsageSchema,
  CreateFeatureSchema,
  FeatureSchema,
  PortfolioUsageSchema,
  ProductUserDetailSchema,
  ProductUserEventPageSchema,
  ProductUserEventsQuerySchema,
  ProductUserSchema,
  UpdateFeatureSchema,
  UsageRangeQuerySchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { UsageAnalyticsService } from './usage-analytics.service';

const AccountParams = Type.Object({ accountId: Uuid });
const FeatureParams = Type.Object({ featureId: Uuid });
const ProductUserParams = Type.Object({ productUserId: Type.String({ minLength: 1, maxLength: 1024 }) });
const tags = ['usage'];

/** Usage analytics per account and for the portfolio, product users, and feature mappings. */
export function usageAnalyticsRoutes(service: UsageAnalyticsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const read = { access: { permission: 'accounts:read' as const } };
    const manage = { access: { permission: 'features:manage' as const } };
    app.get(
      '/accounts/:accountId/usage',
      {
        config: read,
        schema: {
          tags,
          summary: "An account's usage between two local dates (default: the last 30 days; at most 400 days)",
          params: AccountParams,
          querystring: UsageRangeQuerySchema,
          response: { 200: AccountUsageSchema },
        },
      },
      async (request) => service.getAccountUsage(requireActor(request).workspaceId, request.params.accountId, request.query),
    );
    app.get(
      '/usage/portfolio',
      {
        config: read,
        schema: {
          tags,
          summary: 'The whole portfolio’s usage between two local dates',
          querystring: UsageRangeQuerySchema,
          response: { 200: PortfolioUsageSchema },
        },
      },
      async (request) => service.getPortfolioUsage(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/accounts/:accountId/users',
      {
        config: read,
        schema: {
          tags,
          summary: "An account's product users, most recently active first",
          params: AccountParams,
          response: { 200: Type.Array(ProductUserSchema) },
        },
      },
      async (request) => service.listAccountUsers(requireActor(request).workspaceId, request.params.accountId),
    );
    app.get(
      '/product-users/:productUserId',
      {
        config: read,
        schema: {
          tags,
          summary: 'A product user’s traits, account, daily activity (90 days) and first page of events',
          params: ProductUserParams,
          response: { 200: ProductUserDetailSchema },
        },
      },
      async (request) => service.getProductUser(requireActor(request).workspaceId, request.params.productUserId),
    );
    app.get(
      '/product-users/:productUserId/events',
      {
        config: read,
        schema: {
          tags,
          summary: 'A product user’s events of the last 90 days, newest first, one page at a time',
          params: ProductUserParams,
          querystring: ProductUserEventsQuerySchema,
          response: { 200: ProductUserEventPageSchema },
        },
      },
      async (request) => service.listProductUserEventsPage(requireActor(request).workspaceId, request.params.productUserId, request.query),
    );
    app.get(
      '/features',
      {
        config: read,
        schema: { tags, summary: 'Feature mappings: events to product features', response: { 200: Type.Array(FeatureSchema) } },
      },
      async (request) => service.listFeatures(requireActor(request).workspaceId),
    );
    app.post(
      '/features',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Map an event (optionally with a property value) to a feature',
          body: CreateFeatureSchema,
          response: { 201: FeatureSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await service.createFeature(requireActor(request).workspaceId, request.body)),
    );
    app.patch(
      '/features/:featureId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a feature mapping',
          params: FeatureParams,
          body: UpdateFeatureSchema,
          response: { 200: FeatureSchema },
        },
      },
      async (request) => service.updateFeature(requireActor(request).workspaceId, request.params.featureId, request.body),
    );
    app.delete(
      '/features/:featureId',
      { config: manage, schema: { tags, summary: 'Remove a feature mapping', params: FeatureParams } },
      async (request, reply) => {
        await service.deleteFeature(requireActor(request).workspaceId, request.params.featureId);
        return reply.status(204).send();
      },
    );
  };
}
