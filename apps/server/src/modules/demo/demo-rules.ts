import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CtaReason, RuleTrigger } from '@northstar/contracts';
import { rules, ruleVersions } from '../rules/rules.schema';
import { addDays } from './demo-dates';
import { DEMO_PLAYBOOKS, type DemoPlaybookKey } from './demo-playbooks';
import type { DemoPlan } from './demo-plan';
import type { DemoWriteContext } from './demo-steps';

type DemoRule = {
  name: string;
  description: string;
  playbookKey: DemoPlaybookKey;
  trigger: RuleTrigger;
  ctaReason: CtaReason;
  /** The demo's past runs of the playbook are this rule's firings (one rule per playbook claims them). */
  claimsHistory: boolean;
};

/** The demo's automation (DOMAIN §5): each SOP started by the change it answers. */
export const DEMO_RULES: readonly DemoRule[] = [
  {
    name: 'Onboarding SOP on entering onboarding (进入交付期)',
    description: 'Every account that enters onboarding gets the onboarding SOP.',
    playbookKey: 'onboarding',
    trigger: { type: 'stage_entered', stage: 'onboarding' },
    ctaReason: 'lifecycle',
    claimsHistory: true,
  },
  {
    name: 'Risk play when health turns red (健康度转红)',
    description: 'An account whose health band turns red gets the health-drop risk play.',
    playbookKey: 'risk',
    trigger: { type: 'health_band_changed', to: ['red'] },
    ctaReason: 'risk',
    claimsHistory: true,
  },
  {
    name: 'Risk play when health falls 15 points in 30 days (健康度骤降)',
    description: 'A sharp fall is a warning even before the band changes.',
    playbookKey: 'risk',
    trigger: { type: 'health_score_dropped', points: 15, withinDays: 30 },
    ctaReason: 'risk',
    claimsHistory: false,
  },
  {
    name: '90-day renewal play (续费前 90 天)',
    description: 'Ninety days before the renewal date, start preparing the renewal.',
    playbookKey: 'renewal',
    trigger: { type: 'renewal_in_days', days: 90 },
    ctaReason: 'renewal',
    claimsHistory: true,
  },
];

/** The trigger-specific part of the cause key, as SQL over an `accounts` row aliased `a`. */
function triggerKeySql(trigger: RuleTrigger) {
  if (trigger.type === 'renewal_in_days') return sql`'renewal_in_days:' || coalesce(a.renewal_date::text, 'none')`;
  if (trigger.type === 'stage_entered') return sql`${`stage_entered:${trigger.stage}`}`;
  if (trigger.type === 'health_band_changed') return sql`'health_band_changed:red'`;
  return sql`${trigger.type}`;
}

/**
 * Writes the demo's rules as if they had run all along: each rule's playbook runs become its
 * firings (their CTAs carry the rule's cause key, so an open one de-duplicates as a live firing
 * would), and accounts already inside the 90-day renewal window count as handled, so the first
 * scan does not open a renewal play for all of them at once. The rules follow new events from
 * the end of the demo build (services.ts starts their cursor after afterBuild).
 */
export async function writeDemoRules(context: DemoWriteContext, plan: DemoPlan): Promise<void> {
  const { db, workspaceId, ids, onRows } = context;
  const adminId = ids.get('admin') ?? null;
  const rows = (await db.execute(sql`select id, name from playbooks where workspace_id = ${workspaceId}`)) as unknown as {
    rows: { id: string; name: string }[];
  };
  const playbookIds = new Map(rows.rows.map((r) => [r.name, r.id]));
  const createdAt = new Date(`${addDays(plan.today, -400)}T00:00:00.000Z`);
  const now = new Date(`${plan.today}T00:00:00.000Z`);
  for (const rule of DEMO_RULES) {
    const playbookId = playbookIds.get(DEMO_PLAYBOOKS[rule.playbookKey].name);
    onRows(1);
    if (!playbookId) continue;
    const ruleId = randomUUID();
    const definition = {
      name: rule.name,
      description: rule.description,
      trigger: rule.trigger,
      conditions: null,
      playbookId,
      ctaReason: rule.ctaReason,
      ctaTitle: null,
    };
    await db.insert(rules).values({
      id: ruleId,
      workspaceId,
      ...definition,
      enabled: true,
      triggerType: rule.trigger.type,
      version: 1,
      createdBy: adminId,
      createdAt,
      updatedAt: createdAt,
      scheduledThrough: now,
    });
    await db.insert(ruleVersions).values({ workspaceId, ruleId, version: 1, definition, editedBy: adminId, editedAt: createdAt });
    const causeKey = sql`${`rule:${ruleId}:`} || ${triggerKeySql(rule.trigger)}`;
    if (rule.claimsHistory) {
      const facts =
        rule.trigger.type === 'stage_entered' ? { to: 'onboarding' } : rule.trigger.type === 'health_band_changed' ? { to: 'red' } : {};
      await db.execute(sql`
        insert into rule_firings (workspace_id, rule_id, rule_version, account_id, trigger_type, cause_key, occurrence_key, outcome, cta_id, playbook_run_id, facts, fired_at)
        select r.workspace_id, ${ruleId}, 1, r.account_id, ${rule.trigger.type}, ${causeKey}, 'demo:' || r.id::text, 'fired', r.cta_id, r.id, ${JSON.stringify(facts)}::jsonb, r.started_at
        from playbook_runs r join accounts a on a.workspace_id = r.workspace_id and a.id = r.account_id
        where r.workspace_id = ${workspaceId} and r.playbook_id = ${playbookId}`);
      await db.execute(sql`
        update ctas c set cause_key = ${causeKey}, rule_id = ${ruleId}
        from playbook_runs r join accounts a on a.workspace_id = r.workspace_id and a.id = r.account_id
        where c.workspace_id = ${workspaceId} and r.workspace_id = ${workspaceId} and r.playbook_id = ${playbookId} and c.id = r.cta_id`);
      await db.execute(
        sql`update playbook_runs set rule_id = ${ruleId} where workspace_id = ${workspaceId} and playbook_id = ${playbookId}`,
      );
    }
    if (rule.trigger.type === 'renewal_in_days') {
      await db.execute(sql`
        insert into rule_trigger_states (workspace_id, rule_id, account_id, cause_key, since)
        select a.workspace_id, ${ruleId}, a.id, ${causeKey}, ${now}
        from accounts a
        where a.workspace_id = ${workspaceId} and a.deleted_at is null and a.status = 'active'
          and a.renewal_date between ${plan.today}::date and (${plan.today}::date + ${rule.trigger.days}::int)`);
    }
  }
}
