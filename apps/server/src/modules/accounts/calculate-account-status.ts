import type { AccountStatus, ErrorDetail } from '@northstar/contracts';

export type ChurnFields = { status: AccountStatus; churnDate: string | null; churnReason: string | null };
export type ChurnPatch = { status?: AccountStatus; churnDate?: string | null; churnReason?: string | null };

/** Days a soft-deleted account can still be restored. */
export const RESTORE_WINDOW_DAYS = 30;

/**
 * The status fields after a change. A churned account must say when it churned (revenue
 * reports count churn by date); moving back to active clears the churn facts so a won-back
 * customer is not reported as lost.
 */
export function calculateChurnFields(current: ChurnFields, patch: ChurnPatch): { fields: ChurnFields } | { error: ErrorDetail } {
  const status = patch.status ?? current.status;
  if (patch.status === 'active') return { fields: { status, churnDate: null, churnReason: null } };
  const fields: ChurnFields = {
    status,
    churnDate: patch.churnDate !== undefined ? patch.churnDate : current.churnDate,
    churnReason: patch.churnReason !== undefined ? patch.churnReason : current.churnReason,
  };
  if (status === 'churned' && !fields.churnDate) {
    return { error: { field: 'churnDate', location: 'body', problem: 'is required when status is churned' } };
  }
  return { fields };
}

/** A deleted account can be restored until RESTORE_WINDOW_DAYS have passed, inclusive. */
export function isRestorable(deletedAt: Date, now: Date): boolean {
  return now.getTime() - deletedAt.getTime() <= RESTORE_WINDOW_DAYS * 24 * 3600 * 1000;
}
