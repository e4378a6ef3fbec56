import { systemClock, type Clock } from './platform/clock';
import type { Database } from './platform/db/database';
import { createAccountsService } from './modules/accounts';
import { createApiKeysService } from './modules/api-keys';
import { createAuthService } from './modules/auth';
import { createImportsService } from './modules/imports';
import { createDemoService, DEMO_NORTH_STAR } from './modules/demo';
import { createTiersService } from './modules/tiers';
import { createHealthService } from './modules/health';
import { createSegmentsService } from './modules/segments';
import { createLifecycleService } from './modules/lifecycle';
import { createTimelineService } from './modules/timeline';
import { createTasksService } from './modules/tasks';
import { createPlaybooksService } from './modules/playbooks';
import { createOpenCtaFinder, createRulesService } from './modules/rules';
import { createWebhooksService } from './modules/webhooks';
import { createJobKicks } from './platform/jobs/job-kicks';
import { createNotificationsService } from './modules/notifications';
import { createWorkMetricsService } from './modules/work-metrics';
import { createCoverageService } from './modules/coverage';
import { createUsersService } from './modules/users';
import { createUsageService } from './modules/usage';
import { createUsageAnalyticsService } from './modules/usage-analytics';
import { createWorkspacesService, setupWorkspace, type SetupInput } from './modules/workspaces';

/**
 * Every module's service, wired by hand. The HTTP app and the CLI both start here, so a command
 * and an endpoint run the same use case.
 */
export function createServices({ database, clock = systemClock }: { database: Database; clock?: Clock }) {
  const workspaces = createWorkspacesService({ database });
  const users = createUsersService({ database, clock });
  const apiKeys = createApiKeysService({ database, clock });
  const auth = createAuthService({ database, clock, users, workspaces, apiKeys });
  const lifecycle = createLifecycleService({ database, clock });
  const accounts = createAccountsService({ database, clock, lifecycle });
  const usage = createUsageService({ database, clock, apiKeys });
  const usageAnalytics = createUsageAnalyticsService({ database, clock });
  const imports = createImportsService({
    database,
    clock,
    iterateAccounts: accounts.iterateAccounts,
    usage: { ingestEvents: usage.ingestEvents, rollUpNewEvents: usageAnalytics.rollUpNewEvents },
    afterRecordsWritten: (workspaceId) => lifecycle.evaluateStageRules(workspaceId),
  });
  const health = createHealthService({ database, clock });
  const tiers = createTiersService({
    database,
    clock,
    loadEngagement: usageAnalytics.loadSeatEngagement,
    loadHealth: health.loadLatestScores,
  });
  const segments = createSegmentsService({
    database,
    clock,
    accounts: {
      listAccounts: accounts.listAccounts,
      countAccounts: accounts.countAccounts,
      listAccountIds: accounts.listAccountIds,
      exportAccountsCsv: imports.exportAccountsCsv,
    },
  });
  // Work (issue #7): timeline, tasks and CTAs, playbooks, notifications, SOP metrics, coverage.
  const timeline = createTimelineService({ database, clock });
  const tasks = createTasksService({ database, clock });
  const notifications = createNotificationsService({ database, clock });
  // Jobs services ask for "as soon as possible" (a webhook to send, rules to evaluate); attached in registerJobs.
  const kicks = createJobKicks();
  const webhooks = createWebhooksService({ database, clock, kicks });
  const playbooks = createPlaybooksService({
    database,
    clock,
    accounts: {
      getAccount: accounts.getAccount,
      updateAccount: accounts.updateAccount,
      listCustomFields: accounts.listCustomFields,
    },
    lifecycle: { setStage: lifecycle.setStage },
    enqueueWebhook: webhooks.enqueueWebhook,
    validateWebhookTarget: webhooks.validateWebhookTarget,
  });
  const rules = createRulesService({
    database,
    clock,
    kicks,
    ports: {
      startPlaybook: playbooks.startPlaybook,
      findOpenCtas: createOpenCtaFinder(tasks.listOpenCtas),
      hasPlaybook: (workspaceId, id) =>
        playbooks.getPlaybook(workspaceId, id).then(
          (p) => p.archivedAt === null,
          () => false,
        ),
      hasSegment: (viewer, id) =>
        segments.getSegment({ workspaceId: viewer.workspaceId, userId: viewer.userId ?? '' }, id).then(
          () => true,
          () => false,
        ),
    },
  });
  const workMetrics = createWorkMetricsService({ database, clock });
  const coverage = createCoverageService({ database, clock });
  return {
    database,
    clock,
    workspaces,
    users,
    apiKeys,
    auth,
    accounts,
    imports,
    tiers,
    segments,
    lifecycle,
    usage,
    usageAnalytics,
    health,
    timeline,
    tasks,
    notifications,
    playbooks,
    kicks,
    webhooks,
    rules,
    workMetrics,
    coverage,
    setupWorkspace: (input: SetupInput) => setupWorkspace({ database, workspaces, users, apiKeys }, input),
    demo: createDemoService({
      database,
      clock,
      workspaces,
      users,
      apiKeys,
      usage: {
        ingestEvents: usage.ingestEvents,
        createFeature: usageAnalytics.createFeature,
        rollUpNewEvents: usageAnalytics.rollUpNewEvents,
      },
      // The demo's accounts arrive with explained tiers and dated stage history, as if the
      // scheduled jobs had already run.
      afterBuild: async (workspaceId, today) => {
        await tiers.recomputeTiers(workspaceId, { today });
        // As of the demo's reference date, which a test may set apart from the clock.
        await lifecycle.evaluateStageRules(workspaceId, { today });
        // The demo product's north star, then 90 days of daily health history, so the account
        // page opens on a trend (issue #5).
        await health.setNorthStarSource(workspaceId, null, DEMO_NORTH_STAR, { note: 'north star: orders processed', skipRescore: true });
        await health.rebuildHealth(workspaceId, { days: 90, to: today, allowFuture: true });
        // Again, now that health exists: accounts without usage fall back to it for engagement,
        // so the demo ends in the state the hourly job would leave it in.
        await tiers.recomputeTiers(workspaceId, { today });
        // Last: the demo's rules react to changes after the build, not to the build's own events.
        await rules.followEventsFromNow(workspaceId);
      },
      deleteWorkspaceData: usage.deleteWorkspaceUsage,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
