import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('errors.notFoundTitle')}>
      <Link to="/accounts" className="text-indigo-600 hover:underline">
        {t('nav.accounts')}
      </Link>
    </EmptyState>
  );
}
