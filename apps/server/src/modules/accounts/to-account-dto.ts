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
    health: toHealthSummary(row.health),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
  };
}

// json_build_object arrives parsed from both drivers; a real score is rounded back to the one decimal it was stored with.
function toHealthSummary(value: AccountRow['health'] | string): Account['health'] {
  const health = typeof value === 'string' ? (JSON.parse(value) as AccountRow['health']) : value;
  if (!health) return null;
  return { score: health.score === null ? null : Math.round(Number(health.score) * 10) / 10, band: health.band, date: health.date };
}
