import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OverloadedError } from './group-commit';
import { retryWhenOverloaded } from './retry-when-overloaded';

describe('retryWhenOverloaded', () => {
  it('sends again after an overload and returns the first success', async () => {
    let calls = 0;
    const result = await retryWhenOverloaded(async () => {
      calls++;
      if (calls < 3) throw new OverloadedError(10);
      return 'stored';
    });
    assert.deepEqual([result, calls], ['stored', 3]);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    await assert.rejects(
      retryWhenOverloaded(async () => {
        calls++;
        throw new Error('bad event');
      }),
      /bad event/,
    );
    assert.equal(calls, 1);
  });
});
