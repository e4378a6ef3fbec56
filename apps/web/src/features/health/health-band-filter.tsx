import { useTranslation } from 'react-i18next';
import { HEALTH_BANDS, type HealthBand } from '@northstar/contracts';
import { cx } from '../../ui/cx';
import { toggleBand } from './health-view-model';

const PRESSED: Record<HealthBand, string> = {
  red: 'bg-red-600 text-white',
  yellow: 'bg-amber-500 text-white',
  green: 'bg-emerald-600 text-white',
};

/** The accounts list's band filter: any of red, yellow, green (none pressed = every account). */
export function HealthBandFilter({ selected, onChange }: { selected: readonly HealthBand[]; onChange: (bands: HealthBand[]) => void }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-0.5">
      <span className="text-[11px] font-medium text-zinc-500" id="health-band-filter-label">
        {t('health.title')}
      </span>
      <div
        role="group"
        aria-labelledby="health-band-filter-label"
        className="inline-flex h-8 overflow-hidden rounded-md border border-zinc-300"
      >
        {HEALTH_BANDS.map((band) => (
          <button
            key={band}
            type="button"
            aria-pressed={selected.includes(band)}
            onClick={() => onChange(toggleBand(selected, band))}
            className={cx(
              'border-l border-zinc-300 px-2 text-xs font-medium first:border-l-0',
              selected.includes(band) ? PRESSED[band] : 'bg-white text-zinc-600 hover:bg-zinc-50',
            )}
          >
            {t(`health.bands.${band}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
