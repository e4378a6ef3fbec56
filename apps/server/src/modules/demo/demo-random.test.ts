import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, inverseNormal } from './demo-random';

const draw = (seed: number, stream: string, n = 5) => {
  const random = createRandom(seed, stream);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    assert.deepEqual(draw(7, 'accounts'), draw(7, 'accounts'));
  });

  it('gives different sequences for another seed or another stream', () => {
    assert.notDeepEqual(draw(7, 'accounts'), draw(8, 'accounts'));
    assert.notDeepEqual(draw(7, 'accounts'), draw(7, 'contacts'));
  });

  it('stays in [0, 1) and spreads evenly over ten buckets', () => {
    const random = createRandom(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = random.next();
      assert.ok(x >= 0 && x < 1);
      buckets[Math.floor(x * 10)]! += 1;
    }
    for (const count of buckets) assert.ok(Math.abs(count - 10_000) < 500, `bucket holds ${count}`);
  });

  it('draws integers within both bounds, reaching each', () => {
    const random = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(2, 5));
    assert.deepEqual([...seen].sort(), [2, 3, 4, 5]);
  });

  it('picks by weight', () => {
    const random = createRandom(4);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        random.weighted([
          ['heavy', 3],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    assert.ok(heavy > 7_200 && heavy < 7_800, `heavy picked ${heavy} times`);
  });

  it('shuffles without losing or duplicating items', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom(5).shuffle(items);
    assert.notDeepEqual(shuffled, items);
    assert.deepEqual(
      [...shuffled].sort((a, b) => a - b),
      items,
    );
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const random = createRandom(6);
    const xs = Array.from({ length: 50_000 }, () => random.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 0.03, `variance ${variance}`);
  });
});

describe('inverseNormal', () => {
  it('matches known quantiles of the standard normal', () => {
    assert.equal(inverseNormal(0.5), 0);
    assert.ok(Math.abs(inverseNormal(0.975) - 1.959964) < 1e-6);
    assert.ok(Math.abs(inverseNormal(0.001) + 3.090232) < 1e-6);
  });

  it('refuses probabilities outside (0, 1)', () => {
    assert.throws(() => inverseNormal(0), RangeError);
    assert.throws(() => inverseNormal(1), RangeError);
  });
});
