import { LIFECYCLE_STAGES, type LifecycleStage } from '@northstar/contracts';
import { HANDOFF_ITEMS, type HandoffItem } from './evaluate-handoff-checklist';

/** Text shown in both UI languages. */
export type LocalizedText = { en: string; 'zh-CN': string };

/** One checklist line; required items gate `checklist_completed` rules. */
export type ChecklistItem = { key: string; label: LocalizedText; required: boolean };

/**
 * A condition that moves an account into the stage it belongs to, from any of `from`. An admin
 * may switch a rule off (`enabled: false`) without losing its settings; absent means on.
 */
export type StageEntryRule = (
  | { kind: 'checklist_completed'; from: LifecycleStage }
  | { kind: 'renewal_within_days'; days: number; from: LifecycleStage[] }
  | { kind: 'renewed'; from: LifecycleStage[] }
  | { kind: 'contract_ended_without_renewal'; from: LifecycleStage[] }
) & { enabled?: boolean };

/** Entry rule kinds, in the order an editor lists them. */
export const STAGE_RULE_KINDS = ['checklist_completed', 'renewal_within_days', 'renewed', 'contract_ended_without_renewal'] as const;

/** Whether a rule runs: every rule is on unless switched off. */
export const isRuleEnabled = (rule: StageEntryRule): boolean => rule.enabled !== false;

/** A stage as a workspace configures it. No entry rules means the stage is entered by hand only. */
export type StageDefinition = {
  stage: LifecycleStage;
  kind: 'working' | 'outcome';
  enabled: boolean;
  label: LocalizedText;
  goals: LocalizedText[];
  checklist: ChecklistItem[];
  /** Beyond this many days in the stage the account is flagged; null means no limit. */
  expectedDurationDays: number | null;
  entryRules: StageEntryRule[];
};

/** A workspace's lifecycle, in stage order. */
export type LifecycleConfig = {
  stages: StageDefinition[];
  /**
   * A stage a CSM set by hand stays until a CSM changes it, except for rules about contract facts
   * (a contract that ended without renewal is churned whatever anyone decided).
   */
  holdManualStages: boolean;
};

export type LifecycleConfigProblem = { field: string; problem: string };

const t = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const item = (key: string, en: string, zh: string): ChecklistItem => ({ key, label: t(en, zh), required: true });

const HANDOFF_LABELS: Record<HandoffItem, LocalizedText> = {
  decision_maker: t('Decision maker with email or phone', '决策人（含邮箱或电话）'),
  champion: t('Champion with email or phone', '业务推动者（含邮箱或电话）'),
  arr: t('ARR', 'ARR（年度经常性收入）'),
  renewal_date: t('Renewal date', '续费日期'),
  owner: t('Owner CSM', '负责的客户成功经理'),
  plan: t('Plan', '套餐'),
};
const WORKING: LifecycleStage[] = ['handoff', 'onboarding', 'rollout', 'stable', 'renewal'];

/** DOMAIN §4: five working stages and two outcomes, with their goals and SOP checklists. */
export const DEFAULT_LIFECYCLE_CONFIG: LifecycleConfig = {
  holdManualStages: true,
  stages: [
    {
      stage: 'handoff',
      kind: 'working',
      enabled: true,
      label: t('Handoff', '交接'),
      goals: [t('Collect key people and basic facts before anything else', '先收集关键人和客户基本信息')],
      checklist: HANDOFF_ITEMS.map((key) => ({ key, label: HANDOFF_LABELS[key], required: true })),
      expectedDurationDays: 14,
      entryRules: [],
    },
    {
      stage: 'onboarding',
      kind: 'working',
      enabled: true,
      label: t('Onboarding', '交付期'),
      goals: [
        t('The customer learns the product and sees its value', '客户学会使用产品并看到价值'),
        t('Track training and implementation progress', '跟踪培训学习和实施进度'),
      ],
      checklist: [
        item('kickoff_held', 'Kickoff meeting held', '已召开启动会'),
        item('admins_trained', 'Admins trained', '管理员已完成培训'),
        item('first_value', 'First value delivered', '已交付首个价值成果'),
      ],
      expectedDurationDays: 90,
      entryRules: [{ kind: 'checklist_completed', from: 'handoff' }],
    },
    {
      stage: 'rollout',
      kind: 'working',
      enabled: true,
      label: t('Internal rollout', '内部推广期'),
      goals: [t('More teams and modules through training, cases and best practices', '通过培训、案例和最佳实践推广到更多团队和模块')],
      checklist: [
        item('second_team_live', 'A second team is live', '第二个团队已上线'),
        item('success_case_shared', 'A success case shared', '已分享成功案例'),
      ],
      expectedDurationDays: 180,
      entryRules: [],
    },
    {
      stage: 'stable',
      kind: 'working',
      enabled: true,
      label: t('Stable use', '稳定使用期'),
      // DOMAIN §4: the hollow middle is where customers churn unnoticed; value must keep flowing.
      goals: [t('Keep value flowing: industry analysis, best practices, webinars', '持续交付价值：行业分析、最佳实践、线上研讨会')],
      checklist: [item('business_review_held', 'Business review held this half-year', '本半年已开展业务回顾')],
      expectedDurationDays: null,
      entryRules: [],
    },
    {
      stage: 'renewal',
      kind: 'working',
      enabled: true,
      label: t('Renewal', '续费期'),
      goals: [t('Renew and expand', '完成续费和增购')],
      checklist: [
        item('value_review_held', 'Value review held with the decision maker', '已与决策人完成价值回顾'),
        item('proposal_sent', 'Renewal proposal sent', '已发送续费方案'),
      ],
      expectedDurationDays: 90,
      entryRules: [{ kind: 'renewal_within_days', days: 90, from: ['onboarding', 'rollout', 'stable'] }],
    },
    {
      stage: 'renewed',
      kind: 'outcome',
      enabled: true,
      label: t('Renewed', '已续约'),
      goals: [],
      checklist: [],
      expectedDurationDays: null,
      entryRules: [{ kind: 'renewed', from: ['renewal'] }],
    },
    {
      stage: 'churned',
      kind: 'outcome',
      enabled: true,
      label: t('Churned', '已流失'),
      goals: [],
      checklist: [],
      expectedDurationDays: null,
      entryRules: [{ kind: 'contract_ended_without_renewal', from: WORKING }],
    },
  ],
};

