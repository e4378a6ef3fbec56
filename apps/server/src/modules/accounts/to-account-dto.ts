import type { Account } from '@northstar/contracts';
import type { AccountRow } from './accounts.repository';
import { calculateMrr, parseMoney } from './calculate-account-money';

export function toAccountDto(row: AccountRow): Account {
  const arr = parseMoney(row.arr);
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    employees: row.employees,
    region: row.region,
    plan: row.plan,
    arr,
    mrr: calculateMrr(arr),
    currency: row.currency,
    contractStart: row.contractStart,
    renewalDate: row.renewalDate,
    licensedSeats: row.licensedSeats,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    tier: row.tier,
    lifecycleStage: row.lifecycleStage,
    status: row.status,
    churnDate: row.churnDate,
    churnReason: row.churnReason,
    tags: row.tags,
    customFields: row.customFields,
    contactCount: Number(row.contactCount),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
  };
}
