import type { Clock } from '../../platform/clock';
import type { Database, Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { ApiKeysService } from '../api-keys';
import type { UsersService } from '../users';
import { setupWorkspace, type WorkspacesService } from '../workspaces';
import { calculateTopShare } from './calculate-top-share';
import { isIsoDate } from './demo-dates';
import { DEMO_STEPS, type DemoStep, type DemoUsagePort } from './demo-steps';
import { createDemoRepository } from './demo.repository';
import { DEFAULT_DEMO_ACCOUNT_COUNT, generateDemoPlan } from './generate-demo-plan';

export const DEMO_WORKSPACE = { name: 'Northstar Demo', slug: 'demo' } as const;
/** Documented in the README: every demo login uses it unless --password says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'northstar-demo';
export const DEFAULT_DEMO_SEED = 1;

export type DemoProgress = { step: string; done: number; total: number };

export type CreateDemoInput = {
  seed?: number;
  /** Reference date, YYYY-MM-DD; defaults to the clock's date in UTC. */
  today?: string;
  reset?: boolean;
  password?: string;
  accountCount?: number;
  onProgress?: (progress: DemoProgress) => void;
};

export type DemoService = ReturnType<typeof createDemoService>;

type Deps = {
  database: Database;
  clock: Clock;
  workspaces: WorkspacesService;
  users: UsersService;
  apiKeys: ApiKeysService;
  /** Ingestion and rollups, for the usage step. */
  usage: DemoUsagePort;
  /** Derived data other modules compute from the rows (tiers, stage history), run once they exist. */
  afterBuild?: (workspaceId: string, today: string) => Promise<void>;
  /** Rows a workspace leaves outside the foreign-key cascade (raw usage events), deleted with it. */
  deleteWorkspaceData?: (workspaceId: string) => Promise<unknown>;
};

export function createDemoService(deps: Deps) {
  const { database, clock, workspaces, users } = deps;
  const repo = createDemoRepository(database.db);
  const deleteWorkspace = async (workspaceId: string) => {
    await repo.deleteWorkspace(workspaceId);
    await deps.deleteWorkspaceData?.(workspaceId);
  };

  return {
    /**
     * Builds the "Northstar Demo" workspace from a seed: people through the ordinary identity
     * services, then every generated row in one transaction. Refuses when the demo exists,
     * unless `reset`, which deletes it first.
     */
    async createDemo(input: CreateDemoInput = {}) {
      const seed = input.seed ?? DEFAULT_DEMO_SEED;
      const today = input.today ?? clock.now().toISOString().slice(0, 10);
      const password = input.password ?? DEFAULT_DEMO_PASSWORD;
      validate({ seed, today, password, accountCount: input.accountCount });

      const plan = generateDemoPlan({ seed, today, accountCount: input.accountCount ?? DEFAULT_DEMO_ACCOUNT_COUNT });
      const total = plan.people.length + DEMO_STEPS.reduce((sum, step) => sum + step.countRows(plan), 0);
      let done = 0;
      const advance = (step: string, rows: number) => {
        done += rows;
        input.onProgress?.({ step, done, total });
      };

      const existing = await workspaces.findWorkspaceBySlug(DEMO_WORKSPACE.slug);
      if (existing && !input.reset) {
        throw new AppError(
          'WORKSPACE_SLUG_TAKEN',
          `The demo workspace "${DEMO_WORKSPACE.slug}" already exists: run \`northstar demo --reset\` to delete and rebuild it`,
        );
      }
      if (existing) await deleteWorkspace(existing.id);

      // Users are global and outlive a reset workspace; demo addresses are reserved for the demo,
      // so their password is set again to the one this run prints.
      const returning = new Set<string>();
      for (const person of plan.people) {
        if (await users.findUserByEmail(person.email)) returning.add(person.email);
      }
      const [admin, ...others] = plan.people;
      if (!admin) throw new Error('The demo roster has no admin');
      const setup = await setupWorkspace(deps, {
        name: DEMO_WORKSPACE.name,
        slug: DEMO_WORKSPACE.slug,
        adminEmail: admin.email,
        adminName: admin.name,
        adminPassword: password,
      });
      const ids = new Map<string, string>([[admin.key, setup.admin.id]]);
      advance('people', 1);
      try {
        for (const person of others) {
          const member = await users.addMemberWithPassword(setup.workspace.id, {
            email: person.email,
            name: person.name,
            password,
            role: person.role,
          });
          ids.set(person.key, member.id);
          advance('people', 1);
        }
        for (const person of plan.people) {
          if (returning.has(person.email)) await users.setPassword(ids.get(person.key)!, password);
        }
        const context = (db: Db, step: DemoStep) => ({
          db,
          workspaceId: setup.workspace.id,
          ids,
          usage: deps.usage,
          onRows: (rows: number) => advance(step.name, rows),
        });
        await database.db.transaction(async (tx) => {
          for (const step of DEMO_STEPS.filter((s) => !s.afterCommit)) await step.write(context(tx, step), plan);
        });
        for (const step of DEMO_STEPS.filter((s) => s.afterCommit)) await step.write(context(database.db, step), plan);
        await deps.afterBuild?.(setup.workspace.id, today);
      } catch (error) {
        await deleteWorkspace(setup.workspace.id);
        throw error;
      }

      const active = plan.accounts.filter((a) => a.status === 'active');
      return {
        workspace: { id: setup.workspace.id, slug: setup.workspace.slug, name: setup.workspace.name },
        seed,
        today,
        password,
        people: plan.people.map((p) => ({ name: p.name, email: p.email, role: p.role })),
        apiToken: setup.apiToken,
        writeKey: setup.writeKey,
        counts: {
          users: plan.people.length,
          accounts: plan.accounts.length,
          activeAccounts: active.length,
          churnedAccounts: plan.accounts.length - active.length,
          contacts: plan.contacts.length,
          productUsers: plan.usage.accounts.reduce((sum, a) => sum + a.users, 0),
          usageEvents: plan.usage.accounts.reduce((sum, a) => sum + a.dailyEvents.reduce((s, n) => s + n, 0), 0),
        },
        arr: {
          activeTotal: active.reduce((sum, a) => sum + a.arr, 0),
          currency: 'USD',
          topFifthShare:
            Math.round(
              calculateTopShare(
                plan.accounts.map((a) => a.arr),
                0.2,
              ) * 1000,
            ) / 1000,
        },
      };
    },
  };
}

export type DemoSummary = Awaited<ReturnType<DemoService['createDemo']>>;

function validate(input: { seed: number; today: string; password: string; accountCount: number | undefined }): void {
  const problems: { field: string; problem: string }[] = [];
  if (!Number.isSafeInteger(input.seed)) problems.push({ field: 'seed', problem: 'must be a whole number' });
  if (!isIsoDate(input.today)) problems.push({ field: 'today', problem: 'must be a date as YYYY-MM-DD' });
  if (input.password.length < 8) problems.push({ field: 'password', problem: 'must have at least 8 characters' });
  if (
    input.accountCount !== undefined &&
    !(Number.isInteger(input.accountCount) && input.accountCount >= 1 && input.accountCount <= 100_000)
  ) {
    problems.push({ field: 'accountCount', problem: 'must be a whole number from 1 to 100000' });
  }
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot build the demo: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
      problems,
    );
}
