import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScorecardDefinition } from '@northstar/contracts';
import {
  diffDefinitions,
  draftToDefinition,
  formatChangeValue,
  groupShares,
  measureShareInGroup,
  newMeasureDraft,
  normaliseProblemPath,
  parseNumberList,
  scorecardToDraft,
  switchTransformType,
  toSaveBody,
} from './scorecard-draft';

const enterprise: ScorecardDefinition = {
  id: 'enterprise',
  name: 'Enterprise accounts',
  groups: { outcome: { weight: 70 }, experience: { weight: 30 } },
  measures: [
    {
      key: 'seat_utilisation',
      label: { en: 'active users', 'zh-CN': '活跃用户' },
      group: 'outcome',
      weight: 60,
      kind: 'seat_utilisation',
      transform: { type: 'linear', direction: 'higher_is_better', min: 10, max: 80 },
    },
    {
      key: 'north_star',
      label: { en: 'north star', 'zh-CN': '北极星指标' },
      group: 'outcome',
      weight: 40,
      kind: 'north_star',
      transform: { type: 'linear', direction: 'higher_is_better', min: 0, max: 100 },
      northStar: { event: 'report_sent', aggregate: 'sum', property: 'pages' },
    },
    {
      key: 'nps',
      label: { en: 'NPS', 'zh-CN': 'NPS' },
      group: 'experience',
      weight: 40,
      kind: 'nps',
      transform: { type: 'thresholds', direction: 'higher_is_better', cuts: [5, 7, 9], scores: [0, 40, 75, 100] },
    },
  ],
  applicability: { tiers: ['S'], priority: 20 },
};

describe('scorecard draft', () => {
  it('round-trips a scorecard through the editor unchanged', () => {
    const { definition, problems } = draftToDefinition(scorecardToDraft(enterprise));
    assert.deepEqual(problems, []);
    assert.deepEqual(definition, enterprise);
    assert.deepEqual(diffDefinitions(enterprise, definition), []);
  });

  it('names each field it cannot read as a number by the API path', () => {
    const draft = scorecardToDraft(enterprise);
    draft.outcomeWeight = 'eighty';
    draft.measures[2]!.cuts = '5, x, 9';
    draft.measures[1]!.northStarEvent = ' ';
    assert.deepEqual(draftToDefinition(draft).problems, [
      { path: 'measures[1].northStar.event', problem: 'required' },
      { path: 'measures[2].transform.cuts', problem: 'numberList' },
      { path: 'groups.outcome.weight', problem: 'number' },
    ]);
  });

  it('reads number lists separated by commas, spaces or Chinese commas', () => {
    assert.deepEqual(parseNumberList('5, 7 ,9'), [5, 7, 9]);
    assert.deepEqual(parseNumberList('-30，−10 10'), [-30, -10, 10]);
    assert.equal(parseNumberList(''), undefined);
    assert.equal(parseNumberList('1, two'), undefined);
  });

  it('describes an edit in the server diff vocabulary', () => {
    const draft = scorecardToDraft(enterprise);
    draft.measures[2]!.weight = '55';
    draft.outcomeWeight = '80';
    draft.measures.splice(0, 1);
    draft.measures.push(
      newMeasureDraft(
        'csat',
        draft.measures.map((m) => m.key),
        { en: 'CSAT', zh: '满意度' },
      ),
    );
    const changes = diffDefinitions(enterprise, draftToDefinition(draft).definition);
    assert.deepEqual(
      changes.map((c) => [c.path, c.kind, c.kind === 'changed' ? c.from : null, c.kind === 'changed' ? c.to : null]),
      [
        ['groups.outcome.weight', 'changed', 70, 80],
        ['measures.seat_utilisation', 'removed', null, null],
        ['measures.nps.weight', 'changed', 40, 55],
        ['measures.csat', 'added', null, null],
      ],
    );
  });

  it('ignores the order of applicability lists when diffing', () => {
    const a = { ...enterprise, applicability: { tiers: ['S', 'A'] as ('S' | 'A')[], priority: 1 } };
    const b = { ...enterprise, applicability: { tiers: ['A', 'S'] as ('S' | 'A')[], priority: 1 } };
    assert.deepEqual(diffDefinitions(a, b), []);
  });

  it('builds the save body without the id and with the base version', () => {
    const body = toSaveBody(enterprise, 3, '  NPS weighs more ');
    assert.equal('id' in body, false);
    assert.equal(body.baseVersion, 3);
    assert.equal(body.note, 'NPS weighs more');
    assert.equal('note' in toSaveBody(enterprise, 3, ''), false);
  });

  it('gives new measures an unused key, the group of their kind and a starting transform', () => {
    const nps = newMeasureDraft('nps', ['nps', 'nps_2'], { en: 'NPS', zh: 'NPS' });
    assert.equal(nps.key, 'nps_3');
    assert.equal(nps.group, 'experience');
    assert.equal(nps.transformType, 'thresholds');
    const northStar = newMeasureDraft('north_star', [], { en: 'North star', zh: '北极星指标' });
    assert.equal(northStar.group, 'outcome');
    assert.equal(
      draftToDefinition({ ...scorecardToDraft(enterprise), measures: [northStar] }).problems[0]?.path,
      'measures[0].northStar.event',
    );
  });

  it('offers falling scores when switching a lower-is-better measure to thresholds', () => {
    const tickets = { ...newMeasureDraft('days_since_key_contact', [], { en: 'Days', zh: '天数' }) };
    const switched = switchTransformType(tickets, 'thresholds');
    assert.equal(switched.cuts, '14, 90');
    assert.equal(switched.scores, '100, 50, 0');
  });

  it('shows the CO/CX blend and each measure’s share of its group', () => {
    assert.deepEqual(groupShares({ outcomeWeight: '70', experienceWeight: '30' }), { outcome: 70, experience: 30 });
    assert.equal(groupShares({ outcomeWeight: '0', experienceWeight: '0' }), null);
    const measures = scorecardToDraft(enterprise).measures;
    assert.equal(measureShareInGroup(measures, 0), 60);
    assert.equal(measureShareInGroup(measures, 2), 100);
  });

  it('formats changed values for the history in one short line', () => {
    assert.equal(formatChangeValue(25), '25');
    assert.equal(formatChangeValue(['S', 'A']), 'S, A');
    assert.equal(formatChangeValue(null), '—');
    assert.equal(formatChangeValue(enterprise.measures[0]), 'seat_utilisation (outcome, 60)');
  });
});

describe('scorecard problem paths', () => {
  it('maps the API’s field names onto the editor’s fields', () => {
    assert.equal(normaliseProblemPath('/measures/2/transform/min'), 'measures[2].transform.min');
    assert.equal(normaliseProblemPath('body.measures[2].transform.cuts[1]'), 'measures[2].transform.cuts');
    assert.equal(normaliseProblemPath('/scorecard/groups/outcome/weight'), 'groups.outcome.weight');
    assert.equal(normaliseProblemPath('name'), 'name');
  });
});
