import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateSegmentSchema,
  FilterFieldListSchema,
  PreviewSegmentSchema,
  SegmentAccountPageSchema,
  SegmentAccountsQuerySchema,
  SegmentCountSchema,
  SegmentListSchema,
  SegmentPreviewSchema,
  SegmentSchema,
  UpdateSegmentSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { SegmentsService } from './segments.service';

const SegmentParams = Type.Object({ segmentId: Uuid });
const tags = ['segments'];
const read = { access: { permission: 'accounts:read' as const } };
const write = { access: { permission: 'segments:write' as const } };

export function segmentsRoutes(service: SegmentsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const viewer = (request: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      return { workspaceId: actor.workspaceId, userId: actor.userId };
    };
    app.get(
      '/segments',
      {
        config: read,
        schema: { tags, summary: 'Shared segments and your private ones, with member counts', response: { 200: SegmentListSchema } },
      },
      async (request) => ({
        items: await service.listSegments(viewer(request)),
      }),
    );
    app.get(
      '/segments/fields',
      {
        config: read,
        schema: { tags, summary: 'Fields a filter can use: columns, custom fields, metrics', response: { 200: FilterFieldListSchema } },
      },
      async (request) => ({
        items: await service.listFilterFields(requireActor(request).workspaceId),
      }),
    );
    app.post(
      '/segments/preview',
      {
        config: read,
        schema: {
          tags,
          summary: 'Count and first accounts of a filter expression, without saving it',
          body: PreviewSegmentSchema,
          response: { 200: SegmentPreviewSchema },
        },
      },
      async (request) => service.previewSegment(requireActor(request).workspaceId, request.body.expression),
    );
    app.post(
      '/segments',
      {
        config: write,
        schema: { tags, summary: 'Save a filter expression as a segment', body: CreateSegmentSchema, response: { 201: SegmentSchema } },
      },
      async (request, reply) => reply.status(201).send(await service.createSegment(viewer(request), request.body)),
    );
    app.get(
      '/segments/:segmentId',
      { config: read, schema: { tags, summary: 'One segment', params: SegmentParams, response: { 200: SegmentSchema } } },
      async (request) => service.getSegment(viewer(request), request.params.segmentId),
    );
    app.patch(
      '/segments/:segmentId',
      {
        config: write,
        schema: { tags, summary: 'Change a segment', params: SegmentParams, body: UpdateSegmentSchema, response: { 200: SegmentSchema } },
      },
      async (request) => service.updateSegment(viewer(request), request.params.segmentId, request.body),
    );
    app.delete(
      '/segments/:segmentId',
      { config: write, schema: { tags, summary: 'Delete a segment', params: SegmentParams } },
      async (request, reply) => {
        await service.deleteSegment(viewer(request), request.params.segmentId);
        return reply.status(204).send();
      },
    );
    app.get(
      '/segments/:segmentId/accounts',
      {
        config: read,
        schema: {
          tags,
          summary: 'The segment’s current members, one page at a time',
          params: SegmentParams,
          querystring: SegmentAccountsQuerySchema,
          response: { 200: SegmentAccountPageSchema },
        },
      },
      async (request) => service.listSegmentAccounts(viewer(request), request.params.segmentId, request.query),
    );
    app.get(
      '/segments/:segmentId/count',
      {
        config: read,
        schema: { tags, summary: 'How many accounts are in the segment now', params: SegmentParams, response: { 200: SegmentCountSchema } },
      },
      async (request) => ({
        count: await service.countSegment(viewer(request), request.params.segmentId),
      }),
    );
    app.get(
      '/segments/:segmentId/export',
      {
        config: read,
        schema: { tags, summary: 'The segment’s members as the account CSV export', params: SegmentParams, produces: ['text/csv'] },
      },
      async (request, reply) => {
        const { csv } = await service.exportSegmentCsv(viewer(request), request.params.segmentId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="segment-${request.params.segmentId}.csv"`)
          .send(csv);
      },
    );
  };
}
