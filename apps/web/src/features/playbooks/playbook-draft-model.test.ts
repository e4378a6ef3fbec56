import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookDefinition } from '@northstar/contracts';
import {
  addActionStep,
  addTaskStep,
  defaultAction,
  draftFromDefinition,
  emptyDraft,
  findDraftProblems,
  moveStep,
  removeStep,
  slugifyKey,
  toDefinition,
  uniqueKey,
  updateStep,
} from './playbook-draft-model';

const saved: PlaybookDefinition = {
  name: 'Onboarding SOP',
  description: '',
  ctaReason: 'lifecycle',
  enabled: true,
  steps: [
    {
      key: 'kickoff',
      kind: 'task',
      title: 'Kick-off call',
      description: '',
      dueOffsetDays: 2,
      assignee: { kind: 'account_owner' },
      priority: 'high',
    },
    { key: 'tag', kind: 'action', title: 'Tag onboarding', action: { type: 'add_tag', tag: 'onboarding' } },
  ],
};

describe('playbook draft model', () => {
  it('slugifies titles into step keys, falling back for non-Latin titles', () => {
    assert.equal(slugifyKey('Call the Champion!'), 'call-the-champion');
    assert.equal(slugifyKey('Café review'), 'cafe-review');
    assert.equal(slugifyKey('培训'), 'step');
  });

  it('numbers a taken key', () => {
    assert.equal(uniqueKey('call', new Set(['call', 'call-2'])), 'call-3');
    assert.equal(uniqueKey('call', new Set()), 'call');
  });

  it('round-trips a saved definition unchanged', () => {
    assert.deepEqual(toDefinition(draftFromDefinition(saved)), saved);
  });

  it('sends only the definition’s fields when a saved playbook is edited', () => {
    const playbook = { ...saved, id: 'p1', version: 3, updatedBy: null, createdAt: 'x', updatedAt: 'y', archivedAt: null };
    assert.deepEqual(Object.keys(toDefinition(draftFromDefinition(playbook))).sort(), [
      'ctaReason',
      'description',
      'enabled',
      'name',
      'steps',
    ]);
  });

  it('lets a new step’s key follow its title but never renames a saved step', () => {
    let draft = draftFromDefinition(saved);
    draft = { ...draft, steps: addTaskStep(draft.steps) };
    const added = draft.steps[2]!;
    draft = { ...draft, steps: updateStep(draft.steps, added.uid, (s) => ({ ...s, title: 'Kick-off call' })) };
    assert.equal(draft.steps[2]!.step.key, 'kick-off-call');
    const first = draft.steps[0]!;
    draft = { ...draft, steps: updateStep(draft.steps, first.uid, (s) => ({ ...s, title: 'Renamed' })) };
    assert.equal(draft.steps[0]!.step.key, 'kickoff');
  });

  it('keeps keys unique when two new steps get the same title', () => {
    let steps = addTaskStep(addTaskStep([]));
    steps = updateStep(steps, steps[0]!.uid, (s) => ({ ...s, title: 'Call' }));
    steps = updateStep(steps, steps[1]!.uid, (s) => ({ ...s, title: 'Call' }));
    assert.deepEqual(
      steps.map((s) => s.step.key),
      ['call', 'call-2'],
    );
  });

  it('reorders and removes steps', () => {
    const steps = draftFromDefinition(saved).steps;
    assert.deepEqual(
      moveStep(steps, 1, -1).map((s) => s.step.key),
      ['tag', 'kickoff'],
    );
    assert.deepEqual(
      moveStep(steps, 1, 1).map((s) => s.step.key),
      ['kickoff', 'tag'],
    );
    assert.deepEqual(
      removeStep(steps, steps[0]!.uid).map((s) => s.step.key),
      ['tag'],
    );
  });

  it('names what is missing before saving', () => {
    const draft = { ...emptyDraft(), steps: addActionStep([], 'webhook') };
    const problems = findDraftProblems(draft).map((p) => p.problem);
    assert.deepEqual(problems, ['nameRequired', 'titleRequired', 'incomplete']);
    assert.deepEqual(
      findDraftProblems(emptyDraft()).map((p) => p.problem),
      ['nameRequired', 'noSteps'],
    );
    assert.deepEqual(findDraftProblems(draftFromDefinition(saved)), []);
  });

  it('starts each action type with a complete shape', () => {
    assert.deepEqual(defaultAction('notify'), { type: 'notify', to: { kind: 'account_owner' }, message: '' });
    assert.deepEqual(defaultAction('move_stage'), { type: 'move_stage', stage: 'onboarding' });
  });
});
