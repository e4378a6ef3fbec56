import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  bandTone,
  coveragePercent,
  defaultExplanationRange,
  formatAuc,
  formatPoints,
  formatRaw,
  formatScore,
  healthBandFilter,
  localToday,
  toggleBand,
} from './health-view-model';

describe('health view model', () => {
  it('shows no data as grey, never as red', () => {
    assert.equal(bandTone(null), 'neutral');
    assert.equal(bandTone(undefined), 'neutral');
    assert.equal(bandTone('red'), 'red');
    assert.equal(bandTone('yellow'), 'amber');
    assert.equal(bandTone('green'), 'green');
  });

  it('rounds scores to whole points and leaves no data empty rather than 0', () => {
    assert.equal(formatScore(72.6), '73');
    assert.equal(formatScore(0), '0');
    assert.equal(formatScore(null), '');
  });

  it('signs points with a real minus and one decimal', () => {
    assert.equal(formatPoints(-14.04), '−14');
    assert.equal(formatPoints(3.25), '+3.3');
    assert.equal(formatPoints(-0.04), '0');
    assert.equal(formatPoints(null), '');
  });

  it('reads coverage as whole percent, clamped to 0–100', () => {
    assert.equal(coveragePercent(0.666), 67);
    assert.equal(coveragePercent(1.2), 100);
    assert.equal(coveragePercent(-1), 0);
  });

  it('formats AUC to two decimals and leaves an unknown AUC empty', () => {
    assert.equal(formatAuc(0.7349), '0.73');
    assert.equal(formatAuc(null), '');
  });

  it('adds calendar days across month and year ends without time-zone drift', () => {
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-05-15', -30), '2026-04-15');
    assert.throws(() => addDays('15/05/2026', 1));
  });

  it('compares 30 days before the latest snapshot with it, or with today before any snapshot', () => {
    assert.deepEqual(defaultExplanationRange('2026-05-10', '2026-05-11'), { from: '2026-04-10', to: '2026-05-10' });
    assert.deepEqual(defaultExplanationRange(null, '2026-05-11'), { from: '2026-04-11', to: '2026-05-11' });
  });

  it('takes today from the local calendar', () => {
    assert.equal(localToday(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('formats raw values with a sign only where the unit is a change', () => {
    assert.equal(formatRaw('usage_trend', 12.34), '+12.3');
    assert.equal(formatRaw('usage_trend', -40), '−40');
    assert.equal(formatRaw('seat_utilisation', 44), '44');
    assert.equal(formatRaw('nps', null), '');
  });

  it('filters the list by bands through metric.healthBand, and not at all with no band chosen', () => {
    assert.equal(healthBandFilter([]), undefined);
    assert.deepEqual(JSON.parse(healthBandFilter(['red', 'yellow'])!), {
      op: 'and',
      conditions: [{ field: 'metric.healthBand', operator: 'in', value: ['red', 'yellow'] }],
    });
  });

  it('toggles bands in a stable red, yellow, green order', () => {
    assert.deepEqual(toggleBand(['green'], 'red'), ['red', 'green']);
    assert.deepEqual(toggleBand(['red', 'green'], 'red'), ['green']);
  });
});
