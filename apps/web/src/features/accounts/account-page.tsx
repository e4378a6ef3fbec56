import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../auth/session';
import { ContactsSection } from '../contacts/contacts-section';
import { AccountHealthPanel } from '../health/account-health-panel';
import { AccountUsageSection } from '../usage/account-usage-section';
import { AccountLifecycleSection } from '../lifecycle/account-lifecycle-section';
import { AccountTierSection } from '../tiers/account-tier-section';
import { AccountTimelineSection } from '../timeline/account-timeline-section';
import { AccountWorkSection } from '../tasks/account-work-section';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { AccountDetails } from './account-details';
import { AccountEditForm } from './account-edit-form';
import { useAccount, useDeleteAccount } from './accounts-api';
import type { DeletedAccountState } from './undo-delete-banner';

export function AccountPage() {
  const { t } = useTranslation();
  const { accountId = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const remove = useDeleteAccount();
  // Once the delete is under way, the page must not refetch the account it is leaving (a 404).
  const account = useAccount(accountId, remove.isIdle || remove.isError);
  const [editing, setEditing] = useState(false);

  if (account.isPending) return <Loading />;
  if (!account.data) return <ErrorBanner error={account.error} />;
  const a = account.data;

  function onDelete() {
    if (!window.confirm(t('accounts.confirmDelete', { name: a.name }))) return;
    remove.mutate(a.id, {
      onSuccess: () => {
        const state: DeletedAccountState = { deletedAccount: { id: a.id, name: a.name } };
        void navigate('/accounts', { state });
      },
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <nav className="text-xs text-zinc-500">
        <Link to="/accounts" className="hover:underline">
          {t('nav.accounts')}
        </Link>
        <span className="mx-1">/</span>
        <span className="text-zinc-700">{a.name}</span>
      </nav>
      <PageHeader
        title={a.name}
        subtitle={[a.domain, a.industry, a.region].filter(Boolean).join(' · ')}
        actions={
          !editing && (
            <>
              {can('accounts:write') && (
                <Button variant="primary" onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              )}
              {can('accounts:delete') && (
                <Button variant="danger" onClick={onDelete} disabled={remove.isPending}>
                  {t('common.delete')}
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorBanner error={remove.error} />
      <Card title={editing ? t('accounts.editTitle') : t('accounts.details')}>
        {editing ? <AccountEditForm account={a} onDone={() => setEditing(false)} /> : <AccountDetails account={a} />}
      </Card>
      <AccountHealthPanel accountId={a.id} canInputs={can('health:inputs')} />
      <AccountWorkSection accountId={a.id} />
      <AccountTierSection accountId={a.id} canWrite={can('accounts:write')} />
      <AccountLifecycleSection accountId={a.id} canWrite={can('accounts:write')} />
      <AccountUsageSection accountId={a.id} />
      <ContactsSection accountId={a.id} canWrite={can('accounts:write')} />
      <AccountTimelineSection accountId={a.id} canWrite={can('touches:write')} />
    </div>
  );
}
