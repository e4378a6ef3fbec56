export * from './schema-helpers';
export * from './errors';
export * from './roles';
export * from './identity';
export * from './accounts';
export * from './imports';
