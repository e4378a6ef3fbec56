import { useTranslation } from 'react-i18next';
import type { HealthBand } from '@northstar/contracts';
import { Badge } from '../../ui/badge';
import { bandTone, formatScore } from './health-view-model';

/** A band by name in its colour; no band is "no data" in grey. */
export function BandBadge({ band }: { band: HealthBand | null | undefined }) {
  const { t } = useTranslation();
  return <Badge tone={bandTone(band)}>{band ? t(`health.bands.${band}`) : t('health.noData')}</Badge>;
}

/**
 * A score in its band's colour, e.g. in the accounts list. Without a score it says "no data" in
 * grey: an unscored account is unknown, not at risk.
 */
export function HealthBadge({
  score,
  band,
  title,
}: {
  score: number | null | undefined;
  band: HealthBand | null | undefined;
  title?: string;
}) {
  const { t } = useTranslation();
  const hasScore = score !== null && score !== undefined;
  return (
    <span title={title} data-testid="health-badge" data-band={hasScore ? (band ?? 'none') : 'none'}>
      <Badge tone={hasScore ? bandTone(band) : 'neutral'} className="min-w-8 justify-center tabular-nums">
        {hasScore ? (
          <>
            <span className="font-semibold">{formatScore(score)}</span>
            {band && <span className="ml-1 font-normal">{t(`health.bands.${band}`)}</span>}
          </>
        ) : (
          <span className="font-normal text-zinc-500">{t('health.noData')}</span>
        )}
      </Badge>
    </span>
  );
}
