import type { Role } from '@northstar/contracts';

/**
 * A workspace must always keep one active admin, or nobody could manage people and keys again.
 * Pure: the caller passes the current admin count.
 */
export function wouldRemoveLastAdmin(
  current: { role: Role; active: boolean },
  next: { role?: Role; active?: boolean; removed?: boolean },
  activeAdmins: number,
): boolean {
  const isAdminNow = current.role === 'admin' && current.active;
  if (!isAdminNow) return false;
  const staysAdmin = !next.removed && (next.role ?? current.role) === 'admin' && (next.active ?? current.active);
  return !staysAdmin && activeAdmins <= 1;
}
