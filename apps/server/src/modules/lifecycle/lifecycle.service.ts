import type {
  AccountLifecycle,
  LifecycleBoard,
  LifecycleConfigBody,
  LifecycleConfigView,
  LifecycleStage,
  SetStage,
  TickChecklist,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database, Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { calculateStageDurations } from './calculate-stage-durations';
import { evaluateHandoffChecklist } from './evaluate-handoff-checklist';
import { findStageDefinition, normaliseLifecycleConfig, validateLifecycleConfig, type LifecycleConfig } from './lifecycle-config';
import { createLifecycleRepository, type LifecycleAccountRow } from './lifecycle.repository';
import { runStageRules, type StageRuleOptions } from './run-stage-rules';
import { buildChecklist, toBoardAccount } from './to-lifecycle-dto';

export type LifecycleService = ReturnType<typeof createLifecycleService>;

const BOARD_COLUMN_LIMIT = 200;

function stageDisabled(stage: LifecycleStage, field: string, location: string): AppError {
  return new AppError('LIFECYCLE_STAGE_DISABLED', `The stage ${stage} is not used in this workspace`, [
    { field, location, problem: 'is a stage this workspace switched off' },
  ]);
}

/** Stages, their history and checklists, and each workspace's lifecycle config (DOMAIN §4). */
export function createLifecycleService({ database, clock }: { database: Database; clock: Clock }) {
  const today = () => clock.now().toISOString().slice(0, 10);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const repo = createLifecycleRepository(database.db);
  const loadConfig = async (workspaceId: string): Promise<LifecycleConfig> => (await repo.loadConfig(workspaceId)).config;

  async function getLifecycleAccount(workspaceId: string, accountId: string): Promise<LifecycleAccountRow> {
    const [account] = await repo.listLifecycleAccounts(workspaceId, [accountId]);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return account;
  }

  const service = {
    /** The board: each enabled stage's accounts, longest-waiting overdue ones first. */
    async getBoard(workspaceId: string): Promise<LifecycleBoard> {
      const [config, accounts] = await Promise.all([loadConfig(workspaceId), repo.listLifecycleAccounts(workspaceId)]);
      const now = today();
      const columns = config.stages
        .filter((s) => s.enabled)
        .map((definition) => {
          const members = accounts
            .filter((a) => a.stage === definition.stage)
            .map((a) => toBoardAccount(a, definition.expectedDurationDays, now));
          members.sort(
            (a, b) => b.overdueDays - a.overdueDays || (b.daysInStage ?? -1) - (a.daysInStage ?? -1) || a.name.localeCompare(b.name),
          );
          return {
            stage: definition.stage,
            count: members.length,
            overdue: members.filter((m) => m.isOverdue).length,
            accounts: members.slice(0, BOARD_COLUMN_LIMIT),
          };
        });
      return { stages: config.stages, columns };
    },

    /** One account's stage, every stay with its duration, and the current stage's checklist. */
    async getAccountLifecycle(workspaceId: string, accountId: string): Promise<AccountLifecycle> {
      const account = await getLifecycleAccount(workspaceId, accountId);
      const [config, history, contacts, ticks] = await Promise.all([
        loadConfig(workspaceId),
        repo.listHistory(workspaceId, accountId),
        repo.listHandoffContacts(workspaceId, [accountId]),
        repo.listTicks(workspaceId, [accountId]),
      ]);
      const durations = calculateStageDurations(
        history.map((h) => ({ stage: h.stage as LifecycleStage, enteredAt: day(h.enteredAt)! })),
        config,
        today(),
      );
      const definition = account.stage ? findStageDefinition(config, account.stage) : undefined;
      const handoff = evaluateHandoffChecklist(account, contacts);
      return {
        stage: account.stage,
        history: history.map((h, i) => ({
          stage: h.stage as LifecycleStage,
          enteredAt: h.enteredAt.toISOString(),
          leftAt: h.leftAt?.toISOString() ?? null,
          enteredBy: h.enteredBy,
          userId: h.userId,
          reason: h.reason,
          days: durations.stays[i]?.days ?? 0,
          expectedDays: durations.stays[i]?.expectedDays ?? null,
          isOverdue: (durations.stays[i]?.isOverdue ?? false) && h.leftAt === null,
        })),
        checklist: definition ? buildChecklist(definition, handoff, ticks) : [],
        goals: definition?.goals ?? [],
      };
    },

    /** A CSM moves an account to a stage: history row, account column and `lifecycle.stage_changed`. */
    async setStage(workspaceId: string, userId: string | null, accountId: string, input: SetStage): Promise<AccountLifecycle> {
      const account = await getLifecycleAccount(workspaceId, accountId);
      const definition = findStageDefinition(await loadConfig(workspaceId), input.stage);
      if (!definition?.enabled) throw stageDisabled(input.stage, 'stage', 'body');
      if (account.stage === input.stage) {
        throw new AppError('VALIDATION_FAILED', `The account is already in ${input.stage}`, [
          { field: 'stage', location: 'body', problem: 'is the current stage' },
        ]);
      }
      const text = input.reason?.trim();
      const reason = text ? { en: text, 'zh-CN': text } : null;
      const now = clock.now();
      await database.db.transaction(async (tx) => {
        const txRepo = createLifecycleRepository(tx);
        await txRepo.lockWorkspace(workspaceId);
        await txRepo.moveStage(workspaceId, accountId, { stage: input.stage, at: now, enteredBy: 'user', userId, reason });
        await recordDomainEvents(tx, workspaceId, [
          {
            type: 'lifecycle.stage_changed',
            accountId,
            payload: { from: account.stage, to: input.stage, by: 'user', userId, reason },
            occurredAt: now,
          },
        ]);
      });
      return service.getAccountLifecycle(workspaceId, accountId);
    },

    /** Ticks or unticks a checklist item of a stage (handoff items are derived, not ticked). */
    async tickChecklist(workspaceId: string, userId: string | null, accountId: string, input: TickChecklist): Promise<AccountLifecycle> {
      await getLifecycleAccount(workspaceId, accountId);
      const definition = findStageDefinition(await loadConfig(workspaceId), input.stage);
      if (input.stage === 'handoff' || !definition?.checklist.some((c) => c.key === input.itemKey)) {
        throw new AppError('VALIDATION_FAILED', `No item ${input.itemKey} to tick in ${input.stage}`, [
          {
            field: 'itemKey',
            location: 'body',
            problem: input.stage === 'handoff' ? 'handoff items follow the account and its key people' : 'is not on this stage’s checklist',
          },
        ]);
      }
      await repo.setTick(workspaceId, accountId, { ...input, userId, at: clock.now() });
      return service.getAccountLifecycle(workspaceId, accountId);
    },

    /**
     * Runs the stage rules (the daily job, and after an account changes: pass its id), recording
     * each move. Accounts with a stage but no history first get a stay dated from their contract.
     */
    evaluateStageRules: (workspaceId: string, options: StageRuleOptions = {}) => runStageRules({ database, clock }, workspaceId, options),

    /**
     * A stage set on the account itself (PATCH /accounts/:id), inside the caller's transaction:
     * the same history row and `lifecycle.stage_changed` event as a move on the board. Null clears
     * the stage and ends the open stay.
     */
    async recordStageChange(
      tx: Db,
      workspaceId: string,
      accountId: string,
      change: { from: LifecycleStage | null; to: LifecycleStage | null; userId: string | null },
    ): Promise<void> {
      const txRepo = createLifecycleRepository(tx);
      await txRepo.lockWorkspace(workspaceId);
      const { config } = await txRepo.loadConfig(workspaceId);
      if (change.to && !findStageDefinition(config, change.to)?.enabled) throw stageDisabled(change.to, 'lifecycleStage', 'body');
      const now = clock.now();
      if (change.to) {
        await txRepo.moveStage(workspaceId, accountId, {
          stage: change.to,
          at: now,
          enteredBy: 'user',
          userId: change.userId,
          reason: null,
        });
      } else {
        await txRepo.closeStay(workspaceId, accountId, now);
      }
      await recordDomainEvents(tx, workspaceId, [
        {
          type: 'lifecycle.stage_changed',
          accountId,
          payload: { from: change.from, to: change.to, by: 'user', userId: change.userId, reason: null },
          occurredAt: now,
        },
      ]);
    },

    /** The workspace's lifecycle config, and whether it is still the default. */
    async getLifecycleConfig(workspaceId: string): Promise<LifecycleConfigView> {
      const { config, updatedAt } = await repo.loadConfig(workspaceId);
      return { config, isDefault: updatedAt === null, updatedAt: updatedAt?.toISOString() ?? null };
    },

    /**
     * Replaces the workspace's lifecycle config after validation (each problem names its field);
     * a stage that accounts are in cannot be switched off. The rules then run with it.
     */
    async updateLifecycleConfig(workspaceId: string, userId: string | null, body: LifecycleConfigBody): Promise<LifecycleConfigView> {
      const config = normaliseLifecycleConfig(body as LifecycleConfig);
      const problems = validateLifecycleConfig(config);
      const inUse = await repo.countAccountsByStage(workspaceId);
      config.stages.forEach((stage, index) => {
        const count = inUse.get(stage.stage) ?? 0;
        if (!stage.enabled && count > 0) {
          problems.push({
            field: `stages[${index}].enabled`,
            problem: `${count} accounts are in this stage: move them before switching it off`,
          });
        }
      });
      if (problems.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Invalid lifecycle config: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
          problems.map((p) => ({ field: p.field, location: 'body', problem: p.problem })),
        );
      }
      await repo.saveConfig(workspaceId, config, userId, clock.now());
      await service.evaluateStageRules(workspaceId);
      return service.getLifecycleConfig(workspaceId);
    },
  };
  return service;
}
