import path from 'node:path';
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { Argument, Option, type Command } from 'commander';
import { DATE_FORMATS, IMPORT_KINDS, type DateFormat, type ImportKind } from '@northstar/contracts';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';
import { formatImportReport } from './format-import-report';
import { importEvents } from './import-events';

type ImportCliOptions = { workspace?: string; dryRun?: boolean; skipBadRows?: boolean; map: string[]; dateFormat: DateFormat; json?: boolean; format?: string };

const collect = (value: string, previous: string[]) => [...previous, value];
const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import accounts or contacts from a CSV file: upsert by external id, all or nothing unless --skip-bad-rows; ' +
        'or backfill usage events from NDJSON or CSV (docs/usage-backfill.md)',
    )
    .addArgument(new Argument('<kind>', 'what the file holds').choices([...IMPORT_KINDS, 'events']))
    .argument('<file>', 'CSV file, UTF-8 (row 1 is the header, so the first data row is row 2)')
    .option('--workspace <slug>', 'workspace to import into (optional when there is only one)')
    .option('--dry-run', 'check the file and report what would change; write nothing')
    .option('--skip-bad-rows', 'write the good rows and report the bad ones instead of refusing the file')
    .option('--map <column=field>', 'read a column as a field (repeatable): "Kunde=name", "Notes=-" ignores, "OM=custom.onboarding_manager"', collect, [])
    .addOption(new Option('--date-format <format>', 'how to read slash dates such as 03/04/2025').choices(DATE_FORMATS).default('auto'))
    .option('--format <format>', 'events only: ndjson or csv (default: csv for a .csv file, else ndjson)')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (kind: ImportKind | 'events', fileArgument: string, options: ImportCliOptions) => {
      if (kind === 'events') return importEvents(fileArgument, options);
      const io = cliIo();
      // Relative to where the user typed the command, also when it runs inside the server.
      const file = path.resolve(io.cwd, fileArgument);
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        throw new AppError('VALIDATION_FAILED', `Cannot read ${file}`, [{ field: 'FILE', problem: 'no such file' }]);
      }
      // Progress follows bytes read from the file, so it moves while the rows stream through.
      const bar = new cliProgress.SingleBar(
        {
          stream: io.stderr,
          noTTYOutput: true,
          notTTYSchedule: 2000,
          format: '{phase} [{bar}] {percentage}% | {done}/{size} MB | ETA {eta_formatted}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      const report = await withServices('import', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        return services.imports.importCsv(
          workspace.id,
          kind,
          () => {
            const stream = fs.createReadStream(file);
            let read = 0;
            stream.on('data', (chunk) => {
              read += chunk.length;
              bar.update(read, { done: megabytes(read) });
            });
            return stream;
          },
          {
            dryRun: Boolean(options.dryRun),
            skipBadRows: Boolean(options.skipBadRows),
            dateFormat: options.dateFormat,
            map: options.map,
            onPhase: (phase) => {
              if (started) bar.stop();
              started = true;
              bar.start(Math.max(size, 1), 0, { phase: phase === 'validate' ? 'checking' : 'writing ', done: '0.0', size: megabytes(size) });
            },
          },
        );
      });
      if (started) {
        bar.update(Math.max(size, 1), { done: megabytes(size) });
        bar.stop();
      }
      io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report, fileArgument));
      if (report.refused) io.setExitCode(1);
    });
}
