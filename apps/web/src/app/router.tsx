import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/accounts/account-page';
import { AccountsPage } from '../features/accounts/accounts-page';
import { PortfolioUsagePage } from '../features/usage/portfolio-usage-page';
import { KeysPage } from '../features/admin/keys-page';
import { UsersPage } from '../features/admin/users-page';
import { AcceptInvitePage } from '../features/auth/accept-invite-page';
import { LoginPage } from '../features/auth/login-page';
import { ImportWizard } from '../features/imports/import-wizard';
import { LifecycleBoardPage } from '../features/lifecycle/lifecycle-board-page';
import { LifecycleConfigPage } from '../features/lifecycle/lifecycle-config-page';
import { ProductUserPage } from '../features/usage/product-user-page';
import { SegmentsPage } from '../features/segments/segments-page';
import { TiersPage } from '../features/tiers/tiers-page';
import { BacktestPage } from '../features/health/backtest-page';
import { PortfolioHealthPage } from '../features/health/portfolio-health-page';
import { ScorecardEditorPage } from '../features/health/scorecard-editor-page';
import { ScorecardsPage } from '../features/health/scorecards-page';
import { TaskInboxPage } from '../features/tasks/task-inbox-page';
import { PlaybooksPage } from '../features/playbooks/playbooks-page';
import { RulesPage } from '../features/rules/rules-page';
import { WebhooksPage } from '../features/rules/webhooks-page';
import { SopPage } from '../features/work-metrics/sop-page';
import { CoveragePage } from '../features/work-metrics/coverage-page';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequirePermission } from './require-permission';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/accept-invite', element: <AcceptInvitePage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'accounts/:accountId', element: <AccountPage /> },
      { path: 'segments', element: <SegmentsPage /> },
      { path: 'lifecycle', element: <LifecycleBoardPage /> },
      {
        path: 'lifecycle/settings',
        element: (
          <RequirePermission permission="lifecycle:manage">
            <LifecycleConfigPage />
          </RequirePermission>
        ),
      },
      { path: 'usage/users/:userId', element: <ProductUserPage /> },
      { path: 'tiers', element: <TiersPage /> },
      { path: 'usage', element: <PortfolioUsagePage /> },
      { path: 'health', element: <PortfolioHealthPage /> },
      {
        path: 'health/scorecards',
        element: (
          <RequirePermission permission="health:manage">
            <ScorecardsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'health/scorecards/:scorecardId',
        element: (
          <RequirePermission permission="health:manage">
            <ScorecardEditorPage />
          </RequirePermission>
        ),
      },
      {
        path: 'health/backtest',
        element: (
          <RequirePermission permission="health:manage">
            <BacktestPage />
          </RequirePermission>
        ),
      },
      {
        path: 'import',
        element: (
          <RequirePermission permission="accounts:import">
            <ImportWizard />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/users',
        element: (
          <RequirePermission permission="users:manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      { path: 'tasks', element: <TaskInboxPage /> },
      { path: 'playbooks', element: <PlaybooksPage /> },
      { path: 'rules', element: <RulesPage /> },
      {
        path: 'work/sop',
        element: (
          <RequirePermission permission="work-metrics:read">
            <SopPage />
          </RequirePermission>
        ),
      },
      {
        path: 'work/coverage',
        element: (
          <RequirePermission permission="work-metrics:read">
            <CoveragePage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/webhooks',
        element: (
          <RequirePermission permission="webhooks:read">
            <WebhooksPage />
          </RequirePermission>
        ),
      },
      { path: 'admin/keys', element: <KeysPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
