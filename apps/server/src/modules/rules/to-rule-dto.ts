import type { Rule, RuleFiring } from '@northstar/contracts';
import type { RuleFiringListRow, RuleRow, RuleStats } from './rules.repository';
import type { RuleDefinition } from './rules.schema';

export function toRuleDto(row: RuleRow, stats: RuleStats | undefined): Rule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    trigger: row.trigger,
    conditions: row.conditions ?? null,
    playbookId: row.playbookId,
    ctaReason: row.ctaReason,
    ctaTitle: row.ctaTitle,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastFiredAt: stats?.lastFiredAt ? new Date(stats.lastFiredAt).toISOString() : null,
    firedCount: stats?.firedCount ?? 0,
  };
}

/** The versioned part of a rule. */
export function toRuleDefinition(
  row: Pick<RuleRow, 'name' | 'description' | 'trigger' | 'conditions' | 'playbookId' | 'ctaReason' | 'ctaTitle'>,
): RuleDefinition {
  return {
    name: row.name,
    description: row.description,
    trigger: row.trigger,
    conditions: row.conditions ?? null,
    playbookId: row.playbookId,
    ctaReason: row.ctaReason,
    ctaTitle: row.ctaTitle,
  };
}

export function toRuleFiringDto(row: RuleFiringListRow): RuleFiring {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    accountId: row.accountId,
    accountName: row.accountName,
    triggerType: row.triggerType as RuleFiring['triggerType'],
    causeKey: row.causeKey,
    outcome: row.outcome,
    ctaId: row.ctaId,
    playbookRunId: row.playbookRunId,
    error: row.error,
    facts: row.facts,
    firedAt: row.firedAt.toISOString(),
  };
}

/** An opaque page cursor over (time, id). */
export function encodeTimeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeTimeCursor(cursor: string): { at: Date; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(String(at));
    return typeof id === 'string' && !Number.isNaN(date.getTime()) ? { at: date, id } : undefined;
  } catch {
    return undefined;
  }
}
