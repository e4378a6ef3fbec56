import { roleCan, type Role } from '@northstar/contracts';

export type WorkActor = { workspaceId: string; userId: string; role: Role };

/**
 * A CSM edits and deletes the touches they logged; managers and admins tidy anyone's (a touch
 * logged on the wrong account, a typo in a colleague's note).
 */
export function canEditTouch(actor: Pick<WorkActor, 'userId' | 'role'>, touch: { authorId: string | null }): boolean {
  if (!roleCan(actor.role, 'touches:write')) return false;
  return actor.role === 'admin' || actor.role === 'manager' || touch.authorId === actor.userId;
}
