import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateExperienceValues, type ExperienceObservation } from './calculate-experience-values';

const at = (date: string) => Date.parse(`${date}T10:00:00Z`);
const endOf = (date: string) => Date.parse(`${date}T00:00:00Z`) + 86_400_000;
const o = (kind: string, value: number, date: string, accountId = 'a', customKey = ''): ExperienceObservation => ({
  accountId,
  kind,
  customKey,
  value,
  observedAt: at(date),
});

describe('calculateExperienceValues', () => {
  const inputs = [
    o('nps', 9, '2026-01-10'),
    o('nps', 4, '2026-03-20'),
    o('nps', 2, '2026-05-20'),
    o('csm_sentiment', 4, '2026-02-01'),
    o('csm_sentiment', 2, '2026-04-01'),
    o('custom', 7, '2026-04-01', 'a', 'renewal_intent'),
    o('support_tickets', 3, '2024-12-01', 'b'),
  ];

  it('averages the latest survey round and takes the latest value of other kinds, as of a date', () => {
    const values = calculateExperienceValues(inputs, endOf('2026-04-30')).get('a')!;
    assert.equal(values.get('nps'), 6.5, 'Jan 10 and Mar 20 are within 90 days of the latest answer');
    assert.equal(values.get('csm_sentiment'), 2);
    assert.equal(values.get('custom:renewal_intent'), 7);
  });

  it('ignores what was observed after the date and what is more than a year old', () => {
    const values = calculateExperienceValues(inputs, endOf('2026-02-15'));
    assert.equal(values.get('a')!.get('nps'), 9);
    assert.equal(values.get('a')!.get('csm_sentiment'), 4);
    assert.equal(values.get('b'), undefined, 'the ticket count is from more than a year before');
  });
});
