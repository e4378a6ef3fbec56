import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountHealth, HealthSettings } from '@northstar/contracts';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { Table, Td, Th, Tr } from '../../ui/table';
import { useFormat } from '../../i18n/use-format';
import { ExperienceInputsSection } from './experience-inputs-section';
import { HealthChart } from './health-chart';
import { buildTrendOption } from './health-chart-options';
import { useAccountHealth, useHealthSettings } from './health-api';
import { BandBadge } from './health-badge';
import { HealthExplanationSection } from './health-explanation-section';
import { coveragePercent, formatScore, formatShare, toLanguage } from './health-view-model';
import { MeasureValue } from './measure-value';

const DEFAULT_BANDS: HealthSettings['bands'] = { red: 40, yellow: 70 };

function SubScore({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="rounded border border-zinc-200 px-3 py-2" data-testid={testId}>
      <div className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="text-base font-semibold text-zinc-900 tabular-nums">
        {value === null ? <span className="text-sm font-normal text-zinc-400">{t('health.noData')}</span> : formatScore(value)}
      </div>
    </div>
  );
}

/** The account page's Health section: score, CO/CX, coverage, 90-day trend, measures, what changed, inputs. */
export function AccountHealthPanel({ accountId, canInputs }: { accountId: string; canInputs: boolean }) {
  const { t } = useTranslation();
  const health = useAccountHealth(accountId, 90);
  const settings = useHealthSettings();
  return (
    <Card title={t('health.account.title')}>
      {health.isPending ? (
        <Loading />
      ) : !health.data ? (
        <ErrorBanner error={health.error} />
      ) : (
        <div className="flex flex-col gap-3" data-testid="account-health">
          <HealthSummary health={health.data} bands={settings.data?.bands ?? DEFAULT_BANDS} />
          {health.data.date && <HealthExplanationSection accountId={accountId} latestSnapshot={health.data.date} />}
          <ExperienceInputsSection accountId={accountId} canInputs={canInputs} northStarTarget={health.data.northStarTarget} />
        </div>
      )}
    </Card>
  );
}

function HealthSummary({ health, bands }: { health: AccountHealth; bands: HealthSettings['bands'] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = toLanguage(i18n.language);
  const labels = useMemo(() => ({ score: t('health.score'), outcome: t('health.outcome'), experience: t('health.experience') }), [t]);
  const trendOption = useMemo(() => buildTrendOption(health.trend, bands, labels), [health.trend, bands, labels]);

  if (!health.date) return <p className="text-xs text-zinc-500">{t('health.account.notScored')}</p>;
  return (
    <>
      <div className="flex flex-wrap items-stretch gap-2">
        <div className="flex items-center gap-3 rounded border border-zinc-200 px-3 py-2" data-testid="health-score">
          <span className="text-3xl font-semibold tabular-nums text-zinc-900">
            {health.score === null ? (
              <span className="text-base font-normal text-zinc-400">{t('health.noData')}</span>
            ) : (
              formatScore(health.score)
            )}
          </span>
          <BandBadge band={health.band} />
        </div>
        <SubScore label={t('health.outcomeLong')} value={health.outcome} testId="health-outcome" />
        <SubScore label={t('health.experienceLong')} value={health.experience} testId="health-experience" />
        <div className="flex flex-col justify-center px-1 text-xs text-zinc-600">
          <span data-testid="health-coverage">{t('health.coverage', { percent: coveragePercent(health.coverage) })}</span>
          <span>
            {t('health.asOf', { date: format.date(health.date) })}
            {health.scorecard && ` · ${t('health.scorecardVersion', { name: health.scorecard.name, version: health.scorecard.version })}`}
          </span>
        </div>
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('health.account.trend')}</h3>
        {health.trend.length === 0 ? (
          <p className="text-xs text-zinc-500">{t('health.account.noTrend')}</p>
        ) : (
          <HealthChart option={trendOption} label={t('health.account.trend')} />
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">{t('health.account.measures')}</h3>
        <Table label={t('health.account.measures')}>
          <thead>
            <tr>
              <Th>{t('health.measure')}</Th>
              <Th>{t('health.group')}</Th>
              <Th>{t('health.raw')}</Th>
              <Th align="right">{t('health.measureScore')}</Th>
              <Th align="right">{t('health.weight')}</Th>
              <Th align="right">{t('health.effectiveWeight')}</Th>
              <Th align="right">{t('health.contribution')}</Th>
            </tr>
          </thead>
          <tbody data-testid="health-measures">
            {health.measures.map((m) => (
              <Tr key={m.key}>
                <Td>{m.label[lang]}</Td>
                <Td className="text-xs text-zinc-500">{m.group === 'outcome' ? t('health.outcome') : t('health.experience')}</Td>
                <Td>
                  <MeasureValue kind={m.kind} raw={m.raw} detail={m.detail} />
                </Td>
                <Td align="right">{m.score === null ? <span className="text-zinc-400">—</span> : formatScore(m.score)}</Td>
                <Td align="right">{format.number(m.weight)}</Td>
                <Td align="right">{m.score === null ? <span className="text-zinc-400">—</span> : formatShare(m.effectiveWeight)}</Td>
                <Td align="right" className="font-medium">
                  {m.score === null ? <span className="text-zinc-400">—</span> : format.number(Math.round(m.contribution * 10) / 10)}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
