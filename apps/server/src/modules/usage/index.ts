export {
  createUsageService,
  OverloadedError,
  type UsageService,
  type IngestResult,
  type RejectedEvent,
  type UsageOptions,
} from './usage.service';
export { trackingRoutes } from './tracking.routes';
export { usageEvents } from './usage-events.table';
export { USAGE_DEDUP_RETENTION_DAYS } from './usage-retention';
export { retryWhenOverloaded } from './retry-when-overloaded';
