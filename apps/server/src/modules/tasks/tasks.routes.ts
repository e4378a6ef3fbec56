import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CloseCtaSchema,
  CreateCtaSchema,
  CreateTaskSchema,
  CtaPageSchema,
  CtaSchema,
  ListCtasQuerySchema,
  ListTasksQuerySchema,
  SkipTaskSchema,
  TaskInboxQuerySchema,
  TaskInboxSchema,
  TaskPageSchema,
  TaskSchema,
  UpdateTaskSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { TasksService } from './tasks.service';

const TaskParams = Type.Object({ taskId: Uuid });
const CtaParams = Type.Object({ ctaId: Uuid });
const read = { access: { permission: 'accounts:read' as const } };
const write = { access: { permission: 'tasks:write' as const } };

export function tasksRoutes(service: TasksService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['tasks'];
    app.get(
      '/tasks/inbox',
      {
        config: read,
        schema: {
          tags,
          summary: 'Open tasks by due date then priority: yours, or with scope=team (managers, admins) everyone’s',
          querystring: TaskInboxQuerySchema,
          response: { 200: TaskInboxSchema },
        },
      },
      async (request) => service.getInbox(requireActor(request), request.query),
    );
    app.get(
      '/tasks',
      {
        config: read,
        schema: { tags, summary: 'Tasks of the workspace, filtered', querystring: ListTasksQuerySchema, response: { 200: TaskPageSchema } },
      },
      async (request) => service.listTasks(requireActor(request).workspaceId, request.query),
    );
    app.post(
      '/tasks',
      { config: write, schema: { tags, summary: 'Create a task', body: CreateTaskSchema, response: { 201: TaskSchema } } },
      async (request, reply) => reply.status(201).send(await service.createTask(requireActor(request), request.body)),
    );
    app.get(
      '/tasks/:taskId',
      { config: read, schema: { tags, summary: 'One task', params: TaskParams, response: { 200: TaskSchema } } },
      async (request) => service.getTask(requireActor(request).workspaceId, request.params.taskId),
    );
    app.patch(
      '/tasks/:taskId',
      {
        config: write,
        schema: { tags, summary: 'Change a task', params: TaskParams, body: UpdateTaskSchema, response: { 200: TaskSchema } },
      },
      async (request) => service.updateTask(requireActor(request), request.params.taskId, request.body),
    );
    app.delete(
      '/tasks/:taskId',
      { config: write, schema: { tags, summary: 'Delete a task', params: TaskParams } },
      async (request, reply) => {
        await service.deleteTask(requireActor(request), request.params.taskId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/tasks/:taskId/complete',
      { config: write, schema: { tags, summary: 'Mark a task done', params: TaskParams, response: { 200: TaskSchema } } },
      async (request) => service.completeTask(requireActor(request), request.params.taskId),
    );
    app.post(
      '/tasks/:taskId/skip',
      {
        config: write,
        schema: { tags, summary: 'Skip a task, with the reason', params: TaskParams, body: SkipTaskSchema, response: { 200: TaskSchema } },
      },
      async (request) => service.skipTask(requireActor(request), request.params.taskId, request.body),
    );
    app.post(
      '/tasks/:taskId/reopen',
      { config: write, schema: { tags, summary: 'Open a done or skipped task again', params: TaskParams, response: { 200: TaskSchema } } },
      async (request) => service.reopenTask(requireActor(request), request.params.taskId),
    );

    const ctaTags = ['ctas'];
    app.get(
      '/ctas',
      {
        config: read,
        schema: {
          tags: ctaTags,
          summary: 'Calls to action, newest first',
          querystring: ListCtasQuerySchema,
          response: { 200: CtaPageSchema },
        },
      },
      async (request) => service.listCtas(requireActor(request).workspaceId, request.query),
    );
    app.post(
      '/ctas',
      {
        config: write,
        schema: { tags: ctaTags, summary: 'Open a call to action by hand', body: CreateCtaSchema, response: { 201: CtaSchema } },
      },
      async (request, reply) => reply.status(201).send(await service.createCta(requireActor(request), request.body)),
    );
    app.get(
      '/ctas/:ctaId',
      { config: read, schema: { tags: ctaTags, summary: 'One call to action', params: CtaParams, response: { 200: CtaSchema } } },
      async (request) => service.getCta(requireActor(request).workspaceId, request.params.ctaId),
    );
    app.post(
      '/ctas/:ctaId/close',
      {
        config: write,
        schema: {
          tags: ctaTags,
          summary: 'Close a call to action with its outcome; its open tasks are skipped',
          params: CtaParams,
          body: CloseCtaSchema,
          response: { 200: CtaSchema },
        },
      },
      async (request) => service.closeCta(requireActor(request), request.params.ctaId, request.body),
    );
  };
}
