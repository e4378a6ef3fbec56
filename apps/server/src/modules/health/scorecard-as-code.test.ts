import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScorecardDefinition } from '@northstar/contracts';
import { defaultScorecards } from './default-scorecards';
import { parseScorecard, serialiseScorecard } from './scorecard-as-code';
import { toStoredScorecard } from './stored-scorecard';

const definition: ScorecardDefinition = { id: 'key-account', ...toStoredScorecard(defaultScorecards()[1]!) } as ScorecardDefinition;

describe('scorecards as code', () => {
  for (const format of ['json', 'yaml'] as const) {
    it(`round-trips a scorecard through ${format}, Chinese labels included`, () => {
      const text = serialiseScorecard(definition, format);
      assert.match(text, /活跃用户/);
      const parsed = parseScorecard(text, format);
      assert.ok('definition' in parsed, JSON.stringify(parsed));
      assert.deepEqual(parsed.definition, definition);
    });
  }

  it('names the field of a wrong value inside the file', () => {
    const text = serialiseScorecard(definition, 'yaml').replace('weight: 70', 'weight: lots');
    const parsed = parseScorecard(text, 'yaml');
    assert.ok('problems' in parsed);
    assert.deepEqual(
      parsed.problems.map((p) => p.field),
      ['content.groups.outcome.weight'],
    );
  });

  it('points at the line of a YAML syntax error and rejects unknown fields', () => {
    const broken = parseScorecard('id: x\nname: [unclosed\n', 'yaml');
    assert.ok('problems' in broken);
    assert.match(broken.problems[0]!.problem, /line \d+/);
    const unknown = parseScorecard(JSON.stringify({ ...definition, colour: 'blue' }), 'json');
    assert.ok('problems' in unknown);
    assert.equal(unknown.problems[0]!.field, 'content.colour');
  });
});
