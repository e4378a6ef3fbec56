import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Account } from '@northstar/contracts';
import { toAccountForm, toAccountPatch } from './account-form';

const account: Account = {
  id: '00000000-0000-4000-8000-000000000001',
  externalId: 'crm-1',
  name: 'Acme',
  domain: 'acme.test',
  industry: null,
  employees: 120,
  region: null,
  plan: 'Growth',
  arr: 120000,
  mrr: 10000,
  currency: 'USD',
  contractStart: null,
  renewalDate: '2027-03-31',
  licensedSeats: null,
  ownerId: null,
  ownerName: null,
  tier: 'A',
  lifecycleStage: 'stable',
  status: 'active',
  churnDate: null,
  churnReason: null,
  tags: ['upsell', 'apac'],
  customFields: {},
  contactCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('account edit form', () => {
  it('sends only the fields that changed', () => {
    const form = { ...toAccountForm(account), plan: 'Enterprise' };
    assert.deepEqual(toAccountPatch(account, form), { plan: 'Enterprise' });
  });

  it('clears an emptied field and parses numbers and tags', () => {
    const form = { ...toAccountForm(account), domain: '', employees: '1,500', arr: '99000.5', tags: 'upsell, risk, risk', currency: 'cny' };
    assert.deepEqual(toAccountPatch(account, form), {
      domain: null,
      employees: 1500,
      arr: 99000.5,
      tags: ['upsell', 'risk'],
      currency: 'CNY',
    });
  });

  it('passes a malformed number through for the API to reject by field', () => {
    const form = { ...toAccountForm(account), licensedSeats: 'ten' };
    assert.deepEqual(toAccountPatch(account, form), { licensedSeats: 'ten' });
  });
});
