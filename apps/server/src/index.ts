export { loadConfig, ConfigError, type Config } from './config';
export { startServer, openMigratedDatabase, DEFAULT_WEB_DIST, type RunningServer } from './main';
export { createServices, type Services } from './services';
export { migrateDatabase, DatabaseTooNewError, MIGRATIONS_FOLDER } from './platform/db/migrate';
export { openDatabase, type Database } from './platform/db/database';
export { DataDirLockedError, readLiveLock, updateLockInfo } from './platform/db/data-dir-lock';
export { AppError } from './platform/errors';
export { DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_SEED, type DemoSummary } from './modules/demo';
export { EVENT_FILE_FORMATS, detectEventFileFormat, type EventFileFormat, type UsageEventsImportReport } from './modules/imports';
