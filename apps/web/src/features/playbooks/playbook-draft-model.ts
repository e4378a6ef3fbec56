import type { PlaybookAction, PlaybookDefinition, PlaybookStep, TaskStep } from '@northstar/contracts';

export const ACTION_TYPES = ['set_field', 'add_tag', 'remove_tag', 'move_stage', 'webhook', 'notify'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * A step being edited. `isNew` steps take their key from their title as it is typed; saved steps
 * keep theirs, because execution metrics count per step key across versions.
 */
export type DraftStep = { uid: string; isNew: boolean; step: PlaybookStep };
export type PlaybookDraft = Omit<PlaybookDefinition, 'steps'> & { steps: DraftStep[] };

let uidCounter = 0;
const nextUid = () => `s${++uidCounter}`;

const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/;

/** A step key from a title: lower-case ASCII words joined by dashes, "step" when nothing is left (e.g. a Chinese title). */
export function slugifyKey(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'step';
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function emptyDraft(): PlaybookDraft {
  return { name: '', description: '', ctaReason: 'other', enabled: true, steps: [] };
}

/** A saved playbook (or version) into the editor: only the definition's fields, since a save sends exactly those. */
export function draftFromDefinition(definition: PlaybookDefinition): PlaybookDraft {
  const { name, description, ctaReason, enabled, steps } = definition;
  return { name, description, ctaReason, enabled, steps: steps.map((step) => ({ uid: nextUid(), isNew: false, step })) };
}

export function toDefinition(draft: PlaybookDraft): PlaybookDefinition {
  const { steps, ...rest } = draft;
  return { ...rest, name: rest.name.trim(), steps: steps.map((s) => s.step) };
}

const takenKeys = (steps: readonly DraftStep[], except?: string) => new Set(steps.filter((s) => s.uid !== except).map((s) => s.step.key));

export function defaultAction(type: ActionType): PlaybookAction {
  switch (type) {
    case 'set_field':
      return { type, field: 'plan', value: '' };
    case 'add_tag':
    case 'remove_tag':
      return { type, tag: '' };
    case 'move_stage':
      return { type, stage: 'onboarding' };
    case 'webhook':
      return { type, url: 'https://', event: 'playbook.step' };
    case 'notify':
      return { type, to: { kind: 'account_owner' }, message: '' };
  }
}

export function addTaskStep(steps: readonly DraftStep[]): DraftStep[] {
  const step: TaskStep = {
    key: uniqueKey('step', takenKeys(steps)),
    kind: 'task',
    title: '',
    description: '',
    dueOffsetDays: 0,
    assignee: { kind: 'account_owner' },
    priority: 'normal',
  };
  return [...steps, { uid: nextUid(), isNew: true, step }];
}

export function addActionStep(steps: readonly DraftStep[], type: ActionType = 'add_tag'): DraftStep[] {
  const step: PlaybookStep = { key: uniqueKey('action', takenKeys(steps)), kind: 'action', title: '', action: defaultAction(type) };
  return [...steps, { uid: nextUid(), isNew: true, step }];
}

/** Applies an edit to one step; a new step's key follows its title and stays unique. */
export function updateStep(steps: readonly DraftStep[], uid: string, change: (step: PlaybookStep) => PlaybookStep): DraftStep[] {
  return steps.map((s) => {
    if (s.uid !== uid) return s;
    let step = change(s.step);
    if (s.isNew && step.title !== s.step.title) {
      const base = slugifyKey(step.title);
      step = { ...step, key: uniqueKey(base === 'step' ? (step.kind === 'task' ? 'step' : 'action') : base, takenKeys(steps, uid)) };
    }
    return { ...s, step };
  });
}

/** Moves a step up (-1) or down (+1); out of range is a no-op. */
export function moveStep(steps: readonly DraftStep[], index: number, delta: -1 | 1): DraftStep[] {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeStep(steps: readonly DraftStep[], uid: string): DraftStep[] {
  return steps.filter((s) => s.uid !== uid);
}

export type DraftProblem = {
  uid?: string;
  problem: 'nameRequired' | 'noSteps' | 'titleRequired' | 'badKey' | 'duplicateKey' | 'incomplete';
};

/** What the form can tell before the server does: names, titles, keys, and actions left half-filled. */
export function findDraftProblems(draft: PlaybookDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.name.trim()) problems.push({ problem: 'nameRequired' });
  if (draft.steps.length === 0) problems.push({ problem: 'noSteps' });
  const seen = new Set<string>();
  for (const { uid, step } of draft.steps) {
    if (!step.title.trim()) problems.push({ uid, problem: 'titleRequired' });
    if (!KEY_PATTERN.test(step.key)) problems.push({ uid, problem: 'badKey' });
    else if (seen.has(step.key)) problems.push({ uid, problem: 'duplicateKey' });
    seen.add(step.key);
    if (step.kind === 'action' && isIncomplete(step.action)) problems.push({ uid, problem: 'incomplete' });
    if (step.kind === 'task' && step.assignee.kind === 'user' && !step.assignee.userId) problems.push({ uid, problem: 'incomplete' });
  }
  return problems;
}

function isIncomplete(action: PlaybookAction): boolean {
  switch (action.type) {
    case 'add_tag':
    case 'remove_tag':
      return !action.tag.trim();
    case 'webhook':
      return !/^https?:\/\/[^/]+/.test(action.url) || !action.event.trim();
    case 'notify':
      return !action.message.trim() || (action.to.kind === 'user' && !action.to.userId);
    case 'set_field':
      return !action.field.trim();
    case 'move_stage':
      return false;
  }
}
