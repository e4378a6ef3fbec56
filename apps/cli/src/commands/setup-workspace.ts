import type { Command } from 'commander';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

type SetupOptions = { workspace: string; slug?: string; timezone?: string; adminEmail: string; adminPassword: string; adminName?: string; json?: boolean };

export function registerSetupCommand(program: Command): void {
  program
    .command('setup')
    .description('Create a workspace and its first admin; prints an API token and an ingestion write key')
    .requiredOption('--workspace <name>', 'workspace name')
    .option('--slug <slug>', 'workspace slug (default: from the name)')
    .option('--timezone <tz>', 'IANA time zone, e.g. Asia/Shanghai', 'UTC')
    .requiredOption('--admin-email <email>', 'first admin’s email')
    .requiredOption('--admin-password <password>', 'first admin’s password (8+ characters)')
    .option('--admin-name <name>', 'first admin’s display name')
    .option('--json', 'print {"workspace":{"id","slug"},"apiToken","writeKey"} only')
    .action(async (options: SetupOptions) => {
      if (options.adminPassword.length < 8) {
        throw new (await import('@northstar/server')).AppError('VALIDATION_FAILED', 'The admin password must have at least 8 characters', [
          { field: '--admin-password', problem: 'too short' },
        ]);
      }
      const result = await withServices('setup', (services) =>
        services.setupWorkspace({
          name: options.workspace,
          ...(options.slug ? { slug: options.slug } : {}),
          ...(options.timezone ? { timezone: options.timezone } : {}),
          adminEmail: options.adminEmail,
          adminPassword: options.adminPassword,
          ...(options.adminName ? { adminName: options.adminName } : {}),
        }),
      );
      if (options.json) {
        cliIo().stdout.write(
          `${JSON.stringify({ workspace: { id: result.workspace.id, slug: result.workspace.slug }, apiToken: result.apiToken, writeKey: result.writeKey })}\n`,
        );
        return;
      }
      cliIo().stdout.write(
        [
          `Workspace "${result.workspace.name}" created (slug: ${result.workspace.slug}).`,
          `Admin: ${result.admin.email}`,
          ``,
          `API token (shown once; send as Authorization: Bearer …):`,
          `  ${result.apiToken}`,
          `Ingestion write key (shown once; the username of HTTP Basic auth on /v1/*):`,
          `  ${result.writeKey}`,
          ``,
        ].join('\n'),
      );
    });
}
