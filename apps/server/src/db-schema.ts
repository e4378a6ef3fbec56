// Every table of every module, gathered for drizzle-kit (migration generation) and for typed
// relational queries. Modules own their tables; this file only lists them.
export * from './modules/workspaces/workspaces.schema';
export * from './modules/users/users.schema';
export * from './modules/auth/auth.schema';
export * from './modules/api-keys/api-keys.schema';
export * from './modules/accounts/accounts.schema';
export * from './modules/usage/usage.schema';
