export { createImportsService, type ImportsService } from './imports.service';
export { importsRoutes, toImportFailedResponse } from './imports.routes';
export type { ImportOptions, OpenCsv } from './import-records';
