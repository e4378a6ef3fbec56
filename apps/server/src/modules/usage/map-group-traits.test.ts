import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapGroupTraits } from './map-group-traits';

describe('mapGroupTraits', () => {
  it('maps reserved group traits and their common spellings onto account fields', () => {
    assert.deepEqual(
      mapGroupTraits({
        name: ' Acme ',
        plan: 'Enterprise',
        seats: 40,
        employees: '1200',
        industry: 'SaaS',
        website: 'https://www.acme.io/about',
      }),
      {
        name: 'Acme',
        plan: 'Enterprise',
        licensedSeats: 40,
        employees: 1200,
        industry: 'SaaS',
        domain: 'acme.io',
      },
    );
    assert.equal(mapGroupTraits({ licensedSeats: 5 }).licensedSeats, 5);
    assert.equal(mapGroupTraits({ employee_count: 9 }).employees, 9);
    assert.equal(mapGroupTraits({ domain: 'acme.cn' }).domain, 'acme.cn');
  });
  it('ignores values that do not fit the field', () => {
    assert.deepEqual(mapGroupTraits({ name: 7, plan: '', seats: -1, employees: 1.5, website: 'not a url at all' }), {
      name: null,
      plan: null,
      licensedSeats: null,
      employees: null,
      industry: null,
      domain: null,
    });
    assert.equal(mapGroupTraits(null).name, null);
  });
});
