import type { LifecycleStage } from '@northstar/contracts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The contract facts a backfill reads; dates are 'YYYY-MM-DD'. */
export type BackfillFacts = { stage: LifecycleStage; contractStart: string | null; renewalDate: string | null; churnDate: string | null };

/**
 * When an account with a stage but no history (imported, or demo data) most likely entered that
 * stage, from its contract dates. Mirrors the demo's stage rules (DOMAIN §4): handoff at contract
 * start, onboarding 14 days in, rollout at 90, renewal 90 days before the renewal date, renewed at
 * the anniversary, stable 30 days after it (or 270 days in during the first year). Never after today.
 */
export function calculateBackfilledEntry(facts: BackfillFacts, today: string): string {
  const { contractStart: start, renewalDate: renewal } = facts;
  const lastAnniversary = renewal ? addDays(renewal, -365) : null;
  const guess = ((): string | null => {
    switch (facts.stage) {
      case 'handoff':
        return start;
      case 'onboarding':
        return start && addDays(start, 14);
      case 'rollout':
        return start && addDays(start, 90);
      case 'renewal':
        return renewal && addDays(renewal, -90);
      case 'renewed':
        return lastAnniversary;
      case 'stable':
        if (start && lastAnniversary && lastAnniversary > start) return addDays(lastAnniversary, 30);
        return start && addDays(start, 270);
      case 'churned':
        return facts.churnDate;
    }
  })();
  const floor = start && guess && guess < start ? start : guess;
  return !floor || floor > today ? today : floor;
}
