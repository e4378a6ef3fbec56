import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { useRestoreAccount } from './accounts-api';

/** Passed as router state by the account page after a delete, so the list can offer Undo. */
export type DeletedAccountState = { deletedAccount?: { id: string; name: string } };

export function UndoDeleteBanner({ account, onDone }: { account: { id: string; name: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const restore = useRestoreAccount();
  return (
    <div
      className="mb-3 flex flex-col gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-[13px] text-zinc-800 shadow-sm"
      role="status"
    >
      <div className="flex items-center justify-between gap-3">
        <span>{t('accounts.deleted', { name: account.name })}</span>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="primary"
            disabled={restore.isPending}
            onClick={() => restore.mutate(account.id, { onSuccess: () => void navigate(`/accounts/${account.id}`) })}
          >
            {t('accounts.undo')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDone}>
            {t('common.dismiss')}
          </Button>
        </div>
      </div>
      <ErrorBanner error={restore.error} />
    </div>
  );
}
