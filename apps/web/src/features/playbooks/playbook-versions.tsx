import { useTranslation } from 'react-i18next';
import type { PlaybookDiffEntry } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { usePlaybookVersions, useRollbackPlaybook } from './playbooks-api';

const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Every saved version, newest first, what changed, and restoring an older one as the newest. */
export function PlaybookVersions({
  playbookId,
  currentVersion,
  canManage,
}: {
  playbookId: string;
  currentVersion: number;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = usePlaybookVersions(playbookId);
  const rollback = useRollbackPlaybook(playbookId);
  return (
    <Card title={t('playbooks.versions')}>
      <ErrorBanner error={versions.error ?? rollback.error} />
      {versions.isPending ? (
        <Loading />
      ) : (
        <ol className="flex flex-col gap-2 text-xs" data-testid="playbook-versions">
          {(versions.data?.items ?? []).map((v) => (
            <li key={v.version} className="rounded border border-zinc-100 p-2">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">v{v.version}</span>
                {v.version === currentVersion && <Badge tone="green">{t('playbooks.current')}</Badge>}
                <span className="text-zinc-500">
                  {v.authorName ?? t('playbooks.system')} · {format.dateTime(v.createdAt)}
                </span>
                {v.rolledBackFrom !== null && <Badge tone="amber">{t('playbooks.restoredFrom', { version: v.rolledBackFrom })}</Badge>}
                {canManage && v.version !== currentVersion && (
                  <Button
                    size="sm"
                    className="ml-auto"
                    disabled={rollback.isPending}
                    onClick={() => window.confirm(t('playbooks.confirmRollback', { version: v.version })) && rollback.mutate(v.version)}
                  >
                    {t('playbooks.rollback')}
                  </Button>
                )}
              </div>
              {v.diff.length > 0 && (
                <ul className="mt-1 flex flex-col gap-0.5 text-[11px] text-zinc-600">
                  {v.diff.map((d: PlaybookDiffEntry, i) => (
                    <li key={i}>
                      <span
                        className={d.change === 'added' ? 'text-emerald-700' : d.change === 'removed' ? 'text-red-700' : 'text-amber-700'}
                      >
                        {t(`playbooks.changes.${d.change}`)}
                      </span>{' '}
                      <code>{d.path}</code>
                      {d.change === 'changed' && (
                        <span className="text-zinc-400">
                          {' '}
                          {show(d.before).slice(0, 60)} → {show(d.after).slice(0, 60)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
