import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useCan, useSession } from '../features/auth/session';
import { cx } from '../ui/cx';
import { Loading } from '../ui/page-header';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';
import { NotificationBell } from '../features/notifications/notification-bell';

function NavItem({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <NavLink
      to={to}
      end={end ?? false}
      className={({ isActive }) =>
        cx(
          'block rounded-md px-2.5 py-1.5 text-[13px]',
          isActive ? 'bg-zinc-800 font-medium text-white' : 'text-zinc-300 hover:bg-zinc-800/60 hover:text-white',
        )
      }
    >
      {children}
    </NavLink>
  );
}

/** The signed-in shell: left navigation, top bar, and the page. Anonymous visitors go to /login. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const can = useCan();

  if (session.isPending) return <Loading />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const { data } = session;

  return (
    <div className="flex h-screen overflow-hidden bg-zinc-100 text-zinc-900">
      <aside className="flex w-52 shrink-0 flex-col bg-zinc-900 px-2 py-3">
        <div className="mb-4 flex items-center gap-2 px-2.5 text-white">
          <span aria-hidden className="text-indigo-400">
            ✦
          </span>
          <span className="text-sm font-semibold tracking-wide">Northstar</span>
        </div>
        <nav className="flex flex-col gap-0.5" aria-label={t('nav.main')}>
          <NavItem to="/accounts">{t('nav.accounts')}</NavItem>
          <NavItem to="/segments">{t('nav.segments')}</NavItem>
          <NavItem to="/lifecycle">{t('nav.lifecycle')}</NavItem>
          <NavItem to="/tiers">{t('nav.tiers')}</NavItem>
          <NavItem to="/usage">{t('nav.usage')}</NavItem>
          {can('health:read') && (
            <NavItem to="/health" end>
              {t('health.nav.portfolio')}
            </NavItem>
          )}
          {can('accounts:import') && <NavItem to="/import">{t('nav.import')}</NavItem>}
          <p className="mt-4 mb-1 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">{t('work.nav.section')}</p>
          <NavItem to="/tasks">{t('work.nav.tasks')}</NavItem>
          <NavItem to="/playbooks">{t('work.nav.playbooks')}</NavItem>
          {can('rules:read') && <NavItem to="/rules">{t('work.nav.rules')}</NavItem>}
          {can('work-metrics:read') && <NavItem to="/work/sop">{t('work.nav.sop')}</NavItem>}
          {can('work-metrics:read') && <NavItem to="/work/coverage">{t('work.nav.coverage')}</NavItem>}
          <p className="mt-4 mb-1 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-zinc-500">
            {can('users:manage') ? t('nav.admin') : t('nav.settings')}
          </p>
          {can('users:manage') && <NavItem to="/admin/users">{t('nav.users')}</NavItem>}
          {can('health:manage') && <NavItem to="/health/scorecards">{t('health.nav.scorecards')}</NavItem>}
          {can('health:manage') && <NavItem to="/health/backtest">{t('health.nav.backtest')}</NavItem>}
          {can('webhooks:read') && <NavItem to="/admin/webhooks">{t('work.nav.webhooks')}</NavItem>}
          <NavItem to="/admin/keys">{t('nav.keys')}</NavItem>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center justify-between border-b border-zinc-200 bg-white px-4">
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate text-[13px] font-semibold text-zinc-800" data-testid="workspace-name">
              {data.workspace.name}
            </span>
            <span className="text-xs text-zinc-400">{data.workspace.slug}</span>
          </div>
          <div className="flex items-center gap-3">
            <NotificationBell />
            <LanguageSwitcher />
            <UserMenu session={data} />
          </div>
        </header>
        <main className="min-h-0 flex-1 overflow-auto p-4">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
