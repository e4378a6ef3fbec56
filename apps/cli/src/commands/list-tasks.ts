import type { Command } from 'commander';
import type { Task } from '@northstar/contracts';
import { AppError } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

/** `northstar tasks list --owner EMAIL`: someone's tasks by due date and priority, as in their inbox. */
export function registerTasksCommand(program: Command): void {
  const tasks = program.command('tasks').description('Tasks from playbooks and people');
  tasks
    .command('list')
    .description('List a member’s tasks (open ones unless --status says otherwise), by due date then priority')
    .requiredOption('--owner <email>', 'the member whose tasks to list')
    .option('--status <status>', 'open, done or skipped', 'open')
    .option('--workspace <slug>', 'workspace (optional when there is only one)')
    .option('--json', 'print the tasks as JSON')
    .action(async (options: { owner: string; status: string; workspace?: string; json?: boolean }) => {
      if (!['open', 'done', 'skipped'].includes(options.status)) {
        throw new AppError('VALIDATION_FAILED', `--status must be open, done or skipped, not "${options.status}"`, [
          { field: '--status', problem: 'not open, done or skipped' },
        ]);
      }
      const items = await withServices('tasks list', async (services) => {
        const workspace = await services.workspaces.resolveWorkspace(options.workspace);
        const user = await services.users.findUserByEmail(options.owner);
        if (!user)
          throw new AppError('USER_NOT_FOUND', `No member with the email ${options.owner}`, [
            { field: '--owner', problem: 'no such member' },
          ]);
        const all: Task[] = [];
        let cursor: string | undefined;
        do {
          const page = await services.tasks.listTasks(workspace.id, {
            ownerId: [user.id],
            status: [options.status as Task['status']],
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          all.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return all;
      });
      const io = cliIo();
      if (options.json) {
        io.stdout.write(`${JSON.stringify(items)}\n`);
        return;
      }
      if (items.length === 0) {
        io.stdout.write(`No ${options.status} tasks for ${options.owner}.\n`);
        return;
      }
      const width = Math.max(7, ...items.map((t) => t.accountName.length));
      const lines = items.map(
        (t) => `${t.dueDate}${t.isOverdue ? '!' : ' '} ${t.priority.padEnd(6)}  ${t.accountName.padEnd(width)}  ${t.title}`,
      );
      io.stdout.write([`DUE         PRIO    ${'ACCOUNT'.padEnd(width)}  TITLE`, ...lines, '(! overdue)', ''].join('\n'));
    });
}
