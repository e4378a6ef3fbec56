import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SopMetricsQuerySchema, SopMetricsSchema } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { WorkMetricsService } from './work-metrics.service';

export function workMetricsRoutes(service: WorkMetricsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/work/sop-metrics',
      {
        config: { access: { permission: 'work-metrics:read' } },
        schema: {
          tags: ['work'],
          summary: 'SOP execution per playbook, step, CSM and team, flagging playbook problems versus people problems',
          querystring: SopMetricsQuerySchema,
          response: { 200: SopMetricsSchema },
        },
      },
      async (request) => service.getSopMetrics(requireActor(request).workspaceId, request.query),
    );
  };
}
