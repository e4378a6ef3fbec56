import type { LifecycleConfigBody } from '@northstar/contracts';

type StageBody = LifecycleConfigBody['stages'][number];
type RuleBody = StageBody['entryRules'][number];

/** A stage as the editor holds it: numbers stay the text typed until saved. */
export type StageDraft = Omit<StageBody, 'expectedDurationDays' | 'entryRules'> & {
  /** Blank means no expected duration (never overdue). */
  expectedDurationDays: string;
  entryRules: (Omit<RuleBody, 'days' | 'enabled'> & { enabled: boolean; days: string })[];
};
export type ConfigDraft = { holdManualStages: boolean; stages: StageDraft[] };

export function toConfigDraft(config: LifecycleConfigBody): ConfigDraft {
  return {
    holdManualStages: config.holdManualStages,
    stages: config.stages.map((stage) => ({
      ...stage,
      expectedDurationDays: stage.expectedDurationDays === null ? '' : String(stage.expectedDurationDays),
      entryRules: stage.entryRules.map(({ days, enabled, ...rule }) => ({
        ...rule,
        enabled: enabled !== false,
        days: days === undefined ? '' : String(days),
      })),
    })),
  };
}

// Text that is not a number goes to the server as NaN → null, where validation names the field.
const toInteger = (text: string) => Number(text.trim() === '' ? Number.NaN : text);

export function fromConfigDraft(draft: ConfigDraft): LifecycleConfigBody {
  return {
    holdManualStages: draft.holdManualStages,
    stages: draft.stages.map((stage) => ({
      ...stage,
      expectedDurationDays: stage.expectedDurationDays.trim() === '' ? null : toInteger(stage.expectedDurationDays),
      entryRules: stage.entryRules.map(({ days, ...rule }) =>
        rule.kind === 'renewal_within_days' ? { ...rule, days: toInteger(days) } : rule,
      ),
    })),
  };
}

/**
 * The API's problems by field path, in the service's spelling (`stages[1].checklist[0].key`);
 * schema errors arrive as `stages.1.checklist.0.key` and are rewritten to match.
 */
export function configFieldErrors(details: readonly { field?: string; problem: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const detail of details) {
    if (!detail.field) continue;
    const path = detail.field
      .replace(/^body[./]?/, '')
      .replace(/^\//, '')
      .replaceAll('/', '.')
      .replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    if (!out.has(path)) out.set(path, detail.problem);
  }
  return out;
}

/** A fresh checklist item key that the stage does not use yet. */
export function nextChecklistKey(stage: StageDraft): string {
  const taken = new Set(stage.checklist.map((c) => c.key));
  let n = stage.checklist.length + 1;
  while (taken.has(`item_${n}`)) n += 1;
  return `item_${n}`;
}