/** Outcomes end a customer's journey; the rest are the working stages of DOMAIN §4. */
const OUTCOME_STAGES: ReadonlySet<LifecycleStage> = new Set(['renewed', 'churned']);
const CHECKLIST_KEY = /^[a-z][a-z0-9_]{0,49}$/;
const MAX_EXPECTED_DAYS = 3650;

/**
 * Problems with a workspace's lifecycle, each naming the field (`stages[2].expectedDurationDays`).
 * Every stage of DOMAIN §4 is listed once (it may be disabled); handoff items are the derived
 * ones (HANDOFF_ITEMS), since nobody ticks them; a rule that is on needs a source stage in use.
 */
export function validateLifecycleConfig(config: LifecycleConfig): LifecycleConfigProblem[] {
  const problems: LifecycleConfigProblem[] = [];
  const seen = new Set<LifecycleStage>();
  const enabled = new Set(config.stages.filter((s) => s.enabled).map((s) => s.stage));
  const blank = (text: LocalizedText) => !text.en.trim() || !text['zh-CN'].trim();
  config.stages.forEach((stage, index) => {
    const at = `stages[${index}]`;
    if (!LIFECYCLE_STAGES.includes(stage.stage)) problems.push({ field: `${at}.stage`, problem: 'is not a lifecycle stage' });
    if (seen.has(stage.stage)) problems.push({ field: `${at}.stage`, problem: 'appears more than once' });
    seen.add(stage.stage);
    const kind = OUTCOME_STAGES.has(stage.stage) ? 'outcome' : 'working';
    if (stage.kind !== kind) problems.push({ field: `${at}.kind`, problem: `must be ${kind} for ${stage.stage}` });
    if (blank(stage.label)) problems.push({ field: `${at}.label`, problem: 'needs an en and a zh-CN label' });
    const days = stage.expectedDurationDays;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_EXPECTED_DAYS)) {
      problems.push({ field: `${at}.expectedDurationDays`, problem: `must be a whole number of days from 1 to ${MAX_EXPECTED_DAYS}` });
    }
    stage.goals.forEach((goal, g) => {
      if (blank(goal)) problems.push({ field: `${at}.goals[${g}]`, problem: 'needs an en and a zh-CN text' });
    });
    const keys = stage.checklist.map((c) => c.key);
    if (new Set(keys).size !== keys.length) problems.push({ field: `${at}.checklist`, problem: 'has duplicate keys' });
    stage.checklist.forEach((item, c) => {
      if (stage.stage === 'handoff' && !(HANDOFF_ITEMS as readonly string[]).includes(item.key)) {
        problems.push({
          field: `${at}.checklist[${c}].key`,
          problem: `handoff items are derived from the account: one of ${HANDOFF_ITEMS.join(', ')}`,
        });
      } else if (!CHECKLIST_KEY.test(item.key)) {
        problems.push({ field: `${at}.checklist[${c}].key`, problem: 'must be lower-case letters, digits and _ (at most 50)' });
      }
      if (blank(item.label)) problems.push({ field: `${at}.checklist[${c}].label`, problem: 'needs an en and a zh-CN label' });
    });
    stage.entryRules.forEach((rule, r) => {
      const field = `${at}.entryRules[${r}]`;
      const single = rule.kind === 'checklist_completed';
      if (single !== !Array.isArray(rule.from)) {
        problems.push({ field: `${field}.from`, problem: single ? 'must be one stage' : 'must be a list of stages' });
        return;
      }
      const sources: readonly LifecycleStage[] = Array.isArray(rule.from) ? rule.from : [rule.from];
      if (sources.some((s) => !LIFECYCLE_STAGES.includes(s) || s === stage.stage)) {
        problems.push({ field: `${field}.from`, problem: 'must name other lifecycle stages' });
      } else if (isRuleEnabled(rule) && stage.enabled && !sources.some((s) => enabled.has(s))) {
        // A rule that is on but can never fire is a silent mistake: switch it off instead.
        problems.push({ field: `${field}.from`, problem: 'must name an enabled stage, or switch the rule off' });
      }
      if (rule.kind === 'renewal_within_days' && (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > 730)) {
        problems.push({ field: `${field}.days`, problem: 'must be a whole number of days from 1 to 730' });
      }
    });
  });
  const missing = LIFECYCLE_STAGES.filter((s) => !seen.has(s));
  if (missing.length > 0) problems.push({ field: 'stages', problem: `must list every stage; missing ${missing.join(', ')}` });
  return problems;
}

/** A stored config as the rules read it: every rule's `enabled` spelled out. */
export function normaliseLifecycleConfig(config: LifecycleConfig): LifecycleConfig {
  return {
    holdManualStages: config.holdManualStages,
    stages: config.stages.map((stage) => ({
      ...stage,
      entryRules: stage.entryRules.map((rule) => ({ ...rule, enabled: isRuleEnabled(rule) })),
    })),
  };
}

/** The definition of one stage, if the workspace has it. */
export function findStageDefinition(config: LifecycleConfig, stage: LifecycleStage): StageDefinition | undefined {
  return config.stages.find((s) => s.stage === stage);
}
