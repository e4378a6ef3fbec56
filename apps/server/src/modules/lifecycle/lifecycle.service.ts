import type { AccountLifecycle, LifecycleBoard, LifecycleStage, SetStage, TickChecklist } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { calculateBackfilledEntry } from './calculate-backfilled-entry';
import { calculateStageDurations } from './calculate-stage-durations';
import { evaluateHandoffChecklist, type HandoffContact } from './evaluate-handoff-checklist';
import { evaluateStageRules } from './evaluate-stage-rules';
import { DEFAULT_LIFECYCLE_CONFIG, findStageDefinition, type LifecycleConfig, type LocalizedText } from './lifecycle-config';
import { createLifecycleRepository, type LifecycleAccountRow } from './lifecycle.repository';
import { buildChecklist, toBoardAccount } from './to-lifecycle-dto';

export type LifecycleService = ReturnType<typeof createLifecycleService>;

const BOARD_COLUMN_LIMIT = 200;
const BACKFILL_REASON: LocalizedText = { en: 'dated from the contract (no earlier history)', 'zh-CN': '根据合同日期推算（无更早记录）' };

/**
 * Stages, their history and checklists. The config is DEFAULT_LIFECYCLE_CONFIG for every
 * workspace. TODO(#6): a per-workspace lifecycle config table; until then admins cannot edit stages.
 */
export function createLifecycleService({ database, clock }: { database: Database; clock: Clock }) {
  const config: LifecycleConfig = DEFAULT_LIFECYCLE_CONFIG;
  const today = () => clock.now().toISOString().slice(0, 10);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const repo = createLifecycleRepository(database.db);

  async function getLifecycleAccount(workspaceId: string, accountId: string): Promise<LifecycleAccountRow> {
    const [account] = await repo.listLifecycleAccounts(workspaceId, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
    return account;
  }

  /** Handoff items come from the account and its people; other stages' items from ticks. */
  function completedItems(
    account: LifecycleAccountRow,
    contacts: readonly HandoffContact[],
    ticks: readonly { stage: string; itemKey: string }[],
  ) {
    const completed: Partial<Record<LifecycleStage, string[]>> = {};
    for (const tick of ticks) (completed[tick.stage as LifecycleStage] ??= []).push(tick.itemKey);
    completed.handoff = evaluateHandoffChecklist(account, contacts).completed;
    return completed;
  }

  const service = {
    /** The board: each enabled stage's accounts, longest-waiting overdue ones first. */
    async getBoard(workspaceId: string): Promise<LifecycleBoard> {
      const accounts = await repo.listLifecycleAccounts(workspaceId);
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
      const [history, contacts, ticks] = await Promise.all([
        repo.listHistory(workspaceId, accountId),
        repo.listHandoffContacts(workspaceId, accountId),
        repo.listTicks(workspaceId, accountId),
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
      const definition = findStageDefinition(config, input.stage);
      if (!definition?.enabled) throw new AppError('LIFECYCLE_STAGE_DISABLED', `The stage ${input.stage} is not used in this workspace`);
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
      const definition = findStageDefinition(config, input.stage);
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
     * Runs the stage rules over every live account (the daily job), recording each move. Accounts
     * with a stage but no history first get a stay dated from their contract.
     */
    async evaluateStageRules(workspaceId: string, options: { today?: string } = {}): Promise<{ backfilled: number; moved: number }> {
      // A run "as of" a given day (the demo's reference date) also dates its moves on that day.
      const now = options.today ? new Date(`${options.today}T00:00:00Z`) : clock.now();
      const asOf = options.today ?? today();
      return database.db.transaction(async (tx) => {
        const txRepo = createLifecycleRepository(tx);
        await txRepo.lockWorkspace(workspaceId);
        const accounts = await txRepo.listLifecycleAccounts(workspaceId);
        const missing = accounts.filter((a) => a.stage && !a.enteredAt);
        await txRepo.insertBackfill(
          workspaceId,
          missing.map((a) => ({
            accountId: a.id,
            stage: a.stage!,
            enteredAt: new Date(`${calculateBackfilledEntry({ ...a, stage: a.stage! }, asOf)}T00:00:00Z`),
          })),
          BACKFILL_REASON,
        );
        const contactsByAccount = groupBy(await txRepo.listHandoffContacts(workspaceId), (c) => c.accountId);
        const ticksByAccount = groupBy(await txRepo.listTicks(workspaceId), (t) => t.accountId);
        let moved = 0;
        for (const account of accounts) {
          const facts = {
            stage: account.stage,
            enteredAt: day(account.enteredAt),
            enteredManually: account.enteredBy === 'user',
            completedChecklistItems: completedItems(account, contactsByAccount.get(account.id) ?? [], ticksByAccount.get(account.id) ?? []),
            renewalDate: account.renewalDate,
            // The contract runs to its renewal date. TODO(#8): a signed renewal from revenue events sets `renewed`.
            contractEnd: account.renewalDate,
            renewed: false,
          };
          const transition = evaluateStageRules(facts, config, asOf);
          if (!transition) continue;
          await txRepo.moveStage(workspaceId, account.id, {
            stage: transition.to,
            at: now,
            enteredBy: 'rule',
            userId: null,
            reason: transition.reason,
          });
          await recordDomainEvents(tx, workspaceId, [
            {
              type: 'lifecycle.stage_changed',
              accountId: account.id,
              payload: { from: account.stage, to: transition.to, by: 'rule', rule: transition.rule.kind, reason: transition.reason },
              occurredAt: now,
            },
          ]);
          moved += 1;
        }
        return { backfilled: missing.length, moved };
      });
    },
  };
  return service;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
