import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExecutionCounts, SopMetrics } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Table, Td, Th, Tr } from '../../ui/table';
import { ReportRange, useReportParams } from './report-range';
import { diagnosisTone, formatDays, formatRate, problemRateTone, sortByConcern, topSkipReasons } from './sop-view-model';
import { useSopMetrics } from './work-metrics-api';

/**
 * SOP execution (SOP 执行): per playbook, step and CSM, how tasks were carried out, and whether a
 * playbook that goes wrong is the playbook's fault (most CSMs struggle) or some people's.
 */
export function SopPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { values, set } = useReportParams();
  const sop = useSopMetrics({ from: values.from, to: values.to });

  if (sop.isPending) return <Loading />;
  const m = sop.data;
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('workMetrics.sop.title')}
        subtitle={m ? t('workMetrics.period', { from: format.date(m.from), to: format.date(m.to) }) : undefined}
        actions={<ReportRange from={values.from ?? m?.from} to={values.to ?? m?.to} onChange={set} />}
      />
      <ErrorBanner error={sop.error} />
      {m && (
        <>
          <Card title={t('workMetrics.sop.team')}>
            <CountsSummary counts={m.team} />
          </Card>
          <p className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-600">
            {t('workMetrics.sop.explain', {
              share: formatRate(m.thresholds.playbookProblemShare, format.locale),
              rate: formatRate(m.thresholds.poorExecutionRate, format.locale),
              csms: m.thresholds.minCsmsForVerdict,
              tasks: m.thresholds.minTasksPerCsm,
            })}
          </p>
          <PlaybooksTable metrics={m} />
          <CsmsTable metrics={m} />
        </>
      )}
    </div>
  );
}

function CountsSummary({ counts }: { counts: ExecutionCounts }) {
  const { t } = useTranslation();
  const format = useFormat();
  const skip = topSkipReasons(counts);
  const stats: [string, string, string?][] = [
    [t('workMetrics.counts.started'), format.number(counts.started)],
    [t('workMetrics.counts.onTime'), format.number(counts.completedOnTime)],
    [t('workMetrics.counts.late'), format.number(counts.completedLate)],
    [t('workMetrics.counts.skipped'), format.number(counts.skipped)],
    [t('workMetrics.counts.overdue'), format.number(counts.overdue), counts.overdue ? 'text-red-700' : undefined],
    [t('workMetrics.counts.onTimeRate'), formatRate(counts.onTimeRate, format.locale)],
    [t('workMetrics.counts.medianDays'), formatDays(counts.medianDaysToComplete, format.locale)],
  ];
  return (
    <div className="flex flex-col gap-2">
      <dl className="grid grid-cols-3 gap-2 md:grid-cols-7" data-testid="sop-team">
        {stats.map(([label, value, cls]) => (
          <div key={label} className="rounded border border-zinc-100 px-2 py-1.5">
            <dt className="text-[11px] text-zinc-500">{label}</dt>
            <dd className={cx('text-base font-semibold tabular-nums', cls)}>{value}</dd>
          </div>
        ))}
      </dl>
      {skip.reasons.length > 0 && <SkipReasons counts={counts} />}
    </div>
  );
}

function SkipReasons({ counts }: { counts: ExecutionCounts }) {
  const { t } = useTranslation();
  const skip = topSkipReasons(counts);
  if (!skip.reasons.length) return null;
  return (
    <p className="text-[11px] text-zinc-500">
      {t('workMetrics.sop.skipReasons')}: {skip.reasons.map((r) => `${r.reason} (${r.count})`).join(' · ')}
      {skip.others > 0 && ` · ${t('workMetrics.sop.otherReasons', { count: skip.others })}`}
    </p>
  );
}

function CountCells({ counts, poor }: { counts: ExecutionCounts; poor: number }) {
  const format = useFormat();
  const tone = problemRateTone(counts.problemRate, poor);
  return (
    <>
      <Td align="right">{format.number(counts.started)}</Td>
      <Td align="right">{format.number(counts.completedOnTime)}</Td>
      <Td align="right">{format.number(counts.completedLate)}</Td>
      <Td align="right">{format.number(counts.skipped)}</Td>
      <Td align="right" className={counts.overdue ? 'text-red-700' : undefined}>
        {format.number(counts.overdue)}
      </Td>
      <Td align="right">{formatRate(counts.onTimeRate, format.locale)}</Td>
      <Td align="right" className={cx(tone === 'red' && 'font-semibold text-red-700', tone === 'amber' && 'text-amber-700')}>
        {formatRate(counts.problemRate, format.locale)}
      </Td>
      <Td align="right">{formatDays(counts.medianDaysToComplete, format.locale)}</Td>
    </>
  );
}

function CountHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <Th align="right">{t('workMetrics.counts.started')}</Th>
      <Th align="right">{t('workMetrics.counts.onTime')}</Th>
      <Th align="right">{t('workMetrics.counts.late')}</Th>
      <Th align="right">{t('workMetrics.counts.skipped')}</Th>
      <Th align="right">{t('workMetrics.counts.overdue')}</Th>
      <Th align="right">{t('workMetrics.counts.onTimeRate')}</Th>
      <Th align="right">{t('workMetrics.counts.problemRate')}</Th>
      <Th align="right">{t('workMetrics.counts.medianDays')}</Th>
    </>
  );
}

