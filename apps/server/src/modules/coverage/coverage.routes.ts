import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CoverageQuerySchema, CoverageSchema } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { CoverageService } from './coverage.service';

export function coverageRoutes(service: CoverageService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/work/coverage',
      {
        config: { access: { permission: 'work-metrics:read' } },
        schema: {
          tags: ['work'],
          summary: 'Touches and tasks per lifecycle stage per CSM and tier, classified balanced, top-heavy or dumbbell; stale accounts',
          querystring: CoverageQuerySchema,
          response: { 200: CoverageSchema },
        },
      },
      async (request) => service.getCoverage(requireActor(request).workspaceId, request.query),
    );
  };
}
