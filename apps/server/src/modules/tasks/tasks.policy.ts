import { roleCan, type Role } from '@northstar/contracts';

export type WorkActor = { workspaceId: string; userId: string; role: Role };

/** Managers and admins run the team's work; everyone else only their own. */
export function canManageTeamWork(actor: Pick<WorkActor, 'role'>): boolean {
  return roleCan(actor.role, 'tasks:manage-team');
}

/** A CSM works the tasks and CTAs they own, and picks up unowned ones; managers and admins any. */
export function canActOn(actor: Pick<WorkActor, 'userId' | 'role'>, item: { ownerId: string | null }): boolean {
  if (!roleCan(actor.role, 'tasks:write')) return false;
  return canManageTeamWork(actor) || item.ownerId === null || item.ownerId === actor.userId;
}

/** A CSM gives work only to themselves; managers and admins assign anyone (or no one). */
export function canAssign(actor: Pick<WorkActor, 'userId' | 'role'>, ownerId: string | null): boolean {
  if (!roleCan(actor.role, 'tasks:write')) return false;
  return canManageTeamWork(actor) || ownerId === actor.userId;
}