function PlaybooksTable({ metrics }: { metrics: SopMetrics }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const names = new Map(metrics.csms.map((c) => [c.userId, c.name]));
  const poor = metrics.thresholds.poorExecutionRate;
  if (metrics.playbooks.length === 0)
    return (
      <Card title={t('workMetrics.sop.playbooks')}>
        <EmptyState title={t('workMetrics.sop.noPlaybooks')} />
      </Card>
    );
  return (
    <Card title={t('workMetrics.sop.playbooks')}>
      <Table label={t('workMetrics.sop.playbooks')}>
        <thead>
          <tr>
            <Th>{t('workMetrics.sop.playbook')}</Th>
            <Th>{t('workMetrics.sop.diagnosis')}</Th>
            <CountHeaders />
            <Th>{t('workMetrics.sop.struggling')}</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {sortByConcern(metrics.playbooks).map((p) => (
            <Fragment key={p.playbookId}>
              <Tr>
                <Td className="font-medium">{p.name}</Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={diagnosisTone[p.diagnosis]}>
                    <span data-testid="sop-diagnosis">{t(`workMetrics.diagnoses.${p.diagnosis}`)}</span>
                  </Badge>
                </Td>
                <CountCells counts={p.counts} poor={poor} />
                <Td className="text-xs">
                  {t('workMetrics.sop.strugglingOf', { count: p.strugglingCsmIds.length, judged: p.judgedCsmCount })}
                  {p.strugglingCsmIds.length > 0 && (
                    <div className="text-[11px] text-zinc-500">{p.strugglingCsmIds.map((id) => names.get(id) ?? '?').join(', ')}</div>
                  )}
                </Td>
                <Td align="right">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-expanded={open === p.playbookId}
                    onClick={() => setOpen(open === p.playbookId ? null : p.playbookId)}
                  >
                    {open === p.playbookId ? t('workMetrics.sop.hideSteps') : t('workMetrics.sop.showSteps')}
                  </Button>
                </Td>
              </Tr>
              {open === p.playbookId && (
                <tr>
                  <td colSpan={12} className="border-b border-zinc-200 bg-zinc-50 p-3">
                    <div className="flex flex-col gap-3">
                      <SkipReasons counts={p.counts} />
                      <Table label={t('workMetrics.sop.steps')}>
                        <thead>
                          <tr>
                            <Th>{t('workMetrics.sop.step')}</Th>
                            <Th>{t('workMetrics.sop.diagnosis')}</Th>
                            <CountHeaders />
                          </tr>
                        </thead>
                        <tbody>
                          {p.steps.map((s) => (
                            <Tr key={s.key}>
                              <Td>
                                {s.title}
                                <SkipReasons counts={s.counts} />
                              </Td>
                              <Td className="whitespace-nowrap">
                                <Badge tone={diagnosisTone[s.diagnosis]}>{t(`workMetrics.diagnoses.${s.diagnosis}`)}</Badge>
                              </Td>
                              <CountCells counts={s.counts} poor={poor} />
                            </Tr>
                          ))}
                        </tbody>
                      </Table>
                      <Table label={t('workMetrics.sop.byCsm')}>
                        <thead>
                          <tr>
                            <Th>{t('workMetrics.sop.csm')}</Th>
                            <Th />
                            <CountHeaders />
                          </tr>
                        </thead>
                        <tbody>
                          {p.csms.map((c) => (
                            <Tr key={c.userId}>
                              <Td>{c.name}</Td>
                              <Td>{c.isStruggling && <Badge tone="amber">{t('workMetrics.sop.strugglingBadge')}</Badge>}</Td>
                              <CountCells counts={c.counts} poor={poor} />
                            </Tr>
                          ))}
                        </tbody>
                      </Table>
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}

function CsmsTable({ metrics }: { metrics: SopMetrics }) {
  const { t } = useTranslation();
  const playbookNames = new Map(metrics.playbooks.map((p) => [p.playbookId, p.name]));
  if (metrics.csms.length === 0) return null;
  return (
    <Card title={t('workMetrics.sop.csms')}>
      <Table label={t('workMetrics.sop.csms')}>
        <thead>
          <tr>
            <Th>{t('workMetrics.sop.csm')}</Th>
            <CountHeaders />
            <Th>{t('workMetrics.sop.strugglesWith')}</Th>
          </tr>
        </thead>
        <tbody>
          {metrics.csms.map((c) => (
            <Tr key={c.userId}>
              <Td className="font-medium">{c.name}</Td>
              <CountCells counts={c.counts} poor={metrics.thresholds.poorExecutionRate} />
              <Td className="text-xs">{c.strugglingPlaybookIds.map((id) => playbookNames.get(id) ?? '?').join(', ') || '—'}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
