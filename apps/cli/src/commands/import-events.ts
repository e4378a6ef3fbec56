import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { AppError, EVENT_FILE_FORMATS, detectEventFileFormat, type EventFileFormat, type UsageEventsImportReport } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

export type ImportEventsOptions = {
  workspace?: string;
  format?: string;
  json?: boolean;
  dryRun?: boolean;
  skipBadRows?: boolean;
  map: string[];
};

const SHOWN_ERRORS = 20;
const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/**
 * `northstar import events FILE`: backfills historical usage events from NDJSON or CSV through
 * the tracking API's ingestion, then rolls them up (docs/usage-backfill.md). Exits 1 when any
 * record was rejected; the valid ones are stored all the same, as the tracking API does.
 */
export async function importEvents(fileArgument: string, options: ImportEventsOptions): Promise<void> {
  const io = cliIo();
  // The record-import options have no meaning for events: refuse them rather than ignore them.
  const unsupported = [options.dryRun && '--dry-run', options.skipBadRows && '--skip-bad-rows', options.map.length > 0 && '--map'].filter(
    Boolean,
  );
  if (unsupported.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${unsupported.join(', ')} cannot be used with \`import events\``, [
      { field: String(unsupported[0]), problem: 'only for accounts and contacts' },
    ]);
  }
  if (options.format !== undefined && !(EVENT_FILE_FORMATS as readonly string[]).includes(options.format)) {
    throw new AppError('VALIDATION_FAILED', `--format must be one of ${EVENT_FILE_FORMATS.join(', ')}`, [
      { field: '--format', problem: 'unknown format' },
    ]);
  }
  const file = path.resolve(io.cwd, fileArgument);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('VALIDATION_FAILED', `Cannot read ${file}`, [{ field: 'FILE', problem: 'no such file' }]);
  }
  const format = (options.format as EventFileFormat | undefined) ?? detectEventFileFormat(file);
  // Progress follows bytes read, so it moves while the batches stream through ingestion.
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      format: 'events [{bar}] {percentage}% | {done}/{size} MB | {accepted} accepted, {rejected} rejected | ETA {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const report = await withServices('import', async (services) => {
    const workspace = await services.workspaces.resolveWorkspace(options.workspace);
    const stream = fs.createReadStream(file);
    let read = 0;
    let counts = { accepted: 0, rejected: 0 };
    bar.start(Math.max(size, 1), 0, { done: '0.0', size: megabytes(size), ...counts });
    stream.on('data', (chunk) => {
      read += chunk.length;
      bar.update(read, { done: megabytes(read), ...counts });
    });
    try {
      return await services.imports.importUsageEvents(workspace.id, stream, {
        format,
        onBatch: ({ accepted, rejected }) => {
          counts = { accepted, rejected };
          bar.update(read, { done: megabytes(read), ...counts });
        },
      });
    } finally {
      bar.update(Math.max(size, 1), { done: megabytes(size), ...counts });
      bar.stop();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  io.stdout.write(
    options.json ? `${JSON.stringify({ ...report, seconds }, null, 2)}\n` : formatEventsReport(report, fileArgument, seconds),
  );
  if (report.rejected > 0) io.setExitCode(1);
}

/** The human summary: counts, rollup, and the first rejected records by line. */
export function formatEventsReport(report: UsageEventsImportReport, file: string, seconds: number): string {
  const lines = [
    `Imported events from ${file} (${report.format}) in ${seconds.toFixed(1)} s.`,
    `  records   ${report.records}`,
    `  accepted  ${report.accepted}  (a messageId stored by an earlier run is accepted, not stored twice)`,
    `  rejected  ${report.rejected}`,
    `  rolled up ${report.rollup.accountDays} account-days, ${report.rollup.userDays} user-days`,
  ];
  if (report.rejected > 0) {
    lines.push('', `${report.rejected} record(s) rejected, by line:`);
    for (const e of report.errors.slice(0, SHOWN_ERRORS)) lines.push(`  line ${e.line}: ${e.reason}`);
    if (report.rejected > SHOWN_ERRORS) lines.push(`  … and ${report.rejected - SHOWN_ERRORS} more (use --json for the first 1000)`);
  }
  return `${lines.join('\n')}\n`;
}
