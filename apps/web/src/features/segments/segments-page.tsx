import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Segment } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { useFormat } from '../../i18n/use-format';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { emptyGroup, fromFilterJson, toFilterJson, type DraftGroup, type FilterJson } from './filter-builder-model';
import { SegmentBuilder } from './segment-builder';
import { segmentExportUrl, useDeleteSegment, useFilterFields, useSaveSegment, useSegmentPreview, useSegments } from './segments-api';

/** `?expression=` carries a filter from the accounts list ("save as segment"). */
function initialDraft(params: URLSearchParams): DraftGroup {
  const raw = params.get('expression');
  if (!raw) return emptyGroup();
  try {
    return fromFilterJson(JSON.parse(raw) as FilterJson);
  } catch {
    return emptyGroup();
  }
}

/** Saved segments and the builder: fields, operators, values, AND/OR groups, a live count. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [params] = useSearchParams();
  const segments = useSegments();
  const fields = useFilterFields();
  const save = useSaveSegment();
  const remove = useDeleteSegment();
  const [editing, setEditing] = useState<Segment | null>(null);
  const [draft, setDraft] = useState<DraftGroup>(() => initialDraft(params));
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared');
  const fieldMap = useMemo(() => new Map((fields.data?.items ?? []).map((f) => [f.name, f])), [fields.data]);
  const expression = useMemo(() => toFilterJson(draft, fieldMap), [draft, fieldMap]);
  const preview = useSegmentPreview(expression);

  function edit(segment: Segment) {
    setEditing(segment);
    setName(segment.name);
    setVisibility(segment.visibility);
    setDraft(fromFilterJson(segment.expression as FilterJson));
  }
  function reset() {
    setEditing(null);
    setName('');
    setVisibility('shared');
    setDraft(emptyGroup());
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...(editing ? { id: editing.id } : {}), body: { name, visibility, expression } }, { onSuccess: reset });
  }

  if (segments.isPending || fields.isPending) return <Loading />;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader title={t('segments.title')} subtitle={t('segments.subtitle')} />
      <ErrorBanner error={segments.error ?? fields.error ?? remove.error} />
      <Card title={t('segments.saved')}>
        {segments.data?.items.length ? (
          <table className="w-full text-xs" data-testid="segment-list">
            <thead className="text-left text-zinc-500">
              <tr>
                <th className="py-1">{t('segments.name')}</th>
                <th>{t('segments.members')}</th>
                <th>{t('segments.visibility')}</th>
                <th>{t('segments.updated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {segments.data.items.map((s) => (
                <tr key={s.id} className="border-t border-zinc-100">
                  <td className="py-1 font-medium">{s.name}</td>
                  <td data-testid="segment-members">{format.number(s.memberCount)}</td>
                  <td>{t(`segments.visibilities.${s.visibility}`)}</td>
                  <td>{format.dateTime(s.updatedAt)}</td>
                  <td className="flex justify-end gap-2 py-1">
                    <a className="text-blue-700 hover:underline" href={segmentExportUrl(s.id)} download>
                      {t('accounts.exportCsv')}
                    </a>
                    {can('segments:write') && (
                      <>
                        <Button size="sm" variant="ghost" onClick={() => edit(s)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => window.confirm(t('segments.confirmDelete', { name: s.name })) && remove.mutate(s.id)}
                        >
                          {t('common.delete')}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-xs text-zinc-500">{t('segments.none')}</p>
        )}
      </Card>
      <Card title={editing ? t('segments.editTitle', { name: editing.name }) : t('segments.builder')}>
        <form onSubmit={onSubmit} className="flex flex-col gap-3">
          <SegmentBuilder group={draft} fields={fields.data?.items ?? []} onChange={setDraft} />
          <div className="rounded bg-zinc-50 px-2 py-1.5 text-xs" aria-live="polite">
            {preview.error ? (
              <ErrorBanner error={preview.error} />
            ) : (
              <span data-testid="segment-preview-count">{t('segments.previewCount', { count: preview.data?.count ?? 0 })}</span>
            )}
            {preview.data && preview.data.accounts.length > 0 && (
              <span className="ml-2 text-zinc-500">{preview.data.accounts.map((a) => a.name).join(', ')}</span>
            )}
          </div>
          {can('segments:write') && (
            <div className="flex flex-wrap items-end gap-2">
              <Field label={t('segments.name')} htmlFor="segment-name">
                <Input id="segment-name" required value={name} onChange={(e) => setName(e.target.value)} />
              </Field>
              <Field label={t('segments.visibility')} htmlFor="segment-visibility">
                <Select
                  id="segment-visibility"
                  value={visibility}
                  options={(['shared', 'private'] as const).map((v) => ({ value: v, label: t(`segments.visibilities.${v}`) }))}
                  onChange={(e) => setVisibility(e.target.value as 'shared' | 'private')}
                />
              </Field>
              <Button type="submit" variant="primary" disabled={save.isPending || Boolean(preview.error)}>
                {save.isPending ? t('common.saving') : t('segments.save')}
              </Button>
              {editing && <Button onClick={reset}>{t('common.cancel')}</Button>}
            </div>
          )}
          <ErrorBanner error={save.error} />
        </form>
      </Card>
    </div>
  );
}
