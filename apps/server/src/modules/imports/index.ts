export { createImportsService, type ImportsService } from './imports.service';
export { importsRoutes, toImportFailedResponse } from './imports.routes';
export type { ImportOptions, OpenCsv } from './import-records';
export { EVENT_FILE_FORMATS, detectEventFileFormat, type EventFileFormat } from './read-event-records';
export type { UsageEventsImportReport } from './import-usage-events';
