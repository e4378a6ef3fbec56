import type { CtaReason } from '@northstar/contracts';

/** The playbooks module's use case a firing calls: opens the CTA and the run's tasks. */
export type StartPlaybook = (
  workspaceId: string,
  input: {
    playbookId: string;
    accountId: string;
    cta: { reason: CtaReason; title?: string; causeKey: string };
    ruleId?: string;
    startedBy?: string;
  },
) => Promise<{ runId: string; ctaId: string; taskIds: string[] }>;

/** `${accountId} ${causeKey}` → the open CTA's id. */
export type OpenCtaIndex = Map<string, string>;
export const openCtaKey = (accountId: string, causeKey: string) => `${accountId} ${causeKey}`;

/**
 * What the rules engine needs from other modules, wired in services.ts (rules never import the
 * tasks, playbooks or segments modules' internals).
 */
export type RulePorts = {
  startPlaybook: StartPlaybook;
  /** The open CTAs among these (account, cause key) pairs. */
  findOpenCtas: (workspaceId: string, keys: readonly { accountId: string; causeKey: string }[]) => Promise<OpenCtaIndex>;
  /** Whether a playbook the rule may start exists in the workspace. */
  hasPlaybook: (workspaceId: string, playbookId: string) => Promise<boolean>;
  /** Whether the segment exists and this user may see it (private segments are their owner's). */
  hasSegment: (viewer: { workspaceId: string; userId: string | null }, segmentId: string) => Promise<boolean>;
};

/** Rule id + trigger-specific key: what "the same cause" means for de-duplication. */
export function buildCauseKey(ruleId: string, triggerKey: string): string {
  return `rule:${ruleId}:${triggerKey}`;
}
