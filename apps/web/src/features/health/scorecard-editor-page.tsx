import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Scorecard } from '@northstar/contracts';
import { ApiError } from '../../api/client';
import { useCan } from '../auth/session';
import { useSegments } from '../segments/segments-api';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { BandSettingsCard } from './band-settings-card';
import { downloadText } from './download-text';
import { exportScorecard, usePreviewScorecard, useSaveScorecard, useScorecard } from './health-api';
import { ScorecardChanges } from './scorecard-changes';
import { definitionOf, diffDefinitions, draftToDefinition, normaliseProblemPath, scorecardToDraft, toSaveBody } from './scorecard-draft';
import { ScorecardForm } from './scorecard-form';
import { ScorecardHistory } from './scorecard-history';
import { ScorecardPreviewResult } from './scorecard-preview';

/** /health/scorecards/:scorecardId — edit, preview, save as a new version; history, rollback and export. */
export function ScorecardEditorPage() {
  const { t } = useTranslation();
  const { scorecardId = '' } = useParams();
  const scorecard = useScorecard(scorecardId);
  if (scorecard.isPending) return <Loading />;
  if (!scorecard.data) return <ErrorBanner error={scorecard.error} />;
  return (
    <div className="flex flex-col gap-3">
      <nav className="text-xs text-zinc-500">
        <Link to="/health/scorecards" className="hover:underline">
          {t('health.nav.scorecards')}
        </Link>
        <span className="mx-1">/</span>
        <span className="text-zinc-700">{scorecard.data.name}</span>
      </nav>
      <ScorecardEditor key={scorecard.data.id} latest={scorecard.data} />
    </div>
  );
}

const MIME = { json: 'application/json', yaml: 'application/yaml' } as const;

function ScorecardEditor({ latest }: { latest: Scorecard }) {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('health:manage');
  const segments = useSegments();
  const preview = usePreviewScorecard();
  const save = useSaveScorecard(latest.id);
  // The version the draft was edited from: a refetch must never wipe an edit in progress.
  const [base, setBase] = useState(latest);
  const [draft, setDraft] = useState(() => scorecardToDraft(latest));
  const [note, setNote] = useState('');
  const [previewedJson, setPreviewedJson] = useState<string | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const { definition, problems: draftProblems } = useMemo(() => draftToDefinition(draft), [draft]);
  const changes = useMemo(() => diffDefinitions(definitionOf(base), definition), [base, definition]);
  const draftJson = useMemo(() => JSON.stringify(definition), [definition]);
  const isDirty = changes.length > 0;
  const isStale = latest.version !== base.version;
  const previewIsCurrent = preview.data !== undefined && previewedJson === draftJson;

  function reset(to: Scorecard) {
    setBase(to);
    setDraft(scorecardToDraft(to));
    setPreviewedJson(null);
    preview.reset();
  }

  // Someone saved (or rolled back) meanwhile: follow them unless there is an edit to keep.
  useEffect(() => {
    if (isStale && !isDirty) reset(latest);
  }, [latest.version]); // only a newer version arriving may reset the draft

  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    const apiError = save.error ?? preview.error;
    if (apiError instanceof ApiError) for (const d of apiError.details) if (d.field) out[normaliseProblemPath(d.field)] ??= d.problem;
    for (const p of draftProblems) out[p.path] = t(`health.editor.problems.${p.problem}`);
    return out;
  }, [draftProblems, save.error, preview.error, t]);

  function onPreview() {
    const json = draftJson;
    preview.mutate(definition, { onSuccess: () => setPreviewedJson(json) });
  }

  function onSave() {
    save.mutate(toSaveBody(definition, base.version, note), {
      onSuccess: (saved) => {
        reset(saved);
        setNote('');
        setSavedVersion(saved.version);
      },
    });
  }

  async function onExport(format: 'json' | 'yaml') {
    setExportError(null);
    try {
      const file = await exportScorecard(latest.id, format);
      downloadText(file.filename, file.content, MIME[format]);
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <>
      <PageHeader
        title={latest.name}
        subtitle={
          <span className="inline-flex items-center gap-2">
            <span className="font-mono">{latest.id}</span>
            <span data-testid="scorecard-current-version">{t('health.editor.version', { version: latest.version })}</span>
          </span>
        }
        actions={
          <>
            <Button onClick={() => void onExport('json')}>{t('health.editor.exportJson')}</Button>
            <Button onClick={() => void onExport('yaml')}>{t('health.editor.exportYaml')}</Button>
          </>
        }
      />
      <ErrorBanner error={exportError} />
      {isStale && isDirty && (
        <div
          role="status"
          className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
        >
          {t('health.editor.stale', { version: latest.version, base: base.version })}
          <Button size="sm" onClick={() => reset(latest)}>
            {t('health.editor.discard')}
          </Button>
        </div>
      )}
      {savedVersion !== null && !isDirty && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-[13px] text-emerald-800">
          {t('health.editor.saved', { version: savedVersion })}
        </p>
      )}
      <Card title={canManage ? t('health.editor.editTitle', { version: base.version }) : t('health.editor.viewTitle')}>
        <ScorecardForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setSavedVersion(null);
          }}
          savedKeys={base.measures.map((m) => m.key)}
          segments={segments.data?.items ?? []}
          readOnly={!canManage}
          problems={problems}
        />
      </Card>
      {canManage && (
        <Card title={t('health.editor.reviewTitle')}>
          <div className="flex flex-col gap-3">
            <div>
              <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('health.editor.changes', { count: changes.length })}</h3>
              <ScorecardChanges changes={changes} testId="scorecard-draft-changes" />
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <Field label={t('health.editor.note')} htmlFor="scorecard-note" className="min-w-72 flex-1">
                <Input
                  id="scorecard-note"
                  maxLength={500}
                  value={note}
                  placeholder={t('health.editor.notePlaceholder')}
                  onChange={(e) => setNote(e.target.value)}
                />
              </Field>
              <Button onClick={onPreview} disabled={!isDirty || draftProblems.length > 0 || preview.isPending}>
                {preview.isPending ? t('health.editor.previewing') : t('health.editor.preview')}
              </Button>
              <Button variant="primary" onClick={onSave} disabled={!isDirty || !previewIsCurrent || save.isPending}>
                {save.isPending ? t('common.saving') : t('health.editor.save', { version: base.version + 1 })}
              </Button>
              {isDirty && (
                <Button variant="ghost" onClick={() => reset(base)}>
                  {t('health.editor.discard')}
                </Button>
              )}
            </div>
            {isDirty && !previewIsCurrent && <p className="text-xs text-zinc-500">{t('health.editor.previewFirst')}</p>}
            <ErrorBanner error={preview.error ?? save.error} />
            {preview.data && previewIsCurrent && <ScorecardPreviewResult preview={preview.data} />}
            {preview.data && !previewIsCurrent && isDirty && (
              <p className="text-xs text-amber-700">
                <Badge tone="amber">{t('health.editor.previewOutdated')}</Badge>
              </p>
            )}
          </div>
        </Card>
      )}
      <ScorecardHistory scorecardId={latest.id} canManage={canManage} onRolledBack={() => setSavedVersion(null)} />
      <BandSettingsCard canManage={canManage} />
    </>
  );
}
