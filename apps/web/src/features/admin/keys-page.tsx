import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session';
import { PageHeader } from '../../ui/page-header';
import { KeyManager } from './key-manager';

export function KeysPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <div className="flex max-w-5xl flex-col gap-3">
      <PageHeader title={t('admin.keys.title')} />
      {can('tokens:own') && <KeyManager path="/tokens" kind="tokens" />}
      {can('write-keys:manage') && <KeyManager path="/write-keys" kind="writeKeys" />}
    </div>
  );
}
