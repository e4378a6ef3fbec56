export { compileAccountFilter, loadFilterCatalogue, assertFilterExpression } from './compile-account-filter';
export { createSegmentsService, type SegmentsService, type SegmentAccountsPort } from './segments.service';
export { segmentsRoutes } from './segments.routes';
export type { FilterGroup, FilterField } from './filter-expression';
