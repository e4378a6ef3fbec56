// Every table of every module, gathered for drizzle-kit (migration generation) and for typed
// relational queries. Modules own their tables; this file only lists them.
export * from './modules/workspaces/workspaces.schema';
export * from './modules/users/users.schema';
export * from './modules/auth/auth.schema';
export * from './modules/api-keys/api-keys.schema';
export * from './modules/accounts/accounts.schema';
export * from './modules/usage/usage.schema';
export * from './modules/domain-events/domain-events.schema';
export * from './modules/tiers/tiers.schema';
export * from './modules/segments/segments.schema';
export * from './modules/lifecycle/lifecycle.schema';
export * from './modules/usage-analytics/usage-analytics.schema';
export * from './modules/timeline/timeline.schema';
export * from './modules/tasks/tasks.schema';
export * from './modules/playbooks/playbooks.schema';
export * from './modules/notifications/notifications.schema';
export * from './modules/rules/rules.schema';
export * from './modules/webhooks/webhooks.schema';
export * from './modules/health/health.schema';
