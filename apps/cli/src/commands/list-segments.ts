import type { Command } from 'commander';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

/** `northstar segments list`: every segment of the workspace with its live member count. */
export function registerSegmentsCommand(program: Command): void {
  const segments = program.command('segments').description('Saved account segments');
  segments
    .command('list')
    .description('List segments: name, members, visibility (private ones included: the CLI runs as the operator)')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--json', 'print the segments as JSON')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      const items = await withServices('segments list', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        return services.segments.listAllSegmentsForOperator(workspace.id);
      });
      const io = cliIo();
      if (options.json) {
        io.stdout.write(`${JSON.stringify(items)}\n`);
        return;
      }
      if (items.length === 0) {
        io.stdout.write('No segments yet.\n');
        return;
      }
      const width = Math.max(4, ...items.map((s) => s.name.length));
      const lines = items.map((s) => `${s.name.padEnd(width)}  ${String(s.memberCount).padStart(7)}  ${s.visibility}`);
      io.stdout.write([`${'NAME'.padEnd(width)}  ${'MEMBERS'.padStart(7)}  VISIBILITY`, ...lines, ''].join('\n'));
    });
}
