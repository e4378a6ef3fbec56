import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_SEED, loadConfig, type DemoSummary } from '@northstar/server';
import { withServices } from '../cli-context';
import { cliIo } from '../cli-io';

type DemoOptions = { seed: number; today?: string; reset?: boolean; password: string; json?: boolean };

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Build the "Northstar Demo" workspace: ~500 accounts, their contacts and six CSMs, the same for the same seed and date')
    .option('--seed <n>', 'random seed', parseSeed, DEFAULT_DEMO_SEED)
    .option('--today <date>', 'reference date YYYY-MM-DD that every generated date is relative to (default: today, UTC)')
    .option('--reset', 'delete an existing demo workspace and build it again')
    .option('--password <password>', 'password of every demo login', DEFAULT_DEMO_PASSWORD)
    .option('--json', 'print a machine-readable summary instead of the login instructions')
    .action(async (options: DemoOptions) => {
      const config = loadConfig();
      const started = Date.now();
      // Progress goes to stderr so that --json output on stdout stays parseable.
      const bar = new cliProgress.SingleBar(
        {
          noTTYOutput: true,
          notTTYSchedule: 1000,
          stream: cliIo().stderr,
          format: 'demo [{bar}] {percentage}% | {step} | {value}/{total} rows',
          hideCursor: false,
        },
        cliProgress.Presets.legacy,
      );
      let barStarted = false;
      const summary = await withServices('demo', (services) =>
        services.demo
          .createDemo({
            seed: options.seed,
            ...(options.today ? { today: options.today } : {}),
            reset: Boolean(options.reset),
            password: options.password,
            onProgress: ({ step, done, total }) => {
              if (!barStarted) {
                bar.start(total, 0, { step });
                barStarted = true;
              }
              bar.update(done, { step });
            },
          })
          .finally(() => {
            if (barStarted) bar.stop();
          }),
      );
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const url = `http://${config.host}:${config.port}`;
      if (options.json) {
        cliIo().stdout.write(`${JSON.stringify({ ...summary, url, seconds })}\n`);
        return;
      }
      cliIo().stdout.write(formatSummary(summary, url, seconds));
    });
}

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) throw new InvalidArgumentError('the seed must be a whole number');
  return seed;
}

function formatSummary(summary: DemoSummary, url: string, seconds: number): string {
  const { counts } = summary;
  const people = summary.people.map((p) => `  ${p.role.padEnd(8)} ${p.email.padEnd(34)} ${p.name}`);
  return [
    `Demo workspace "${summary.workspace.name}" built in ${seconds} s (seed ${summary.seed}, as of ${summary.today}).`,
    `  ${counts.accounts} accounts (${counts.churnedAccounts} churned), ${counts.contacts} contacts, ${counts.users} people;`,
    `  active ARR ${summary.arr.currency} ${summary.arr.activeTotal.toLocaleString('en-US')}, top 20% of accounts hold ${Math.round(summary.arr.topFifthShare * 100)}%.`,
    ``,
    `Start the server with \`northstar start\`, then open ${url} and log in as:`,
    `  email:    ${summary.people[0]?.email ?? ''}`,
    `  password: ${summary.password}`,
    ``,
    `Every demo login uses the same password:`,
    ...people,
    ``,
    `API token (send as Authorization: Bearer …):`,
    `  ${summary.apiToken}`,
    `Ingestion write key (the username of HTTP Basic auth on /v1/*):`,
    `  ${summary.writeKey}`,
    ``,
  ].join('\n');
}
