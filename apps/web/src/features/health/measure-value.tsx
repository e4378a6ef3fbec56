import { useTranslation } from 'react-i18next';
import type { MeasureKindName } from '@northstar/contracts';
import { useFormat } from '../../i18n/use-format';
import { formatRaw, rawUnit } from './health-view-model';

/** A measure's raw input with its unit ("44%", "9 / 10", "22 of 50"); "no data" when missing. */
export function MeasureValue({
  kind,
  raw,
  detail,
}: {
  kind: MeasureKindName;
  raw: number | null;
  detail: { count: number; of: number } | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (raw === null) return <span className="text-zinc-400">{t('health.noData')}</span>;
  return (
    <span className="tabular-nums">
      {t(`health.units.${rawUnit(kind)}`, { value: formatRaw(kind, raw) })}
      {detail && (
        <span className="ml-1 text-[11px] text-zinc-500">
          (
          {t('health.detail', {
            count: format.number(Math.round(detail.count * 10) / 10),
            of: format.number(Math.round(detail.of * 10) / 10),
          })}
          )
        </span>
      )}
    </span>
  );
}
