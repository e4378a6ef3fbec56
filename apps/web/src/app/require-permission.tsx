import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@northstar/contracts';
import { useCan } from '../features/auth/session';
import { EmptyState } from '../ui/empty-state';

/** A page the role may not use says so instead of showing controls the API would refuse. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can(permission)) return <EmptyState title={t('errors.forbiddenTitle')}>{t('errors.forbiddenBody')}</EmptyState>;
  return <>{children}</>;
}
