import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AcceptSuggestionSchema,
  ExportScorecardQuerySchema,
  ImportScorecardSchema,
  PreviewScorecardSchema,
  RollbackScorecardSchema,
  SaveScorecardSchema,
  ScorecardDefinitionSchema,
  ScorecardExportSchema,
  ScorecardIdSchema,
  ScorecardListSchema,
  ScorecardPreviewSchema,
  ScorecardSchema,
  ScorecardVersionListSchema,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { HealthService } from './health.service';

const ScorecardParams = Type.Object({ scorecardId: ScorecardIdSchema });
const VersionParams = Type.Object({ scorecardId: ScorecardIdSchema, scorecardVersion: Type.Integer({ minimum: 1 }) });
const tags = ['health'];
const read = { access: { permission: 'health:read' as const } };
const manage = { access: { permission: 'health:manage' as const } };

/** Scorecards as versioned code: list, read, save (a version), history, rollback, export/import, preview, accept suggestion. */
export function healthScorecardsRoutes(service: HealthService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health/scorecards',
      { config: read, schema: { tags, summary: 'Every scorecard at its current version', response: { 200: ScorecardListSchema } } },
      async (request) => service.listScorecards(requireActor(request).workspaceId),
    );
    app.post(
      '/health/scorecards',
      {
        config: manage,
        schema: { tags, summary: 'Create a scorecard (version 1)', body: ScorecardDefinitionSchema, response: { 201: ScorecardSchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send(await service.createScorecard(actor.workspaceId, actor.userId, request.body));
      },
    );
    app.post(
      '/health/scorecards/import',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Import a scorecard from JSON or YAML: a new scorecard, or a new version of the one with its id',
          body: ImportScorecardSchema,
          response: { 200: ScorecardSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.importScorecard(actor.workspaceId, actor.userId, request.body);
      },
    );
    app.post(
      '/health/scorecards/preview',
      {
        config: read,
        schema: {
          tags,
          summary: 'How many accounts a proposed scorecard would move between bands today, and which',
          body: PreviewScorecardSchema,
          response: { 200: ScorecardPreviewSchema },
        },
      },
      async (request) => service.previewScorecard(requireActor(request).workspaceId, request.body.scorecard),
    );
    app.get(
      '/health/scorecards/:scorecardId',
      {
        config: read,
        schema: { tags, summary: 'A scorecard at its current version', params: ScorecardParams, response: { 200: ScorecardSchema } },
      },
      async (request) => service.getScorecard(requireActor(request).workspaceId, request.params.scorecardId),
    );
    app.put(
      '/health/scorecards/:scorecardId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Save a new version (with baseVersion, refused if someone saved since)',
          params: ScorecardParams,
          body: SaveScorecardSchema,
          response: { 200: ScorecardSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.saveScorecard(actor.workspaceId, actor.userId, request.params.scorecardId, request.body);
      },
    );
    app.get(
      '/health/scorecards/:scorecardId/versions',
      {
        config: read,
        schema: {
          tags,
          summary: 'Every version with author, date and changes',
          params: ScorecardParams,
          response: { 200: ScorecardVersionListSchema },
        },
      },
      async (request) => service.listVersions(requireActor(request).workspaceId, request.params.scorecardId),
    );
    app.get(
      '/health/scorecards/:scorecardId/versions/:scorecardVersion',
      { config: read, schema: { tags, summary: 'One version of a scorecard', params: VersionParams, response: { 200: ScorecardSchema } } },
      async (request) =>
        service.getScorecard(requireActor(request).workspaceId, request.params.scorecardId, request.params.scorecardVersion),
    );
    app.post(
      '/health/scorecards/:scorecardId/rollback',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Roll back: a new version copying an old one',
          params: ScorecardParams,
          body: RollbackScorecardSchema,
          response: { 200: ScorecardSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.rollbackScorecard(actor.workspaceId, actor.userId, request.params.scorecardId, request.body);
      },
    );
    app.get(
      '/health/scorecards/:scorecardId/export',
      {
        config: read,
        schema: {
          tags,
          summary: 'The scorecard as code (JSON or YAML)',
          params: ScorecardParams,
          querystring: ExportScorecardQuerySchema,
          response: { 200: ScorecardExportSchema },
        },
      },
      async (request) =>
        service.exportScorecard(requireActor(request).workspaceId, request.params.scorecardId, request.query.format ?? 'json'),
    );
    app.post(
      '/health/scorecards/:scorecardId/accept-suggestion',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Save the backtest’s suggested weights as a new version',
          params: ScorecardParams,
          body: AcceptSuggestionSchema,
          response: { 200: ScorecardSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.acceptSuggestion(actor.workspaceId, actor.userId, request.params.scorecardId, request.body);
      },
    );
  };
}
