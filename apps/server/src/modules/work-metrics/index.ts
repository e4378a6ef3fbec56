export { createWorkMetricsService, type WorkMetricsService } from './work-metrics.service';
export { workMetricsRoutes } from './work-metrics.routes';
export { SOP_THRESHOLDS } from './calculate-sop-metrics';
export { calculatePeriod } from './calculate-period';
export { calculateSopMetrics, type ExecutedTask } from './calculate-sop-metrics';
