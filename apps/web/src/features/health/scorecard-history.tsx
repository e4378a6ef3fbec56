import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { useRollbackScorecard, useScorecardVersions } from './health-api';
import { ScorecardChanges } from './scorecard-changes';

/** Every saved version, newest first, with author, source, note and diff; older ones can be restored. */
export function ScorecardHistory({
  scorecardId,
  canManage,
  onRolledBack,
}: {
  scorecardId: string;
  canManage: boolean;
  onRolledBack: (version: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useScorecardVersions(scorecardId);
  const rollback = useRollbackScorecard(scorecardId);
  const [open, setOpen] = useState<number | null>(null);

  function onRollback(version: number) {
    if (!window.confirm(t('health.history.confirmRollback', { version }))) return;
    rollback.mutate({ version }, { onSuccess: (saved) => onRolledBack(saved.version) });
  }

  const items = [...(versions.data?.items ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Card title={t('health.history.title')}>
      <ErrorBanner error={versions.error ?? rollback.error} />
      {versions.isPending ? (
        <Loading />
      ) : (
        <ol className="flex flex-col divide-y divide-zinc-100" data-testid="scorecard-history">
          {items.map((v) => (
            <li key={v.version} className="flex flex-col gap-1 py-2" data-testid={`scorecard-version-${v.version}`}>
              <div className="flex flex-wrap items-center gap-2 text-[13px]">
                <span className="font-semibold">v{v.version}</span>
                {v.isCurrent && <Badge tone="green">{t('health.history.current')}</Badge>}
                <Badge>{t(`health.history.sources.${v.source}`)}</Badge>
                <span className="text-xs text-zinc-500">
                  {format.dateTime(v.createdAt)} · {v.authorName ?? t('health.history.system')}
                </span>
                {v.note && <span className="text-xs text-zinc-700">“{v.note}”</span>}
                <span className="ml-auto flex gap-1">
                  {v.changes.length > 0 && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={open === v.version}
                      onClick={() => setOpen(open === v.version ? null : v.version)}
                    >
                      {open === v.version ? t('health.history.hideDiff') : t('health.history.showDiff', { count: v.changes.length })}
                    </Button>
                  )}
                  {canManage && !v.isCurrent && (
                    <Button size="sm" onClick={() => onRollback(v.version)} disabled={rollback.isPending}>
                      {t('health.history.rollback')}
                    </Button>
                  )}
                </span>
              </div>
              {v.summary && (
                <p className="truncate text-xs text-zinc-600" title={v.summary}>
                  {v.summary}
                </p>
              )}
              {open === v.version && <ScorecardChanges changes={v.changes} />}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
