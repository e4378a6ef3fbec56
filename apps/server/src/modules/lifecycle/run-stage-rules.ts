import type { LifecycleStage } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { recordDomainEvents } from '../domain-events';
import { calculateBackfilledEntry } from './calculate-backfilled-entry';
import { evaluateHandoffChecklist, type HandoffContact } from './evaluate-handoff-checklist';
import { evaluateStageRules } from './evaluate-stage-rules';
import type { LocalizedText } from './lifecycle-config';
import { createLifecycleRepository, type LifecycleAccountRow } from './lifecycle.repository';

const BACKFILL_REASON: LocalizedText = { en: 'dated from the contract (no earlier history)', 'zh-CN': '根据合同日期推算（无更早记录）' };
const OUTSIDE_REASON: LocalizedText = {
  en: 'stage changed outside the lifecycle (import)',
  'zh-CN': '阶段在生命周期之外被修改（导入）',
};

export type StageRuleRun = { backfilled: number; moved: number };
export type StageRuleOptions = {
  /** Run as of this day (the demo's reference date); moves are dated on it too. */
  today?: string;
  /** Only these accounts (after they changed); all live accounts when absent. */
  accountIds?: readonly string[];
};

/** Handoff items come from the account and its people; other stages' items from ticks. */
function collectCompletedItems(
  account: LifecycleAccountRow,
  contacts: readonly HandoffContact[],
  ticks: readonly { stage: string; itemKey: string }[],
): Partial<Record<LifecycleStage, string[]>> {
  const completed: Partial<Record<LifecycleStage, string[]>> = {};
  for (const tick of ticks) (completed[tick.stage as LifecycleStage] ??= []).push(tick.itemKey);
  completed.handoff = evaluateHandoffChecklist(account, contacts).completed;
  return completed;
}

/**
 * The stage rules over a workspace's accounts, recording each move (history + event). First it
 * brings history in line with the account's stage column: accounts with a stage but no history get
 * a stay dated from their contract; accounts whose stage was changed behind the lifecycle's back
 * (a CSV import writes the column) get that change recorded as a move.
 */
export async function runStageRules(
  { database, clock }: { database: Database; clock: Clock },
  workspaceId: string,
  options: StageRuleOptions = {},
): Promise<StageRuleRun> {
  const now = options.today ? new Date(`${options.today}T00:00:00Z`) : clock.now();
  const asOf = options.today ?? clock.now().toISOString().slice(0, 10);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return database.db.transaction(async (tx) => {
    const repo = createLifecycleRepository(tx);
    await repo.lockWorkspace(workspaceId);
    const { config } = await repo.loadConfig(workspaceId);
    const accounts = await repo.listLifecycleAccounts(workspaceId, options.accountIds);
    if (accounts.length === 0) return { backfilled: 0, moved: 0 };
    const ids = options.accountIds ? accounts.map((a) => a.id) : undefined;

    const missing = accounts.filter((a) => a.stage && !a.enteredAt);
    await repo.insertBackfill(
      workspaceId,
      missing.map((a) => ({
        accountId: a.id,
        stage: a.stage!,
        enteredAt: new Date(`${calculateBackfilledEntry({ ...a, stage: a.stage! }, asOf)}T00:00:00Z`),
      })),
      BACKFILL_REASON,
    );
    let moved = 0;
    const record = async (accountId: string, payload: Record<string, unknown>) => {
      await recordDomainEvents(tx, workspaceId, [{ type: 'lifecycle.stage_changed', accountId, payload, occurredAt: now }]);
      moved += 1;
    };

    for (const account of accounts.filter((a) => a.enteredAt && a.openStage !== a.stage)) {
      if (account.stage) {
        await repo.moveStage(workspaceId, account.id, {
          stage: account.stage,
          at: now,
          enteredBy: 'user',
          userId: null,
          reason: OUTSIDE_REASON,
        });
      } else {
        await repo.closeStay(workspaceId, account.id, now);
      }
      await record(account.id, { from: account.openStage, to: account.stage, by: 'user', userId: null, reason: OUTSIDE_REASON });
      // The rules below start from the stage the account is in now, entered just now.
      account.enteredAt = now;
      account.enteredBy = 'user';
    }

    const contactsByAccount = groupBy(await repo.listHandoffContacts(workspaceId, ids), (c) => c.accountId);
    const ticksByAccount = groupBy(await repo.listTicks(workspaceId, ids), (t) => t.accountId);
    for (const account of accounts) {
      const facts = {
        stage: account.stage,
        enteredAt: day(account.enteredAt),
        enteredManually: account.enteredBy === 'user',
        completedChecklistItems: collectCompletedItems(
          account,
          contactsByAccount.get(account.id) ?? [],
          ticksByAccount.get(account.id) ?? [],
        ),
        renewalDate: account.renewalDate,
        // The contract runs to its renewal date. TODO(#8): a signed renewal from revenue events sets `renewed`.
        contractEnd: account.renewalDate,
        churnedOn: account.status === 'churned' ? (account.churnDate ?? asOf) : null,
        renewed: false,
      };
      const transition = evaluateStageRules(facts, config, asOf);
      if (!transition) continue;
      await repo.moveStage(workspaceId, account.id, {
        stage: transition.to,
        at: now,
        enteredBy: 'rule',
        userId: null,
        reason: transition.reason,
      });
      await record(account.id, {
        from: account.stage,
        to: transition.to,
        by: 'rule',
        rule: transition.rule.kind,
        reason: transition.reason,
      });
    }
    return { backfilled: missing.length, moved };
  });
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
