import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountTierSchema,
  PinTierSchema,
  TieringPolicySchema,
  TierRecomputeResultSchema,
  TiersOverviewSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { TiersService } from './tiers.service';

const AccountParams = Type.Object({ accountId: Uuid });
const tags = ['tiers'];

export function tiersRoutes(service: TiersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tiers',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'Tiering policy, Pareto curve (cumulative ARR vs accounts) and tier shares',
          response: { 200: TiersOverviewSchema },
        },
      },
      async (request) => service.getTiersOverview(requireActor(request).workspaceId),
    );
    app.put(
      '/tiers/policy',
      {
        config: { access: { permission: 'tiers:manage' } },
        schema: {
          tags,
          summary: 'Change the tiering policy and recompute tiers with it',
          body: TieringPolicySchema,
          response: { 200: TiersOverviewSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.updateTieringPolicy(actor.workspaceId, actor.userId, request.body);
      },
    );
    app.post(
      '/tiers/recompute',
      {
        config: { access: { permission: 'tiers:manage' } },
        schema: { tags, summary: 'Recompute every account’s tier now', response: { 200: TierRecomputeResultSchema } },
      },
      async (request) => service.recomputeTiers(requireActor(request).workspaceId),
    );
    app.get(
      '/accounts/:accountId/tier',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'An account’s tier, why it is in it (en and zh-CN), its pin and tier history',
          params: AccountParams,
          response: { 200: AccountTierSchema },
        },
      },
      async (request) => service.getAccountTier(requireActor(request).workspaceId, request.params.accountId),
    );
    app.put(
      '/accounts/:accountId/tier-pin',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Pin a tier with a reason, optionally until a date (exclusive)',
          params: AccountParams,
          body: PinTierSchema,
          response: { 200: AccountTierSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.pinTier(actor.workspaceId, actor.userId, request.params.accountId, request.body);
      },
    );
    app.delete(
      '/accounts/:accountId/tier-pin',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Remove a tier pin; the rules’ tier applies again',
          params: AccountParams,
          response: { 200: AccountTierSchema },
        },
      },
      async (request) => service.unpinTier(requireActor(request).workspaceId, request.params.accountId),
    );
  };
}
