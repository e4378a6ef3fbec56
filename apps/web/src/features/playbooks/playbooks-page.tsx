import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CTA_REASONS, type CtaReason, type Playbook } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { useMembers } from '../accounts/accounts-api';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input, Textarea } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import {
  addActionStep,
  addTaskStep,
  draftFromDefinition,
  emptyDraft,
  findDraftProblems,
  moveStep,
  removeStep,
  toDefinition,
  updateStep,
  type PlaybookDraft,
} from './playbook-draft-model';
import { PlaybookStepEditor } from './playbook-step-editor';
import { PlaybookVersions } from './playbook-versions';
import { useArchivePlaybook, usePlaybooks, useSavePlaybook } from './playbooks-api';

/** Playbooks (SOPs): the list, and the editor of the selected one (`?id=`, or `?id=new`). */
export function PlaybooksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [showArchived, setShowArchived] = useState(false);
  const playbooks = usePlaybooks(showArchived);
  const selectedId = params.get('id');
  const selected = playbooks.data?.items.find((p) => p.id === selectedId);
  const select = (id: string | null) => setParams(id ? { id } : {});

  if (playbooks.isPending) return <Loading />;
  const items = playbooks.data?.items ?? [];
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('playbooks.title')}
        subtitle={t('playbooks.subtitle')}
        actions={
          can('playbooks:manage') && (
            <Button variant="primary" onClick={() => select('new')}>
              {t('playbooks.create')}
            </Button>
          )
        }
      />
      <ErrorBanner error={playbooks.error} />
      <div className="grid gap-3 lg:grid-cols-[18rem_1fr]">
        <Card
          title={t('playbooks.list')}
          actions={
            <label className="flex items-center gap-1 text-[11px] text-zinc-500">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              {t('playbooks.showArchived')}
            </label>
          }
        >
          {items.length === 0 ? (
            <p className="text-xs text-zinc-500">{t('playbooks.none')}</p>
          ) : (
            <ul className="-m-1 flex flex-col gap-0.5" data-testid="playbook-list">
              {items.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    onClick={() => select(p.id)}
                    className={cx(
                      'w-full rounded px-2 py-1.5 text-left text-[13px]',
                      p.id === selectedId ? 'bg-indigo-50 text-indigo-900' : 'hover:bg-zinc-50',
                    )}
                  >
                    <span className="flex items-center gap-1.5 font-medium">
                      {p.name}
                      {!p.enabled && <Badge>{t('playbooks.disabled')}</Badge>}
                      {p.archivedAt && <Badge tone="amber">{t('playbooks.archived')}</Badge>}
                    </span>
                    <span className="text-[11px] text-zinc-500">
                      {t('playbooks.summary', { count: p.steps.length, version: p.version })} · {format.date(p.updatedAt)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="flex min-w-0 flex-col gap-3">
          {selectedId === 'new' ? (
            <PlaybookEditor key="new" onSaved={(p) => select(p.id)} onCancel={() => select(null)} />
          ) : selected ? (
            <>
              <PlaybookEditor
                key={`${selected.id}-${selected.version}`}
                playbook={selected}
                onSaved={(p) => select(p.id)}
                onCancel={() => select(null)}
              />
              <PlaybookVersions
                playbookId={selected.id}
                currentVersion={selected.version}
                canManage={can('playbooks:manage') && !selected.archivedAt}
              />
            </>
          ) : (
            <EmptyState title={t('playbooks.pick')}>{t('playbooks.pickHint')}</EmptyState>
          )}
        </div>
      </div>
    </div>
  );
}

function PlaybookEditor({ playbook, onSaved, onCancel }: { playbook?: Playbook; onSaved: (p: Playbook) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const members = useMembers();
  const save = useSavePlaybook();
  const archive = useArchivePlaybook();
  const readOnly = !can('playbooks:manage') || Boolean(playbook?.archivedAt);
  const [draft, setDraft] = useState<PlaybookDraft>(() => (playbook ? draftFromDefinition(playbook) : emptyDraft()));
  const [submitted, setSubmitted] = useState(false);
  const problems = useMemo(() => findDraftProblems(draft), [draft]);
  const activeMembers = (members.data?.items ?? []).filter((m) => m.active);
  useEffect(() => {
    setSubmitted(false);
  }, [playbook?.id]);

  const set = <K extends keyof PlaybookDraft>(key: K, value: PlaybookDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const stepProblem = (uid: string) => {
    const p = submitted ? problems.find((x) => x.uid === uid) : undefined;
    return p ? t(`playbooks.problems.${p.problem}`) : undefined;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.length) return;
    save.mutate({ id: playbook?.id, body: toDefinition(draft) }, { onSuccess: onSaved });
  }

  const general = submitted ? problems.filter((p) => !p.uid) : [];
  return (
    <Card
      title={playbook ? t('playbooks.editTitle', { name: playbook.name, version: playbook.version }) : t('playbooks.newTitle')}
      actions={
        playbook &&
        !readOnly && (
          <Button
            size="sm"
            variant="danger"
            disabled={archive.isPending}
            onClick={() =>
              window.confirm(t('playbooks.confirmArchive', { name: playbook.name })) && archive.mutate(playbook.id, { onSuccess: onCancel })
            }
          >
            {t('playbooks.archive')}
          </Button>
        )
      }
    >
      <form onSubmit={submit} noValidate aria-label={t('playbooks.editor')}>
        <fieldset disabled={readOnly} className="flex flex-col gap-3">
          <ErrorBanner error={save.error ?? archive.error} />
          {general.map((p) => (
            <p key={p.problem} className="text-xs text-red-700" role="alert">
              {t(`playbooks.problems.${p.problem}`)}
            </p>
          ))}
          <div className="grid grid-cols-2 gap-3 md:grid-cols-[1fr_12rem_8rem]">
            <Field label={t('playbooks.fields.name')} htmlFor="playbook-name">
              <Input id="playbook-name" value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} />
            </Field>
            <Field label={t('playbooks.fields.ctaReason')} htmlFor="playbook-reason">
              <Select
                id="playbook-reason"
                value={draft.ctaReason}
                options={CTA_REASONS.map((r) => ({ value: r, label: t(`ctas.reasons.${r}`) }))}
                onChange={(e) => set('ctaReason', e.target.value as CtaReason)}
              />
            </Field>
            <label className="flex items-center gap-2 self-end pb-1.5 text-xs">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
              {t('playbooks.fields.enabled')}
            </label>
          </div>
          <Field label={t('playbooks.fields.description')} htmlFor="playbook-description">
            <Textarea id="playbook-description" rows={2} value={draft.description} onChange={(e) => set('description', e.target.value)} />
          </Field>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('playbooks.steps')}</h3>
          {draft.steps.length === 0 && <p className="text-xs text-zinc-500">{t('playbooks.noSteps')}</p>}
          <ol className="flex flex-col gap-2">
            {draft.steps.map((s, index) => (
              <PlaybookStepEditor
                key={s.uid}
                index={index}
                count={draft.steps.length}
                step={s.step}
                members={activeMembers}
                problem={stepProblem(s.uid)}
                onChange={(change) => setDraft((d) => ({ ...d, steps: updateStep(d.steps, s.uid, change) }))}
                onMove={(delta) => setDraft((d) => ({ ...d, steps: moveStep(d.steps, index, delta) }))}
                onRemove={() => setDraft((d) => ({ ...d, steps: removeStep(d.steps, s.uid) }))}
              />
            ))}
          </ol>
          {!readOnly && (
            <div className="flex flex-wrap gap-2">
              <Button size="sm" onClick={() => setDraft((d) => ({ ...d, steps: addTaskStep(d.steps) }))}>
                {t('playbooks.addTask')}
              </Button>
              <Button size="sm" onClick={() => setDraft((d) => ({ ...d, steps: addActionStep(d.steps) }))}>
                {t('playbooks.addAction')}
              </Button>
              <span className="flex-1" />
              <Button onClick={onCancel}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" disabled={save.isPending}>
                {save.isPending ? t('common.saving') : playbook ? t('playbooks.saveVersion') : t('playbooks.save')}
              </Button>
            </div>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
