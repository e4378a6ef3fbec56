import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccountLifecycleSchema,
  LifecycleBoardSchema,
  LifecycleConfigSchema,
  LifecycleConfigViewSchema,
  SetStageSchema,
  TickChecklistSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { LifecycleService } from './lifecycle.service';

const AccountParams = Type.Object({ accountId: Uuid });
const tags = ['lifecycle'];

export function lifecycleRoutes(service: LifecycleService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/lifecycle',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'Stages with goals and checklists, and the board: accounts by stage with time in stage and overdue flags',
          response: { 200: LifecycleBoardSchema },
        },
      },
      async (request) => service.getBoard(requireActor(request).workspaceId),
    );
    app.get(
      '/lifecycle/config',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'The workspace’s lifecycle: stages, expected durations, goals, checklists and entry rules',
          response: { 200: LifecycleConfigViewSchema },
        },
      },
      async (request) => service.getLifecycleConfig(requireActor(request).workspaceId),
    );
    app.put(
      '/lifecycle/config',
      {
        config: { access: { permission: 'lifecycle:manage' } },
        schema: {
          tags,
          summary: 'Replace the workspace’s lifecycle config (every stage listed once) and run the stage rules with it',
          body: LifecycleConfigSchema,
          response: { 200: LifecycleConfigViewSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.updateLifecycleConfig(actor.workspaceId, actor.userId, request.body);
      },
    );
    app.get(
      '/accounts/:accountId/lifecycle',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags,
          summary: 'An account’s stage history (time in each stage) and its current checklist',
          params: AccountParams,
          response: { 200: AccountLifecycleSchema },
        },
      },
      async (request) => service.getAccountLifecycle(requireActor(request).workspaceId, request.params.accountId),
    );
    app.post(
      '/accounts/:accountId/stage',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Move an account to a lifecycle stage by hand',
          params: AccountParams,
          body: SetStageSchema,
          response: { 200: AccountLifecycleSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.setStage(actor.workspaceId, actor.userId, request.params.accountId, request.body);
      },
    );
    app.post(
      '/accounts/:accountId/checklist',
      {
        config: { access: { permission: 'accounts:write' } },
        schema: {
          tags,
          summary: 'Tick or untick a stage checklist item',
          params: AccountParams,
          body: TickChecklistSchema,
          response: { 200: AccountLifecycleSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return service.tickChecklist(actor.workspaceId, actor.userId, request.params.accountId, request.body);
      },
    );
  };
}
