import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { detectEventFileFormat, readEventRecords, type EventFileFormat, type EventRecord } from './read-event-records';

async function read(text: string, format: EventFileFormat): Promise<EventRecord[]> {
  const records: EventRecord[] = [];
  for await (const record of readEventRecords(Readable.from([text]), format)) records.push(record);
  return records;
}

describe('readEventRecords', () => {
  it('reads one NDJSON message per line, skipping blank lines and a BOM, numbering lines from 1', async () => {
    const records = await read('\uFEFF{"type":"track"}\r\n\n[1]\n{"type":"page"}\nnope', 'ndjson');
    assert.deepEqual(records, [
      { line: 1, message: { type: 'track' } },
      { line: 3, error: 'a line must hold one JSON object' },
      { line: 4, message: { type: 'page' } },
      { line: 5, error: 'not valid JSON' },
    ]);
  });

  it('maps CSV columns by name in any spelling, parses JSON columns and leaves empty cells out', async () => {
    const csv = 'Type,user_id,Event,properties,timestamp\ntrack,u-1,"Report\nCreated","{""a"":1}",\ntrack,u-2,X,[1,\n';
    assert.deepEqual(await read(csv, 'csv'), [
      { line: 2, message: { type: 'track', userId: 'u-1', event: 'Report\nCreated', properties: { a: 1 } } },
      // The quoted cell above spans lines 2–3, so this row starts on line 4.
      { line: 4, error: 'properties is not valid JSON' },
    ]);
  });

  it('moves a CSV groupId into context.groupId except on group rows', async () => {
    const records = await read('type,userId,groupId\ntrack,u-1,acme\ngroup,u-1,acme\n', 'csv');
    assert.deepEqual(records, [
      { line: 2, message: { type: 'track', userId: 'u-1', context: { groupId: 'acme' } } },
      { line: 3, message: { type: 'group', userId: 'u-1', groupId: 'acme' } },
    ]);
  });

  it('refuses a CSV header with an unknown column or without type', async () => {
    await assert.rejects(read('type,colour\n', 'csv'), /colour: unknown column/);
    await assert.rejects(read('userId,event\n', 'csv'), /the type column is required/);
  });

  it('reports a row with more cells than the header', async () => {
    assert.deepEqual(await read('type,userId\ntrack,u-1,extra\n', 'csv'), [
      { line: 2, error: 'more cells than the header has columns (2)' },
    ]);
  });

  it('guesses CSV from the file name, NDJSON otherwise', () => {
    assert.equal(detectEventFileFormat('/tmp/EVENTS.CSV'), 'csv');
    assert.equal(detectEventFileFormat('events.jsonl'), 'ndjson');
  });
});
