import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTaskPositions, decodeTaskCursor, encodeTaskCursor, isTaskOverdue, type TaskPosition } from './calculate-task-order';

describe('isTaskOverdue', () => {
  it('is overdue only when open and due before today', () => {
    assert.equal(isTaskOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-02'), true);
    assert.equal(isTaskOverdue({ status: 'open', dueDate: '2026-03-02' }, '2026-03-02'), false, 'due today is not late yet');
    assert.equal(isTaskOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-03-02'), false);
    assert.equal(isTaskOverdue({ status: 'skipped', dueDate: '2026-01-01' }, '2026-03-02'), false);
  });
});

describe('compareTaskPositions', () => {
  const task = (
    id: string,
    dueDate: string,
    priority: TaskPosition['priority'],
    createdAt = '2026-01-01T00:00:00.000000Z',
  ): TaskPosition => ({
    id,
    dueDate,
    priority,
    createdAt,
  });

  it('orders by due date, then urgent before low, then oldest first', () => {
    const sorted = [
      task('00000000-0000-4000-8000-000000000005', '2026-03-03', 'urgent'),
      task('00000000-0000-4000-8000-000000000004', '2026-03-02', 'low'),
      task('00000000-0000-4000-8000-000000000003', '2026-03-02', 'urgent', '2026-01-02T00:00:00.000000Z'),
      task('00000000-0000-4000-8000-000000000002', '2026-03-02', 'urgent'),
      task('00000000-0000-4000-8000-000000000001', '2026-03-02', 'high'),
    ].sort(compareTaskPositions);
    assert.deepEqual(
      sorted.map((t) => t.id.slice(-1)),
      ['2', '3', '1', '4', '5'],
    );
  });

  it('round-trips a cursor and refuses forged ones', () => {
    const position = task('00000000-0000-4000-8000-000000000001', '2026-03-02', 'high', '2026-01-02T03:04:05.123456Z');
    assert.deepEqual(decodeTaskCursor(encodeTaskCursor(position)), position);
    assert.equal(
      decodeTaskCursor(Buffer.from('["2026-03-02","extreme","2026-01-02T03:04:05.123456Z","x"]').toString('base64url')),
      undefined,
    );
    assert.equal(decodeTaskCursor('%%%'), undefined);
  });
});
