import type { LifecycleStage } from '@northstar/contracts';
import { countDaysBetween } from './count-days-between';
import {
  findStageDefinition,
  isRuleEnabled,
  type LifecycleConfig,
  type LocalizedText,
  type StageDefinition,
  type StageEntryRule,
} from './lifecycle-config';

/** What the rules look at for one account; dates are 'YYYY-MM-DD' in the workspace's zone. */
export type StageFacts = {
  stage: LifecycleStage | null;
  enteredAt: string | null;
  /** True when a CSM set the current stage by hand. */
  enteredManually: boolean;
  /** Ticked checklist item keys per stage (handoff items come from evaluateHandoffChecklist). */
  completedChecklistItems: Partial<Record<LifecycleStage, readonly string[]>>;
  renewalDate: string | null;
  contractEnd: string | null;
  /** The date the account was marked churned (its status), or null while it is a customer. */
  churnedOn: string | null;
  /** The renewal for the current contract is signed. */
  renewed: boolean;
};

/** A move the rules call for, with the rule and a sentence for the stage history. */
export type StageTransition = { to: LifecycleStage; rule: StageEntryRule; reason: LocalizedText };

// Contract facts outrank a CSM's judgement; everything else waits for the CSM.
const OVERRIDES_MANUAL: ReadonlySet<StageEntryRule['kind']> = new Set(['contract_ended_without_renewal']);

/**
 * The stage an account should move to now, or null. When several rules fire, the stage furthest
 * along the lifecycle wins (a churned contract beats a renewal window), so one run settles it.
 */
export function evaluateStageRules(facts: StageFacts, config: LifecycleConfig, today: string): StageTransition | null {
  if (facts.stage === null) return null;
  const current = facts.stage;
  const isHeld = config.holdManualStages && facts.enteredManually;
  for (const target of [...config.stages].reverse()) {
    if (!target.enabled || target.stage === current) continue;
    for (const rule of target.entryRules) {
      if (!isRuleEnabled(rule)) continue;
      const sources: readonly LifecycleStage[] = Array.isArray(rule.from) ? rule.from : [rule.from];
      if (!sources.includes(current)) continue;
      if (isHeld && !OVERRIDES_MANUAL.has(rule.kind)) continue;
      const reason = explainRule(rule, facts, config, today);
      if (reason) return { to: target.stage, rule, reason };
    }
  }
  return null;
}

/** The sentence for a rule that holds, or undefined when it does not. */
function explainRule(rule: StageEntryRule, facts: StageFacts, config: LifecycleConfig, today: string): LocalizedText | undefined {
  switch (rule.kind) {
    case 'checklist_completed': {
      const source = findStageDefinition(config, rule.from);
      if (!source || !isChecklistComplete(source, facts.completedChecklistItems[rule.from] ?? [])) return undefined;
      return { en: `${source.label.en} checklist complete`, 'zh-CN': `${source.label['zh-CN']}清单已完成` };
    }
    case 'renewal_within_days':
      if (facts.renewalDate === null || countDaysBetween(today, facts.renewalDate) > rule.days) return undefined;
      return {
        en: `renewal date ${facts.renewalDate} is within ${rule.days} days`,
        'zh-CN': `续费日期 ${facts.renewalDate} 在 ${rule.days} 天内`,
      };
    case 'renewed':
      return facts.renewed ? { en: 'renewal signed', 'zh-CN': '已签署续约' } : undefined;
    case 'contract_ended_without_renewal':
      if (facts.renewed) return undefined;
      // A CSM marking the account churned settles it, whatever the contract dates say.
      if (facts.churnedOn !== null) return { en: `account churned on ${facts.churnedOn}`, 'zh-CN': `客户已于 ${facts.churnedOn} 流失` };
      // The contract runs through its end date: churn starts the day after.
      if (facts.contractEnd === null || facts.contractEnd >= today) return undefined;
      return {
        en: `contract ended on ${facts.contractEnd} without renewal`,
        'zh-CN': `合同已于 ${facts.contractEnd} 到期且未续约`,
      };
  }
}

/** All required items ticked; a stage without required items is never complete by rule. */
export function isChecklistComplete(stage: StageDefinition, completed: readonly string[]): boolean {
  const required = stage.checklist.filter((c) => c.required);
  return required.length > 0 && required.every((c) => completed.includes(c.key));
}
