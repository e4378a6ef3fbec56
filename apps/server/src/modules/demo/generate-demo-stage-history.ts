import { addDays, addYears } from './demo-dates';
import type { DemoAccount } from './demo-plan';

/** One stay of a demo account in a lifecycle stage; dates are 'YYYY-MM-DD', leftAt null for the current stay. */
export type DemoStay = { accountKey: string; stage: DemoAccount['lifecycleStage']; enteredAt: string; leftAt: string | null };

/**
 * Every stay of an account from its contract start, by the same calendar the demo's stages and
 * the lifecycle backfill follow (DOMAIN §4): handoff at the start, onboarding 14 days in, rollout
 * at 90, stable at 270; each year renewal 90 days before the anniversary, renewed on it, stable
 * 30 days after. Churned accounts end in `churned` on their churn date. The open stay is always
 * the account's stage, so the lifecycle rules find nothing to move.
 */
export function generateDemoStageHistory(accounts: readonly DemoAccount[], today: string): DemoStay[] {
  return accounts.flatMap((account) => staysFor(account, today));
}

function staysFor(account: DemoAccount, today: string): DemoStay[] {
  const start = account.contractStart;
  const end = account.churnDate ?? today;
  const moves: { stage: DemoAccount['lifecycleStage']; at: string }[] = [
    { stage: 'handoff', at: start },
    { stage: 'onboarding', at: addDays(start, 14) },
    { stage: 'rollout', at: addDays(start, 90) },
    { stage: 'stable', at: addDays(start, 270) },
  ];
  for (let year = 1; addDays(addYears(start, year), -90) <= end; year++) {
    const anniversary = addYears(start, year);
    moves.push(
      { stage: 'renewal', at: addDays(anniversary, -90) },
      { stage: 'renewed', at: anniversary },
      { stage: 'stable', at: addDays(anniversary, 30) },
    );
  }
  // A stay begins before the end; a move on the reference day itself is left to the account's stage below.
  const kept = moves.filter((m) => m.at < end);
  if (account.churnDate) kept.push({ stage: 'churned', at: account.churnDate });
  if (kept.at(-1)?.stage !== account.lifecycleStage) kept.push({ stage: account.lifecycleStage, at: end });
  return kept.map((move, i) => ({ accountKey: account.key, stage: move.stage, enteredAt: move.at, leftAt: kept[i + 1]?.at ?? null }));
}
