import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountHealthQuerySchema,
  AccountHealthSchema,
  BacktestQuerySchema,
  BacktestReportSchema,
  CreateExperienceInputSchema,
  ExperienceInputListSchema,
  ExperienceInputSchema,
  HealthExplanationQuerySchema,
  HealthExplanationSchema,
  HealthRecomputeResultSchema,
  HealthSettingsSchema,
  ListExperienceInputsQuerySchema,
  NorthStarTargetSchema,
  PortfolioHealthQuerySchema,
  PortfolioHealthSchema,
  RecomputeHealthSchema,
  SetNorthStarTargetSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { HealthService } from './health.service';

const AccountParams = Type.Object({ accountId: Uuid });
const InputParams = Type.Object({ accountId: Uuid, inputId: Uuid });
const tags = ['health'];
const read = { access: { permission: 'health:read' as const } };

/** Account and portfolio health, explanations, experience inputs, targets, backtest, settings. */
export function healthRoutes(service: HealthService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/accounts/:accountId/health',
      {
        config: read,
        schema: {
          tags,
          summary: 'Latest score, CO, CX, band, coverage and measures, with the daily trend',
          params: AccountParams,
          querystring: AccountHealthQuerySchema,
          response: { 200: AccountHealthSchema },
        },
      },
      async (request) => service.getAccountHealth(requireActor(request).workspaceId, request.params.accountId, request.query),
    );
    app.get(
      '/accounts/:accountId/health/explanation',
      {
        config: read,
        schema: {
          tags,
          summary: 'Each measure on two dates and what changed, ranked by points (en and zh-CN)',
          params: AccountParams,
          querystring: HealthExplanationQuerySchema,
          response: { 200: HealthExplanationSchema },
        },
      },
      async (request) => service.explainHealthChange(requireActor(request).workspaceId, request.params.accountId, request.query),
    );
    app.get(
      '/accounts/:accountId/health/inputs',
      {
        config: read,
        schema: {
          tags,
          summary: 'Experience inputs of an account, newest first',
          params: AccountParams,
          querystring: ListExperienceInputsQuerySchema,
          response: { 200: ExperienceInputListSchema },
        },
      },
      async (request) => service.listExperienceInputs(requireActor(request).workspaceId, request.params.accountId, request.query),
    );
    app.post(
      '/accounts/:accountId/health/inputs',
      {
        config: { access: { permission: 'health:inputs' } },
        schema: {
          tags,
          summary: 'Record an NPS answer, CSAT, ticket count, CSM sentiment or custom value',
          params: AccountParams,
          body: CreateExperienceInputSchema,
          response: { 201: ExperienceInputSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send(await service.addExperienceInput(actor.workspaceId, actor, request.params.accountId, request.body));
      },
    );
    app.delete(
      '/accounts/:accountId/health/inputs/:inputId',
      {
        config: { access: { permission: 'health:inputs' } },
        schema: {
          tags,
          summary: 'Delete an experience input recorded by mistake; the account is rescored without it',
          params: InputParams,
        },
      },
      async (request, reply) => {
        await service.deleteExperienceInput(requireActor(request).workspaceId, request.params.accountId, request.params.inputId);
        return reply.status(204).send();
      },
    );
    app.put(
      '/accounts/:accountId/health/target',
      {
        config: { access: { permission: 'health:inputs' } },
        schema: {
          tags,
          summary: 'Set (or clear with null) the account’s north-star target per 30 days',
          params: AccountParams,
          body: SetNorthStarTargetSchema,
          response: { 200: NorthStarTargetSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.setNorthStarTarget(actor.workspaceId, actor.userId, request.params.accountId, request.body);
      },
    );
    app.get(
      '/health/portfolio',
      {
        config: read,
        schema: {
          tags,
          summary: 'Accounts per band per day, and this week’s biggest movers',
          querystring: PortfolioHealthQuerySchema,
          response: { 200: PortfolioHealthSchema },
        },
      },
      async (request) => service.getPortfolioHealth(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/health/backtest',
      {
        config: read,
        schema: {
          tags,
          summary: 'How well a scorecard predicted real churn: AUC, churn per band, lift, per-measure AUC, suggested weights',
          querystring: BacktestQuerySchema,
          response: { 200: BacktestReportSchema },
        },
      },
      async (request) => service.getBacktest(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/health/settings',
      { config: read, schema: { tags, summary: 'Band thresholds and the score-drop threshold', response: { 200: HealthSettingsSchema } } },
      async (request) => service.getSettings(requireActor(request).workspaceId),
    );
    app.put(
      '/health/settings',
      {
        config: { access: { permission: 'health:manage' } },
        schema: {
          tags,
          summary: 'Change band thresholds (rescores today)',
          body: HealthSettingsSchema,
          response: { 200: HealthSettingsSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.updateSettings(actor.workspaceId, actor.userId, request.body);
      },
    );
    app.post(
      '/health/recompute',
      {
        config: { access: { permission: 'health:manage' } },
        schema: {
          tags,
          summary: 'Recompute today’s (or a date’s) scores now',
          body: RecomputeHealthSchema,
          response: { 200: HealthRecomputeResultSchema },
        },
      },
      async (request) => service.recomputeHealth(requireActor(request).workspaceId, request.body),
    );
  };
}
