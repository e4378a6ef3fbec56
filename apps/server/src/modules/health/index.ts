export { createHealthService, type HealthService, type HealthChangeNotifier } from './health.service';
export { healthRoutes } from './health.routes';
export { healthScorecardsRoutes } from './health-scorecards.routes';
export { registerHealthJobs, HEALTH_RECOMPUTE_JOB } from './health.jobs';
