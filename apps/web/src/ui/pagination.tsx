import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** Previous/Next over a cursor-paginated list; `page` is 1-based. */
export function Pagination({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  summary,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  summary?: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="flex items-center justify-between gap-3 py-2 text-xs text-zinc-600" aria-label={t('pagination.label')}>
      <span>{summary}</span>
      <div className="flex items-center gap-2">
        <span>{t('pagination.page', { page })}</span>
        <Button size="sm" onClick={onPrevious} disabled={!hasPrevious}>
          {t('pagination.previous')}
        </Button>
        <Button size="sm" onClick={onNext} disabled={!hasNext}>
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
