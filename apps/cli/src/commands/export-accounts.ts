import path from 'node:path';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Argument, type Command } from 'commander';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';
import { assertExportQuery, parseExportFilters } from './parse-export-filters';

type ExportCliOptions = { workspace?: string; filter: string[]; out?: string };

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export the account list to CSV (UTF-8 with BOM, formula-safe, re-importable with `northstar import accounts`)')
    .addArgument(new Argument('<what>', 'what to export').choices(['accounts']))
    .option('--workspace <slug>', 'workspace to export from (optional when there is only one)')
    .option('--filter <key=value>', 'list filter, repeatable: tier=S, stage=renewal, owner=email, tag=upsell, renewalFrom=2025-01-01, q=acme', collect, [])
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (_what: string, options: ExportCliOptions) => {
      const io = cliIo();
      const out = options.out ? path.resolve(io.cwd, options.out) : undefined;
      const { query, ownerEmails } = parseExportFilters(options.filter);
      const bytes = await withServices('export', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        for (const email of ownerEmails) {
          const user = await services.users.findUserByEmail(email);
          const member = user ? await services.users.findMemberOrUndefined(workspace.id, user.id) : undefined;
          if (!member) throw new AppError('VALIDATION_FAILED', `Invalid --filter: owner "${email}" is not a member of ${workspace.slug}`, [{ field: 'owner', problem: 'not a member' }]);
          query.ownerId = [...((query.ownerId as string[] | undefined) ?? []), member.id];
        }
        const csv = await services.imports.exportAccountsCsv(workspace.id, assertExportQuery(query));
        let written = 0;
        csv.on('data', (chunk: Buffer) => {
          written += chunk.length;
        });
        if (out) {
          await pipeline(csv, fs.createWriteStream(out));
        } else {
          // stdout must stay open after the copy, so no pipeline (it would end it).
          for await (const chunk of csv) {
            if (!io.stdout.write(chunk)) await new Promise((resolve) => io.stdout.once('drain', resolve));
          }
        }
        return written;
      });
      if (options.out) io.stderr.write(`Exported accounts to ${options.out} (${(bytes / 1024).toFixed(1)} KB).\n`);
    });
}
