import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Scorecard } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { useCan } from '../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input, Textarea } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import { useCreateScorecard, useImportScorecard, useScorecards } from './health-api';
import { definitionOf } from './scorecard-draft';

/** /health/scorecards — every scorecard (current version), where each applies; create one or import one as code. */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const scorecards = useScorecards();
  if (scorecards.isPending) return <Loading />;
  if (!scorecards.data) return <ErrorBanner error={scorecards.error} />;
  const items = [...scorecards.data.items].sort(
    (a, b) => b.applicability.priority - a.applicability.priority || a.name.localeCompare(b.name),
  );

  const appliesTo = (s: Scorecard) => {
    const parts = [
      s.applicability.tiers?.length ? `${t('accounts.fields.tier')} ${s.applicability.tiers.join(', ')}` : '',
      s.applicability.stages?.length ? s.applicability.stages.map((x) => t(`stages.${x}`)).join(', ') : '',
      s.applicability.segmentIds?.length ? t('health.scorecards.segmentCount', { count: s.applicability.segmentIds.length }) : '',
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('health.scorecards.everyAccount');
  };

  return (
    <div className="flex flex-col gap-3">
      <PageHeader title={t('health.scorecards.title')} subtitle={t('health.scorecards.subtitle')} />
      <Table label={t('health.scorecards.title')}>
        <thead>
          <tr>
            <Th>{t('health.editor.name')}</Th>
            <Th>{t('health.scorecards.appliesTo')}</Th>
            <Th align="right">{t('health.editor.priority')}</Th>
            <Th align="right">{t('health.scorecards.blend')}</Th>
            <Th align="right">{t('health.editor.measures')}</Th>
            <Th>{t('health.scorecards.version')}</Th>
          </tr>
        </thead>
        <tbody data-testid="scorecard-list">
          {items.map((s) => {
            const total = s.groups.outcome.weight + s.groups.experience.weight;
            const outcome = total > 0 ? Math.round((s.groups.outcome.weight / total) * 100) : 0;
            return (
              <Tr key={s.id}>
                <Td>
                  <Link to={`/health/scorecards/${encodeURIComponent(s.id)}`} className="font-medium text-indigo-700 hover:underline">
                    {s.name}
                  </Link>
                  <span className="block font-mono text-[11px] text-zinc-500">{s.id}</span>
                </Td>
                <Td className="text-xs">{appliesTo(s)}</Td>
                <Td align="right">{s.applicability.priority}</Td>
                <Td align="right">{`${outcome}/${100 - outcome}`}</Td>
                <Td align="right">{s.measures.length}</Td>
                <Td className="text-xs whitespace-nowrap">
                  v{s.version} · {format.dateTime(s.createdAt)}
                  {s.authorName && ` · ${s.authorName}`}
                </Td>
              </Tr>
            );
          })}
        </tbody>
      </Table>
      {can('health:manage') && (
        <div className="grid gap-3 lg:grid-cols-2">
          <NewScorecardCard scorecards={items} />
          <ImportScorecardCard />
        </div>
      )}
    </div>
  );
}

/** A new scorecard starts as a copy of an existing one, so it has working measures from the start. */
function NewScorecardCard({ scorecards }: { scorecards: readonly Scorecard[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateScorecard();
  const [form, setForm] = useState({ id: '', name: '', copyOf: scorecards[0]?.id ?? '' });
  const errors = fieldErrors(create.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const source = scorecards.find((s) => s.id === form.copyOf);
    if (!source) return;
    // Lowest priority above the default, so the copy applies only where its rule says once edited.
    const definition = {
      ...definitionOf(source),
      id: form.id.trim(),
      name: form.name.trim(),
      applicability: { ...source.applicability, priority: source.applicability.priority + 1 },
    };
    create.mutate(definition, { onSuccess: (created) => void navigate(`/health/scorecards/${encodeURIComponent(created.id)}`) });
  }

  return (
    <Card title={t('health.scorecards.newTitle')}>
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2">
        <Field
          label={t('health.scorecards.id')}
          htmlFor="new-scorecard-id"
          error={errors.id}
          hint={t('health.scorecards.idHint')}
          className="w-40"
        >
          <Input
            id="new-scorecard-id"
            className="font-mono"
            required
            pattern="[a-z0-9][a-z0-9_\-]*"
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
          />
        </Field>
        <Field label={t('health.editor.name')} htmlFor="new-scorecard-name" error={errors.name} className="w-48">
          <Input
            id="new-scorecard-name"

            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </Field>
        <Field label={t('health.scorecards.copyOf')} htmlFor="new-scorecard-copy" className="w-56">
          <Select
            id="new-scorecard-copy"

            value={form.copyOf}
            options={scorecards.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(e) => setForm({ ...form, copyOf: e.target.value })}
          />
        </Field>
        <Button type="submit" variant="primary" className="mt-5" disabled={create.isPending}>
          {t('health.scorecards.create')}
        </Button>
      </form>
      <ErrorBanner error={create.error} className="mt-2" />
    </Card>
  );
}

/** Scorecard as code: paste or pick a JSON/YAML file; an existing id gets a new version, a new id a new scorecard. */
function ImportScorecardCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const importScorecard = useImportScorecard();
  const [form, setForm] = useState<{ format: 'json' | 'yaml'; content: string; note: string }>({ format: 'yaml', content: '', note: '' });

  async function onFile(file: File | undefined) {
    if (!file) return;
    const content = await file.text();
    setForm({ ...form, content, format: /\.json$/i.test(file.name) ? 'json' : 'yaml' });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    importScorecard.mutate(
      { format: form.format, content: form.content, ...(form.note.trim() ? { note: form.note.trim() } : {}) },
      { onSuccess: (saved) => void navigate(`/health/scorecards/${encodeURIComponent(saved.id)}`) },
    );
  }

  return (
    <Card title={t('health.scorecards.importTitle')}>
      <form onSubmit={onSubmit} className="flex flex-col gap-2">
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t('health.scorecards.format')} htmlFor="import-format" className="w-24">
            <Select
              id="import-format"

              value={form.format}
              options={[
                { value: 'yaml', label: 'YAML' },
                { value: 'json', label: 'JSON' },
              ]}
              onChange={(e) => setForm({ ...form, format: e.target.value as 'json' | 'yaml' })}
            />
          </Field>
          <Field label={t('health.scorecards.file')} htmlFor="import-file">
            <input
              id="import-file"
              type="file"
              accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
              className="text-xs"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </Field>
        </div>
        <Field label={t('health.scorecards.content')} htmlFor="import-content">
          <Textarea
            id="import-content"
            required
            rows={8}
            className="font-mono text-xs"
            value={form.content}
            onChange={(e) => setForm({ ...form, content: e.target.value })}
          />
        </Field>
        <div className="flex items-end gap-2">
          <Field label={t('health.editor.note')} htmlFor="import-note" className="flex-1">
            <Input id="import-note" maxLength={500} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
          </Field>
          <Button type="submit" variant="primary" disabled={importScorecard.isPending || !form.content.trim()}>
            {t('health.scorecards.import')}
          </Button>
        </div>
      </form>
      <ErrorBanner error={importScorecard.error} className="mt-2" />
    </Card>
  );
}
