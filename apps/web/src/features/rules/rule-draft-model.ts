import {
  RULE_TRIGGER_KINDS,
  RULE_TRIGGER_TYPES,
  type CreateRule,
  type CtaReason,
  type FilterFieldInfo,
  type Rule,
  type RuleTrigger,
  type RuleTriggerType,
} from '@northstar/contracts';
import { emptyGroup, fromFilterJson, toFilterJson, type DraftGroup, type FilterJson } from '../segments/filter-builder-model';

/** The editor's state; conditions reuse the segment builder's draft so the same UI edits both. */
export type RuleDraft = {
  name: string;
  description: string;
  enabled: boolean;
  trigger: RuleTrigger;
  conditions: DraftGroup;
  playbookId: string;
  /** Empty: the server's default for the trigger. */
  ctaReason: CtaReason | '';
  ctaTitle: string;
};

export { RULE_TRIGGER_TYPES, RULE_TRIGGER_KINDS };

/** A trigger of `type` with the parameters a team would most likely start from. */
export function defaultTrigger(type: RuleTriggerType): RuleTrigger {
  switch (type) {
    case 'segment_entered':
    case 'segment_left':
      return { type, segmentId: '' };
    case 'stage_entered':
      return { type, stage: 'onboarding' };
    case 'health_band_changed':
      return { type, to: ['red'] };
    case 'health_score_dropped':
      return { type, points: 15, withinDays: 30 };
    case 'renewal_in_days':
      return { type, days: 90 };
    case 'tier_changed':
      return { type };
    case 'usage_dropped':
      return { type, percent: 30, metric: 'active_users' };
    case 'no_key_contact_touch':
      return { type, days: 30 };
    case 'key_contact_left':
      return { type };
    case 'field_changed':
      return { type, field: 'plan' };
    case 'schedule':
      return { type, cron: '0 9 * * 1' };
  }
}

/** Mirrors the server's default (DOMAIN §5 reasons), to show what an unset reason becomes. */
export function defaultCtaReason(type: RuleTriggerType): CtaReason {
  switch (type) {
    case 'renewal_in_days':
      return 'renewal';
    case 'stage_entered':
      return 'lifecycle';
    case 'health_band_changed':
    case 'health_score_dropped':
    case 'usage_dropped':
    case 'no_key_contact_touch':
    case 'key_contact_left':
      return 'risk';
    default:
      return 'other';
  }
}

export function emptyRuleDraft(): RuleDraft {
  return {
    name: '',
    description: '',
    enabled: true,
    trigger: defaultTrigger('renewal_in_days'),
    conditions: emptyGroup(),
    playbookId: '',
    ctaReason: '',
    ctaTitle: '',
  };
}

export function draftFromRule(rule: Rule): RuleDraft {
  return {
    name: rule.name,
    description: rule.description ?? '',
    enabled: rule.enabled,
    trigger: rule.trigger,
    conditions: rule.conditions ? fromFilterJson(rule.conditions as FilterJson) : emptyGroup(),
    playbookId: rule.playbookId,
    ctaReason: rule.ctaReason,
    ctaTitle: rule.ctaTitle ?? '',
  };
}

/** The conditions as the API takes them: null when the builder is empty (every account). */
export function toConditions(group: DraftGroup, fields: ReadonlyMap<string, FilterFieldInfo>): FilterJson | null {
  return group.items.length === 0 ? null : toFilterJson(group, fields);
}

/** The POST/PATCH body (enabling has its own endpoint once the rule exists). */
export function toRuleBody(draft: RuleDraft, fields: ReadonlyMap<string, FilterFieldInfo>): CreateRule {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    trigger: cleanTrigger(draft.trigger),
    conditions: toConditions(draft.conditions, fields),
    playbookId: draft.playbookId,
    ...(draft.ctaReason ? { ctaReason: draft.ctaReason } : {}),
    ctaTitle: draft.ctaTitle.trim() || null,
  };
}

/** Drops optional parameters left empty, which the API would refuse (`to: []`, blank time zone). */
export function cleanTrigger(trigger: RuleTrigger): RuleTrigger {
  if ((trigger.type === 'health_band_changed' || trigger.type === 'tier_changed') && trigger.to && trigger.to.length === 0) {
    const { to: _to, ...rest } = trigger;
    return rest as RuleTrigger;
  }
  if (trigger.type === 'schedule') {
    const { timezone, ...rest } = trigger;
    return timezone?.trim() ? { ...rest, cron: rest.cron.trim(), timezone: timezone.trim() } : { ...rest, cron: rest.cron.trim() };
  }
  if (trigger.type === 'field_changed' && trigger.to === '') {
    const { to: _to, ...rest } = trigger;
    return rest;
  }
  return trigger;
}

export type RuleProblem = 'nameRequired' | 'playbookRequired' | 'segmentRequired' | 'fieldRequired' | 'cronFields';

/** What the editor can tell before asking the server (which checks segment, field, cron and playbook again). */
export function findRuleProblems(draft: RuleDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!draft.name.trim()) problems.push('nameRequired');
  if (!draft.playbookId) problems.push('playbookRequired');
  problems.push(...findTriggerProblems(draft.trigger));
  return problems;
}

/** Problems with the trigger alone, which would also stop a dry run. */
export function findTriggerProblems(trigger: RuleTrigger): RuleProblem[] {
  if ((trigger.type === 'segment_entered' || trigger.type === 'segment_left') && !trigger.segmentId) return ['segmentRequired'];
  if (trigger.type === 'field_changed' && !trigger.field.trim()) return ['fieldRequired'];
  if (trigger.type === 'schedule' && trigger.cron.trim().split(/\s+/).length !== 5) return ['cronFields'];
  return [];
}

/** The parameters a trigger summary interpolates (`renewal in {{days}} days`). */
export function triggerSummaryValues(
  trigger: RuleTrigger,
  names: { segment?: (id: string) => string } = {},
): Record<string, string | number> {
  switch (trigger.type) {
    case 'segment_entered':
    case 'segment_left':
      return { segment: names.segment?.(trigger.segmentId) ?? trigger.segmentId };
    case 'stage_entered':
      return { stage: trigger.stage };
    case 'health_band_changed':
    case 'tier_changed':
      return { to: trigger.to?.join(', ') ?? '' };
    case 'health_score_dropped':
      return { points: trigger.points, days: trigger.withinDays };
    case 'renewal_in_days':
    case 'no_key_contact_touch':
      return { days: trigger.days };
    case 'usage_dropped':
      return { percent: trigger.percent, metric: trigger.metric ?? 'active_users' };
    case 'field_changed':
      return { field: trigger.field, to: trigger.to === undefined || trigger.to === null ? '' : String(trigger.to) };
    case 'schedule':
      return { cron: trigger.cron, timezone: trigger.timezone ?? '' };
    case 'key_contact_left':
      return {};
  }
}
