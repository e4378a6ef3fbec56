import type { ContactRole } from '@northstar/contracts';

/** What sales must hand over before CS starts (DOMAIN §4, stage 1): key people and basic facts. */
export const HANDOFF_ITEMS = ['decision_maker', 'champion', 'arr', 'renewal_date', 'owner', 'plan'] as const;
export type HandoffItem = (typeof HANDOFF_ITEMS)[number];

/** A contact as the handoff checklist sees it. */
export type HandoffContact = { role: ContactRole | null; email: string | null; phone: string | null; leftAt: string | null };
/** The account facts the handoff checklist requires. */
export type HandoffFacts = { arr: number; renewalDate: string | null; ownerId: string | null; plan: string | null };

/** A missing item; a key person on file whom nobody can reach is `no_contact_details`. */
export type MissingHandoffItem = { item: HandoffItem; problem: 'missing' | 'no_contact_details' };

/** Which handoff items are done and which are missing, in checklist order. */
export function evaluateHandoffChecklist(
  account: HandoffFacts,
  contacts: readonly HandoffContact[],
): { completed: HandoffItem[]; missing: MissingHandoffItem[] } {
  const problems: Record<HandoffItem, MissingHandoffItem['problem'] | null> = {
    decision_maker: findKeyPersonProblem(contacts, 'decision_maker'),
    champion: findKeyPersonProblem(contacts, 'champion'),
    // Zero ARR is how an unfilled import looks: a paying account always has some.
    arr: account.arr > 0 ? null : 'missing',
    renewal_date: account.renewalDate ? null : 'missing',
    owner: account.ownerId ? null : 'missing',
    plan: account.plan?.trim() ? null : 'missing',
  };
  const completed = HANDOFF_ITEMS.filter((item) => problems[item] === null);
  const missing = HANDOFF_ITEMS.flatMap((item) => {
    const problem = problems[item];
    return problem ? [{ item, problem }] : [];
  });
  return { completed, missing };
}

function findKeyPersonProblem(contacts: readonly HandoffContact[], role: ContactRole): MissingHandoffItem['problem'] | null {
  // People who left the company no longer count: their leaving is the risk, not a contact.
  const present = contacts.filter((c) => c.role === role && c.leftAt === null);
  if (present.length === 0) return 'missing';
  return present.some((c) => Boolean(c.email?.trim() || c.phone?.trim())) ? null : 'no_contact_details';
}
