import { Type } from 'typebox';

export const ROLES = ['admin', 'manager', 'csm', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Enum(['admin', 'manager', 'csm', 'viewer']);

/**
 * What each role may do. Viewers read; CSMs work their accounts; managers also run the team's
 * configuration; admins manage people and keys. Kept here so the web UI hides what the API refuses.
 */
export const PERMISSIONS = {
  'workspace:read': ['admin', 'manager', 'csm', 'viewer'],
  'workspace:manage': ['admin'],
  'users:read': ['admin', 'manager', 'csm', 'viewer'],
  'users:manage': ['admin'],
  'tokens:own': ['admin', 'manager', 'csm', 'viewer'],
  'write-keys:manage': ['admin'],
  'accounts:read': ['admin', 'manager', 'csm', 'viewer'],
  'accounts:write': ['admin', 'manager', 'csm'],
  'accounts:delete': ['admin', 'manager'],
  'accounts:import': ['admin', 'manager'],
  'custom-fields:manage': ['admin', 'manager'],
  'features:manage': ['admin', 'manager'],
  'tiers:manage': ['admin', 'manager'],
  'lifecycle:manage': ['admin'],
  'segments:write': ['admin', 'manager', 'csm'],
  'rules:read': ['admin', 'manager', 'csm', 'viewer'],
  'rules:manage': ['admin', 'manager'],
  // Receiver URLs can carry secrets (chat webhooks embed a token): admins and managers only.
  'webhooks:read': ['admin', 'manager'],
  'webhooks:manage': ['admin', 'manager'],
  // Health (issue #5): everyone reads scores; CSMs record experience inputs and targets; admins own scorecards.
  'health:read': ['admin', 'manager', 'csm', 'viewer'],
  'health:inputs': ['admin', 'manager', 'csm'],
  'health:manage': ['admin'],
  // Work (issue #7): CSMs log touches and work their own tasks; managers see and act on the team's;
  // admins edit playbooks; viewers read timelines, tasks and the execution/coverage reports.
  'touches:write': ['admin', 'manager', 'csm'],
  'tasks:write': ['admin', 'manager', 'csm'],
  'tasks:manage-team': ['admin', 'manager'],
  'playbooks:manage': ['admin'],
  'playbooks:run': ['admin', 'manager', 'csm'],
  'work-metrics:read': ['admin', 'manager', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
