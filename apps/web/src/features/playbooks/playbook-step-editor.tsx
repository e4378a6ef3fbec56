import { useTranslation } from 'react-i18next';
import {
  LIFECYCLE_STAGES,
  PLAYBOOK_SETTABLE_FIELDS,
  ROLES,
  TASK_PRIORITIES,
  type ActionStep,
  type LifecycleStage,
  type NotifyRecipient,
  type PlaybookAction,
  type PlaybookStep,
  type Role,
  type TaskAssignee,
  type TaskPriority,
  type TaskStep,
  type User,
} from '@northstar/contracts';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Field, Input, Textarea } from '../../ui/field';
import { Select } from '../../ui/select';
import { ACTION_TYPES, defaultAction, type ActionType } from './playbook-draft-model';

type Props = {
  index: number;
  count: number;
  step: PlaybookStep;
  members: User[];
  problem?: string | undefined;
  onChange: (change: (step: PlaybookStep) => PlaybookStep) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** One step of the playbook: a task template for a person, or an automatic action. */
export function PlaybookStepEditor({ index, count, step, members, problem, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const id = (name: string) => `step-${index}-${name}`;
  return (
    <li className="rounded-md border border-zinc-200 bg-white p-3" data-testid="playbook-step">
      <div className="mb-2 flex items-center gap-2">
        <span className="flex h-5 w-5 items-center justify-center rounded-full bg-zinc-800 text-[11px] font-semibold text-white">
          {index + 1}
        </span>
        <Badge tone={step.kind === 'task' ? 'blue' : 'violet'}>{t(`playbooks.kinds.${step.kind}`)}</Badge>
        <code className="text-[11px] text-zinc-400" title={t('playbooks.keyHint')}>
          {step.key}
        </code>
        <div className="ml-auto flex gap-1">
          <Button size="sm" variant="ghost" aria-label={t('playbooks.moveUp')} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </Button>
          <Button size="sm" variant="ghost" aria-label={t('playbooks.moveDown')} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </Button>
          <Button size="sm" variant="ghost" className="text-red-700" onClick={onRemove}>
            {t('playbooks.removeStep')}
          </Button>
        </div>
      </div>
      {problem && (
        <p className="mb-2 text-xs text-red-700" role="alert">
          {problem}
        </p>
      )}
      <Field label={t('playbooks.fields.stepTitle')} htmlFor={id('title')}>
        <Input id={id('title')} value={step.title} maxLength={200} onChange={(e) => onChange((s) => ({ ...s, title: e.target.value }))} />
      </Field>
      {step.kind === 'task' ? (
        <TaskFields step={step} members={members} id={id} onChange={(fn) => onChange((s) => fn(s as TaskStep))} />
      ) : (
        <ActionFields step={step} members={members} id={id} onChange={(fn) => onChange((s) => fn(s as ActionStep))} />
      )}
    </li>
  );
}

function TaskFields({
  step,
  members,
  id,
  onChange,
}: {
  step: TaskStep;
  members: User[];
  id: (name: string) => string;
  onChange: (change: (step: TaskStep) => TaskStep) => void;
}) {
  const { t } = useTranslation();
  const assignee = step.assignee;
  const setAssignee = (kind: string) =>
    onChange((s) => ({ ...s, assignee: (kind === 'user' ? { kind, userId: members[0]?.id ?? '' } : { kind }) as TaskAssignee }));
  return (
    <div className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-4">
      <Field label={t('playbooks.fields.description')} htmlFor={id('description')} className="col-span-2 md:col-span-4">
        <Textarea
          id={id('description')}
          rows={2}
          value={step.description}
          onChange={(e) => onChange((s) => ({ ...s, description: e.target.value }))}
        />
      </Field>
      <Field label={t('playbooks.fields.dueOffsetDays')} htmlFor={id('due')} hint={t('playbooks.dueHint')}>
        <Input
          id={id('due')}
          type="number"
          min={0}
          max={730}
          value={String(step.dueOffsetDays)}
          onChange={(e) => onChange((s) => ({ ...s, dueOffsetDays: Math.max(0, Math.min(730, Math.trunc(Number(e.target.value) || 0))) }))}
        />
      </Field>
      <Field label={t('playbooks.fields.assignee')} htmlFor={id('assignee')}>
        <Select
          id={id('assignee')}
          value={assignee.kind}
          options={(['account_owner', 'team_lead', 'user'] as const).map((k) => ({ value: k, label: t(`playbooks.assignees.${k}`) }))}
          onChange={(e) => setAssignee(e.target.value)}
        />
      </Field>
      {assignee.kind === 'user' && (
        <Field label={t('playbooks.fields.user')} htmlFor={id('user')}>
          <Select
            id={id('user')}
            value={assignee.userId}
            placeholder=""
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(e) => onChange((s) => ({ ...s, assignee: { kind: 'user', userId: e.target.value } }))}
          />
        </Field>
      )}
      <Field label={t('playbooks.fields.priority')} htmlFor={id('priority')}>
        <Select
          id={id('priority')}
          value={step.priority}
          options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
          onChange={(e) => onChange((s) => ({ ...s, priority: e.target.value as TaskPriority }))}
        />
      </Field>
    </div>
  );
}

function ActionFields({
  step,
  members,
  id,
  onChange,
}: {
  step: ActionStep;
  members: User[];
  id: (name: string) => string;
  onChange: (change: (step: ActionStep) => ActionStep) => void;
}) {
  const { t } = useTranslation();
  const action = step.action;
  const setAction = (next: PlaybookAction) => onChange((s) => ({ ...s, action: next }));
  return (
    <div className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-4">
      <Field label={t('playbooks.fields.actionType')} htmlFor={id('action')}>
        <Select
          id={id('action')}
          value={action.type}
          options={ACTION_TYPES.map((a) => ({ value: a, label: t(`playbooks.actions.${a}`) }))}
          onChange={(e) => setAction(defaultAction(e.target.value as ActionType))}
        />
      </Field>
      {action.type === 'set_field' && (
        <>
          <Field label={t('playbooks.fields.field')} htmlFor={id('field')} hint={t('playbooks.customFieldHint')}>
            <Input
              id={id('field')}
              list={id('fields')}
              value={action.field}
              onChange={(e) => setAction({ ...action, field: e.target.value.trim() })}
            />
            <datalist id={id('fields')}>
              {PLAYBOOK_SETTABLE_FIELDS.map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </Field>
          <Field label={t('playbooks.fields.value')} htmlFor={id('value')}>
            <Input
              id={id('value')}
              value={action.value === null ? '' : String(action.value)}
              onChange={(e) => setAction({ ...action, value: e.target.value })}
            />
          </Field>
        </>
      )}
      {(action.type === 'add_tag' || action.type === 'remove_tag') && (
        <Field label={t('playbooks.fields.tag')} htmlFor={id('tag')}>
          <Input id={id('tag')} maxLength={64} value={action.tag} onChange={(e) => setAction({ ...action, tag: e.target.value })} />
        </Field>
      )}
      {action.type === 'move_stage' && (
        <Field label={t('playbooks.fields.stage')} htmlFor={id('stage')}>
          <Select
            id={id('stage')}
            value={action.stage}
            options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            onChange={(e) => setAction({ ...action, stage: e.target.value as LifecycleStage })}
          />
        </Field>
      )}
      {action.type === 'webhook' && (
        <>
          <Field label={t('playbooks.fields.url')} htmlFor={id('url')} className="col-span-2" hint={t('playbooks.webhookHint')}>
            <Input id={id('url')} type="url" value={action.url} onChange={(e) => setAction({ ...action, url: e.target.value.trim() })} />
          </Field>
          <Field label={t('playbooks.fields.event')} htmlFor={id('event')}>
            <Input
              id={id('event')}
              maxLength={100}
              value={action.event}
              onChange={(e) => setAction({ ...action, event: e.target.value })}
            />
          </Field>
        </>
      )}
      {action.type === 'notify' && <NotifyFields action={action} members={members} id={id} onChange={setAction} />}
    </div>
  );
}

function NotifyFields({
  action,
  members,
  id,
  onChange,
}: {
  action: Extract<PlaybookAction, { type: 'notify' }>;
  members: User[];
  id: (name: string) => string;
  onChange: (action: PlaybookAction) => void;
}) {
  const { t } = useTranslation();
  const to = action.to;
  const setKind = (kind: string) => {
    const next: NotifyRecipient =
      kind === 'user'
        ? { kind, userId: members[0]?.id ?? '' }
        : kind === 'role'
          ? { kind, role: 'manager' }
          : ({ kind } as NotifyRecipient);
    onChange({ ...action, to: next });
  };
  return (
    <>
      <Field label={t('playbooks.fields.recipient')} htmlFor={id('to')}>
        <Select
          id={id('to')}
          value={to.kind}
          options={(['account_owner', 'team_lead', 'user', 'role'] as const).map((k) => ({
            value: k,
            label: t(`playbooks.recipients.${k}`),
          }))}
          onChange={(e) => setKind(e.target.value)}
        />
      </Field>
      {to.kind === 'user' && (
        <Field label={t('playbooks.fields.user')} htmlFor={id('to-user')}>
          <Select
            id={id('to-user')}
            value={to.userId}
            placeholder=""
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(e) => onChange({ ...action, to: { kind: 'user', userId: e.target.value } })}
          />
        </Field>
      )}
      {to.kind === 'role' && (
        <Field label={t('playbooks.fields.role')} htmlFor={id('to-role')}>
          <Select
            id={id('to-role')}
            value={to.role}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(e) => onChange({ ...action, to: { kind: 'role', role: e.target.value as Role } })}
          />
        </Field>
      )}
      <Field
        label={t('playbooks.fields.message')}
        htmlFor={id('message')}
        className="col-span-2 md:col-span-4"
        hint={t('playbooks.messageHint', { account: '{{account.name}}', cta: '{{cta.title}}' })}
      >
        <Input
          id={id('message')}
          maxLength={1000}
          value={action.message}
          onChange={(e) => onChange({ ...action, message: e.target.value })}
        />
      </Field>
    </>
  );
}
