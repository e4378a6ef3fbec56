import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponseSchema, UpdateWorkspaceSchema, WorkspaceSchema } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import { toWorkspaceDto } from './to-workspace-dto';
import type { WorkspacesService } from './workspaces.service';

export function workspacesRoutes(service: WorkspacesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/workspace',
      {
        config: { access: { permission: 'workspace:read' } },
        schema: { tags: ['workspace'], summary: 'The current workspace', response: { 200: WorkspaceSchema, 401: ErrorResponseSchema } },
      },
      async (request) => toWorkspaceDto(await service.getWorkspace(requireActor(request).workspaceId)),
    );
    app.patch(
      '/workspace',
      {
        config: { access: { permission: 'workspace:manage' } },
        schema: { tags: ['workspace'], summary: 'Rename the workspace or change its time zone', body: UpdateWorkspaceSchema, response: { 200: WorkspaceSchema } },
      },
      async (request) => toWorkspaceDto(await service.updateWorkspace(requireActor(request).workspaceId, request.body)),
    );
  };
}
