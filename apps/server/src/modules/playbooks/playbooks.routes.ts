import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ListPlaybookRunsQuerySchema,
  ListPlaybooksQuerySchema,
  PlaybookDefinitionSchema,
  PlaybookListSchema,
  PlaybookRunPageSchema,
  PlaybookRunSchema,
  PlaybookSchema,
  PlaybookVersionListSchema,
  RollbackPlaybookSchema,
  StartPlaybookRunSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { PlaybooksService } from './playbooks.service';

const PlaybookParams = Type.Object({ playbookId: Uuid });
const RunParams = Type.Object({ runId: Uuid });
const AccountParams = Type.Object({ accountId: Uuid });
const tags = ['playbooks'];
const read = { access: { permission: 'accounts:read' as const } };
const manage = { access: { permission: 'playbooks:manage' as const } };
const run = { access: { permission: 'playbooks:run' as const } };

export function playbooksRoutes(service: PlaybooksService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/playbooks',
      {
        config: read,
        schema: {
          tags,
          summary: 'Playbooks (SOPs) with their current steps',
          querystring: ListPlaybooksQuerySchema,
          response: { 200: PlaybookListSchema },
        },
      },
      async (request) => ({
        items: await service.listPlaybooks(requireActor(request).workspaceId, {
          ...(request.query.includeArchived !== undefined ? { includeArchived: request.query.includeArchived } : {}),
        }),
      }),
    );
    app.post(
      '/playbooks',
      {
        config: manage,
        schema: { tags, summary: 'Create a playbook (version 1)', body: PlaybookDefinitionSchema, response: { 201: PlaybookSchema } },
      },
      async (request, reply) => reply.status(201).send(await service.createPlaybook(requireActor(request), request.body)),
    );
    app.get(
      '/playbooks/:playbookId',
      { config: read, schema: { tags, summary: 'One playbook', params: PlaybookParams, response: { 200: PlaybookSchema } } },
      async (request) => service.getPlaybook(requireActor(request).workspaceId, request.params.playbookId),
    );
    app.put(
      '/playbooks/:playbookId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Save a playbook’s whole definition as its next version (with author and diff)',
          params: PlaybookParams,
          body: PlaybookDefinitionSchema,
          response: { 200: PlaybookSchema },
        },
      },
      async (request) => service.updatePlaybook(requireActor(request), request.params.playbookId, request.body),
    );
    app.delete(
      '/playbooks/:playbookId',
      { config: manage, schema: { tags, summary: 'Archive a playbook (its runs and history stay)', params: PlaybookParams } },
      async (request, reply) => {
        await service.archivePlaybook(requireActor(request).workspaceId, request.params.playbookId);
        return reply.status(204).send();
      },
    );
    app.get(
      '/playbooks/:playbookId/versions',
      {
        config: read,
        schema: {
          tags,
          summary: 'Every saved version, newest first, with author and diff',
          params: PlaybookParams,
          response: { 200: PlaybookVersionListSchema },
        },
      },
      async (request) => ({ items: await service.listVersions(requireActor(request).workspaceId, request.params.playbookId) }),
    );
    app.post(
      '/playbooks/:playbookId/rollback',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Restore an older version by saving it again as the newest',
          params: PlaybookParams,
          body: RollbackPlaybookSchema,
          response: { 200: PlaybookSchema },
        },
      },
      async (request) => service.rollbackPlaybook(requireActor(request), request.params.playbookId, request.body),
    );
    app.post(
      '/accounts/:accountId/playbook-runs',
      {
        config: run,
        schema: {
          tags,
          summary: 'Start a playbook on an account: opens a CTA, creates its tasks and runs its automatic steps',
          params: AccountParams,
          body: StartPlaybookRunSchema,
          response: { 201: PlaybookRunSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.startPlaybookManually(requireActor(request), request.params.accountId, request.body)),
    );
    app.get(
      '/playbook-runs',
      {
        config: read,
        schema: {
          tags,
          summary: 'Playbook runs, newest first',
          querystring: ListPlaybookRunsQuerySchema,
          response: { 200: PlaybookRunPageSchema },
        },
      },
      async (request) => service.listRuns(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/playbook-runs/:runId',
      {
        config: read,
        schema: {
          tags,
          summary: 'One run with each step’s task or action outcome',
          params: RunParams,
          response: { 200: PlaybookRunSchema },
        },
      },
      async (request) => service.getRun(requireActor(request).workspaceId, request.params.runId),
    );
  };
}
