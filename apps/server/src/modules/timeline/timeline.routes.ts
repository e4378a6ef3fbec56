import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateTouchSchema,
  ListTouchesQuerySchema,
  TimelinePageSchema,
  TimelineQuerySchema,
  TouchPageSchema,
  TouchSchema,
  UpdateTouchSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { TimelineService } from './timeline.service';

const AccountParams = Type.Object({ accountId: Uuid });
const TouchParams = Type.Object({ touchId: Uuid });
const tags = ['timeline'];
const read = { access: { permission: 'accounts:read' as const } };
const write = { access: { permission: 'touches:write' as const } };

export function timelineRoutes(service: TimelineService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/accounts/:accountId/timeline',
      {
        config: read,
        schema: {
          tags,
          summary: 'An account’s touches and system events (tier, segment, stage, health band) merged, newest first',
          params: AccountParams,
          querystring: TimelineQuerySchema,
          response: { 200: TimelinePageSchema },
        },
      },
      async (request) => service.getTimeline(requireActor(request).workspaceId, request.params.accountId, request.query),
    );
    app.post(
      '/accounts/:accountId/touches',
      {
        config: write,
        schema: {
          tags,
          summary: 'Log a touch (note, call, meeting, email, training, business review); its contacts get it as their last contact',
          params: AccountParams,
          body: CreateTouchSchema,
          response: { 201: TouchSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createTouch(requireActor(request), request.params.accountId, request.body)),
    );
    app.get(
      '/touches',
      {
        config: read,
        schema: {
          tags,
          summary: 'Touches across accounts, newest first',
          querystring: ListTouchesQuerySchema,
          response: { 200: TouchPageSchema },
        },
      },
      async (request) => service.listTouches(requireActor(request).workspaceId, request.query),
    );
    app.get(
      '/touches/:touchId',
      { config: read, schema: { tags, summary: 'One touch', params: TouchParams, response: { 200: TouchSchema } } },
      async (request) => service.getTouch(requireActor(request).workspaceId, request.params.touchId),
    );
    app.patch(
      '/touches/:touchId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Change a touch (its author, a manager or an admin)',
          params: TouchParams,
          body: UpdateTouchSchema,
          response: { 200: TouchSchema },
        },
      },
      async (request) => service.updateTouch(requireActor(request), request.params.touchId, request.body),
    );
    app.delete(
      '/touches/:touchId',
      { config: write, schema: { tags, summary: 'Delete a touch (its author, a manager or an admin)', params: TouchParams } },
      async (request, reply) => {
        await service.deleteTouch(requireActor(request), request.params.touchId);
        return reply.status(204).send();
      },
    );
  };
}
