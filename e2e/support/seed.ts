import type { Account } from '@northstar/contracts';
import type { TestServer } from './server';

/**
 * A small, varied book of business: two S-tier accounts, one per other tier, two currencies.
 * Renewal dates lie years ahead: the lifecycle rules run as each account is saved, and a renewal
 * date in the past (or within 90 days) would move the account to churned (or renewal) at once.
 */
export const SEED_ACCOUNTS = [
  {
    name: 'Acme Logistics',
    externalId: 'crm-001',
    domain: 'acme-logistics.example',
    industry: 'Logistics',
    plan: 'Growth',
    arr: 240000,
    currency: 'USD',
    renewalDate: '2031-03-31',
    tier: 'S',
    lifecycleStage: 'stable',
    tags: ['expansion'],
  },
  {
    name: 'Evergreen Bank',
    externalId: 'crm-002',
    domain: 'evergreen.example',
    industry: 'Finance',
    plan: 'Enterprise',
    arr: 1800000,
    currency: 'CNY',
    renewalDate: '2030-11-15',
    tier: 'S',
    lifecycleStage: 'renewal',
    tags: ['key-account'],
  },
  {
    name: 'Beacon Health',
    externalId: 'crm-003',
    domain: 'beacon.example',
    industry: 'Healthcare',
    plan: 'Growth',
    arr: 96000,
    currency: 'USD',
    renewalDate: '2030-09-01',
    tier: 'A',
    lifecycleStage: 'rollout',
    tags: [],
  },
  {
    name: 'Cedar Retail',
    externalId: 'crm-004',
    domain: 'cedar.example',
    industry: 'Retail',
    plan: 'Starter',
    arr: 42000,
    currency: 'USD',
    renewalDate: '2030-08-20',
    tier: 'B',
    lifecycleStage: 'onboarding',
    tags: ['at-risk'],
  },
  {
    name: 'Delta Foods',
    externalId: 'crm-005',
    domain: 'delta-foods.example',
    industry: 'Food',
    plan: 'Starter',
    arr: 12000,
    currency: 'USD',
    renewalDate: '2031-01-10',
    tier: 'C',
    lifecycleStage: 'handoff',
    tags: [],
  },
] as const;

export async function seedAccounts(server: TestServer): Promise<Map<string, Account>> {
  const byName = new Map<string, Account>();
  for (const account of SEED_ACCOUNTS) {
    const created = await server.api<Account>('POST', '/accounts', account);
    byName.set(created.name, created);
  }
  const acme = byName.get('Acme Logistics')!;
  await server.api('POST', `/accounts/${acme.id}/contacts`, {
    name: 'Li Wei',
    email: 'li.wei@acme-logistics.example',
    title: 'VP Operations',
    role: 'champion',
    isKeyPerson: true,
    relationshipStrength: 4,
  });
  return byName;
}
