import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/errors';

export const EVENT_FILE_FORMATS = ['ndjson', 'csv'] as const;
export type EventFileFormat = (typeof EVENT_FILE_FORMATS)[number];

/** One record of a backfill file: a Segment message to ingest, or why its line cannot be one. */
export type EventRecord = { line: number; message: Record<string, unknown> } | { line: number; error: string };

/** CSV columns, in documentation order (docs/usage-backfill.md). JSON columns hold objects. */
export const EVENT_CSV_COLUMNS = [
  'type',
  'userId',
  'anonymousId',
  'event',
  'name',
  'timestamp',
  'messageId',
  'groupId',
  'previousId',
  'properties',
  'traits',
  'context',
] as const;
type CsvColumn = (typeof EVENT_CSV_COLUMNS)[number];
const JSON_COLUMNS = new Set<CsvColumn>(['properties', 'traits', 'context']);
// user_id, User ID and userId all name the same column.
const normalise = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');
const BY_NORMALISED = new Map(EVENT_CSV_COLUMNS.map((c) => [normalise(c), c]));

/** Guesses the format from the file name: .csv is CSV, anything else NDJSON. */
export function detectEventFileFormat(fileName: string): EventFileFormat {
  return fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson';
}

/**
 * Reads a backfill file as it streams, one record per message. Blank lines are skipped. Shape
 * problems (bad JSON, a JSON column that is not an object) are reported here by line; whether a
 * message is a valid event is left to ingestion, which applies the tracking API's rules.
 */
export function readEventRecords(input: Readable, format: EventFileFormat): AsyncGenerator<EventRecord> {
  return format === 'csv' ? readCsv(input) : readNdjson(input);
}

async function* readNdjson(input: Readable): AsyncGenerator<EventRecord> {
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    // A UTF-8 byte order mark may open the first line.
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      yield { line, error: 'not valid JSON' };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) yield { line, error: 'a line must hold one JSON object' };
    else yield { line, message: value as Record<string, unknown> };
  }
}

async function* readCsv(input: Readable): AsyncGenerator<EventRecord> {
  const parser = input.pipe(parse({ bom: true, info: true, relax_column_count: true }));
  let columns: (CsvColumn | undefined)[] | undefined;
  // csv-parse reports the line a record ends on; a quoted cell may span lines, so a record
  // starts on the line after the previous one ended.
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.every((cell) => cell.trim() === '')) continue;
      if (!columns) {
        columns = readHeader(record);
        continue;
      }
      yield toMessage(record, columns, line);
    }
  } catch (error) {
    // A broken quote makes the rest of the file unreadable: name where it went wrong.
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION_FAILED', `The CSV cannot be read after line ${previousEnd}: ${message}`, [
      { field: 'FILE', problem: message },
    ]);
  }
}

function readHeader(record: string[]): (CsvColumn | undefined)[] {
  const columns = record.map((header) => BY_NORMALISED.get(normalise(header.trim())));
  const unknown = record.filter((_, i) => !columns[i]);
  const problems = unknown.map((header) => ({ field: header, problem: `unknown column; known: ${EVENT_CSV_COLUMNS.join(', ')}` }));
  if (!columns.includes('type')) problems.push({ field: 'type', problem: 'the type column is required' });
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The CSV header is not an events header: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`,
      problems,
    );
  }
  return columns;
}

function toMessage(record: string[], columns: (CsvColumn | undefined)[], line: number): EventRecord {
  const message: Record<string, unknown> = {};
  for (const [i, cell] of record.entries()) {
    const column = columns[i];
    if (!column) return { line, error: `more cells than the header has columns (${columns.length})` };
    if (cell === '') continue;
    if (!JSON_COLUMNS.has(column)) {
      message[column] = cell;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(cell);
    } catch {
      return { line, error: `${column} is not valid JSON` };
    }
    message[column] = value;
  }
  // In a CSV the groupId column also credits a track or page row to its account: the tracking
  // API reads that from context.groupId, which a flat file cannot nest.
  if (message.type !== 'group' && typeof message.groupId === 'string') {
    const context = typeof message.context === 'object' && message.context !== null ? message.context : {};
    message.context = { groupId: message.groupId, ...context };
    delete message.groupId;
  }
  return { line, message };
}
