export { createCoverageService, DEFAULT_STALE_DAYS, type CoverageService } from './coverage.service';
export { coverageRoutes } from './coverage.routes';
export { COVERAGE_THRESHOLDS } from './calculate-coverage';
export { calculateCoverage, type CoverageAccount, type StageEffort, type StageStay } from './calculate-coverage';
