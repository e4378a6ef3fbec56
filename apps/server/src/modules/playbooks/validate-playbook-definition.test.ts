import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlaybookDefinition } from '@northstar/contracts';
import { listCustomFieldWrites, listNamedUsers, validatePlaybookDefinition } from './validate-playbook-definition';

const definition = (steps: PlaybookDefinition['steps']): PlaybookDefinition => ({
  name: 'Onboarding SOP',
  description: '',
  ctaReason: 'lifecycle',
  enabled: true,
  steps,
});
const task = (key: string, extra: Partial<Extract<PlaybookDefinition['steps'][number], { kind: 'task' }>> = {}) => ({
  key,
  kind: 'task' as const,
  title: `Step ${key}`,
  description: '',
  dueOffsetDays: 1,
  assignee: { kind: 'account_owner' as const },
  priority: 'normal' as const,
  ...extra,
});

describe('validatePlaybookDefinition', () => {
  it('accepts distinct keys', () => {
    assert.deepEqual(validatePlaybookDefinition(definition([task('kickoff'), task('training')])), []);
  });

  it('names a repeated key by position, since metrics count per key', () => {
    assert.deepEqual(
      validatePlaybookDefinition(definition([task('kickoff'), task('training'), task('kickoff')])).map((d) => [d.field, d.problem]),
      [['steps.2.key', 'repeats the key of step 0']],
    );
  });

  it('refuses a number for a standard text field and a blank title', () => {
    const details = validatePlaybookDefinition(
      definition([
        { key: 'plan', kind: 'action', title: ' ', action: { type: 'set_field', field: 'plan', value: 3 } },
        { key: 'custom', kind: 'action', title: 'Score', action: { type: 'set_field', field: 'custom.score', value: 3 } },
      ]),
    );
    assert.deepEqual(
      details.map((d) => d.field),
      ['steps.0.title', 'steps.0.action.value'],
    );
  });

  it('lists the users and custom fields a definition names', () => {
    const d = definition([
      task('a', { assignee: { kind: 'user', userId: 'u-1' } }),
      { key: 'n', kind: 'action', title: 'Tell', action: { type: 'notify', to: { kind: 'user', userId: 'u-2' }, message: 'hi' } },
      { key: 'f', kind: 'action', title: 'Flag', action: { type: 'set_field', field: 'custom.risk_level', value: 'high' } },
    ]);
    assert.deepEqual(
      listNamedUsers(d).map((u) => [u.userId, u.field]),
      [
        ['u-1', 'steps.0.assignee.userId'],
        ['u-2', 'steps.1.action.to.userId'],
      ],
    );
    assert.deepEqual(listCustomFieldWrites(d), [{ key: 'risk_level', value: 'high', index: 2 }]);
  });
});
