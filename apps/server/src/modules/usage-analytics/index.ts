export { createUsageAnalyticsService, type UsageAnalyticsService } from './usage-analytics.service';
export { usageAnalyticsRoutes } from './usage-analytics.routes';
export { SETTLE_MARGIN_MS } from './roll-up-usage';
export { registerUsageRollupJob, USAGE_ROLLUP_JOB } from './usage-rollup.job';
