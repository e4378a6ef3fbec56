import type { ErrorDetail, RuleTrigger } from '@northstar/contracts';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { assertFilterExpression, loadFilterCatalogue, type FilterGroup } from '../segments';
import { isValidTimeZone, parseCronExpression } from './cron-schedule';
import type { RulePorts } from './rule-ports';

// Account fields the filter catalogue leaves out but a PATCH or an import can still change.
const EXTRA_CHANGE_FIELDS = new Set(['externalId', 'churnDate', 'churnReason']);

/**
 * Checks a rule definition against its workspace: the segment, field and cron its trigger names,
 * its conditions (the segments' filter language), its playbook. Every problem is one detail
 * naming its field; the conditions come back parsed.
 */
export async function assertRuleDefinition(
  deps: { database: Database; ports: Pick<RulePorts, 'hasPlaybook' | 'hasSegment'> },
  viewer: { workspaceId: string; userId: string | null },
  definition: { trigger?: RuleTrigger | undefined; conditions?: unknown; playbookId?: string | null | undefined },
): Promise<{ conditions: FilterGroup | null | undefined }> {
  const details: ErrorDetail[] = [];
  const problem = (field: string, text: string) => details.push({ field, location: 'body', problem: text });
  const catalogue = await loadFilterCatalogue(deps.database.db, viewer.workspaceId);
  const trigger = definition.trigger;
  if (trigger?.type === 'segment_entered' || trigger?.type === 'segment_left') {
    if (!(await deps.ports.hasSegment(viewer, trigger.segmentId)))
      problem('trigger.segmentId', 'is not a segment you can see in this workspace');
  }
  if (trigger?.type === 'field_changed') {
    const field = catalogue.get(trigger.field);
    if ((!field || field.source === 'metric') && !EXTRA_CHANGE_FIELDS.has(trigger.field)) {
      problem('trigger.field', 'is not an account field: use its API name (plan, arr, renewalDate, tags…) or custom.<key>');
    }
  }
  if (trigger?.type === 'schedule') {
    const parsed = parseCronExpression(trigger.cron);
    if ('problem' in parsed) problem('trigger.cron', parsed.problem);
    if (trigger.timezone !== undefined && !isValidTimeZone(trigger.timezone))
      problem('trigger.timezone', 'is not an IANA time zone such as Asia/Shanghai');
  }
  if (definition.playbookId && !(await deps.ports.hasPlaybook(viewer.workspaceId, definition.playbookId))) {
    problem('playbookId', 'is not a playbook of this workspace');
  }
  let conditions: FilterGroup | null | undefined = definition.conditions === null ? null : undefined;
  if (definition.conditions !== undefined && definition.conditions !== null) {
    try {
      conditions = assertFilterExpression(definition.conditions, catalogue, 'conditions', 'body');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      details.push(...error.details);
    }
  }
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Invalid rule: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
  }
  return { conditions };
}
