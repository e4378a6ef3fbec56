import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateRuleSchema,
  DryRunRuleSchema,
  DryRunSavedRuleSchema,
  RuleDryRunSchema,
  RuleEvaluationResultSchema,
  RuleFiringPageSchema,
  RuleFiringsQuerySchema,
  RuleListSchema,
  RuleSchema,
  RuleVersionListSchema,
  UpdateRuleSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import type { RulesService } from './rules.service';

const RuleParams = Type.Object({ ruleId: Uuid });
const tags = ['rules'];

export function rulesRoutes(service: RulesService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/rules',
      {
        config: { access: { permission: 'rules:read' } },
        schema: { tags, summary: 'Automation rules with when each last fired', response: { 200: RuleListSchema } },
      },
      async (request) => ({ items: await service.listRules(requireActor(request).workspaceId) }),
    );
    app.post(
      '/rules',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: { tags, summary: 'Create a rule: trigger + conditions + playbook', body: CreateRuleSchema, response: { 201: RuleSchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send(await service.createRule(actor, request.body));
      },
    );
    app.post(
      '/rules/dry-run',
      {
        config: { access: { permission: 'rules:read' } },
        schema: {
          tags,
          summary: 'Which accounts an unsaved rule would fire for now (and which an open CTA suppresses)',
          body: DryRunRuleSchema,
          response: { 200: RuleDryRunSchema },
        },
      },
      async (request) => service.dryRun(requireActor(request), request.body),
    );
    app.post(
      '/rules/evaluate',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: {
          tags,
          summary: 'Evaluate every rule now (new changes, states, due schedules) instead of waiting for the jobs',
          response: { 200: RuleEvaluationResultSchema },
        },
      },
      async (request) => service.evaluateNow(requireActor(request).workspaceId),
    );
    app.get(
      '/rules/:ruleId',
      {
        config: { access: { permission: 'rules:read' } },
        schema: { tags, summary: 'One rule', params: RuleParams, response: { 200: RuleSchema } },
      },
      async (request) => service.getRule(requireActor(request).workspaceId, request.params.ruleId),
    );
    app.patch(
      '/rules/:ruleId',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: {
          tags,
          summary: 'Change a rule’s definition (saved as a new version)',
          params: RuleParams,
          body: UpdateRuleSchema,
          response: { 200: RuleSchema },
        },
      },
      async (request) => service.updateRule(requireActor(request), request.params.ruleId, request.body),
    );
    app.delete(
      '/rules/:ruleId',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: { tags, summary: 'Delete a rule and its firing log (the CTAs it opened stay)', params: RuleParams },
      },
      async (request, reply) => {
        await service.deleteRule(requireActor(request).workspaceId, request.params.ruleId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/rules/:ruleId/enable',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: { tags, summary: 'Switch a rule on', params: RuleParams, response: { 200: RuleSchema } },
      },
      async (request) => service.setRuleEnabled(requireActor(request).workspaceId, request.params.ruleId, true),
    );
    app.post(
      '/rules/:ruleId/disable',
      {
        config: { access: { permission: 'rules:manage' } },
        schema: { tags, summary: 'Switch a rule off', params: RuleParams, response: { 200: RuleSchema } },
      },
      async (request) => service.setRuleEnabled(requireActor(request).workspaceId, request.params.ruleId, false),
    );
    app.post(
      '/rules/:ruleId/dry-run',
      {
        config: { access: { permission: 'rules:read' } },
        schema: {
          tags,
          summary: 'Which accounts the saved rule (or a changed trigger/conditions) would fire for now',
          params: RuleParams,
          body: DryRunSavedRuleSchema,
          response: { 200: RuleDryRunSchema },
        },
      },
      async (request) => service.dryRunSaved(requireActor(request), request.params.ruleId, request.body),
    );
    app.get(
      '/rules/:ruleId/firings',
      {
        config: { access: { permission: 'rules:read' } },
        schema: {
          tags,
          summary: 'The rule’s firing log: fired, suppressed by an open CTA, or failed',
          params: RuleParams,
          querystring: RuleFiringsQuerySchema,
          response: { 200: RuleFiringPageSchema },
        },
      },
      async (request) => service.listFirings(requireActor(request).workspaceId, request.params.ruleId, request.query),
    );
    app.get(
      '/rules/:ruleId/versions',
      {
        config: { access: { permission: 'rules:read' } },
        schema: {
          tags,
          summary: 'Every saved version of the rule’s definition, newest first',
          params: RuleParams,
          response: { 200: RuleVersionListSchema },
        },
      },
      async (request) => service.listVersions(requireActor(request).workspaceId, request.params.ruleId),
    );
  };
}
