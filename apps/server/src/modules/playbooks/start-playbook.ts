import { randomUUID } from 'node:crypto';
import type { CtaReason, Role } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { insertNotifications } from '../notifications';
import { insertCta, insertTasks } from '../tasks';
import { calculateRunPlan, findTeamLead, type RunFacts } from './calculate-run-plan';
import { executePlaybookAction, type PlaybookActionPorts } from './execute-playbook-action';
import { createPlaybooksRepository } from './playbooks.repository';
import type { ActionResult } from './playbooks.schema';

export type StartPlaybookInput = {
  playbookId: string;
  accountId: string;
  /**
   * The CTA the run opens. `causeKey` de-duplicates: while a CTA with the same key is open on the
   * account, starting again fails with CTA_ALREADY_OPEN. Defaults to "playbook:<playbookId>".
   */
  cta: { reason: CtaReason; title?: string; causeKey?: string };
  ruleId?: string;
  startedBy?: string;
};

export type StartPlaybookResult = { runId: string; ctaId: string; taskIds: string[] };

export type StartPlaybook = (workspaceId: string, input: StartPlaybookInput) => Promise<StartPlaybookResult>;

/**
 * Starts a playbook on an account: one transaction opens the CTA, records the run, creates the
 * tasks with resolved owners and due dates and sends the notifications; the other automatic steps
 * (fields, tags, stage, webhooks) then run through their own modules, and each outcome is kept on
 * the run. A failed action does not undo the run: the people's tasks matter more than a tag.
 */
export function createStartPlaybook({
  database,
  clock,
  ports,
}: {
  database: Database;
  clock: Clock;
  ports: PlaybookActionPorts;
}): StartPlaybook {
  const repo = createPlaybooksRepository(database.db);

  return async function startPlaybook(workspaceId, input) {
    const playbook = await repo.findPlaybook(workspaceId, input.playbookId);
    if (!playbook) throw new AppError('PLAYBOOK_NOT_FOUND', 'Playbook not found');
    if (playbook.archivedAt) throw new AppError('PLAYBOOK_ARCHIVED', `The playbook “${playbook.name}” is archived`);
    if (!playbook.enabled) throw new AppError('PLAYBOOK_DISABLED', `The playbook “${playbook.name}” is disabled`);
    const account = await repo.findAccount(workspaceId, input.accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');

    const members = await repo.listActiveMembers(workspaceId);
    const byRole: Partial<Record<Role, string[]>> = {};
    for (const m of members) (byRole[m.role] ??= []).push(m.userId);
    const now = clock.now();
    const ctaTitle = input.cta.title?.trim() || playbook.name;
    const facts: RunFacts = {
      startDate: now.toISOString().slice(0, 10),
      accountName: account.name,
      ctaTitle,
      accountOwnerId: account.ownerId,
      teamLeadId: findTeamLead(members),
      startedBy: input.startedBy ?? null,
      activeMemberIds: new Set(members.map((m) => m.userId)),
      activeMembersByRole: byRole,
    };
    const plan = calculateRunPlan(playbook.steps, facts);
    const runId = randomUUID();
    const ctaOwner = facts.accountOwnerId && facts.activeMemberIds.has(facts.accountOwnerId) ? facts.accountOwnerId : facts.teamLeadId;

    const { ctaId, taskIds } = await database.db.transaction(async (tx) => {
      const newCtaId = await insertCta(tx, workspaceId, {
        accountId: input.accountId,
        reason: input.cta.reason,
        title: ctaTitle,
        ownerId: ctaOwner,
        causeKey: input.cta.causeKey ?? `playbook:${playbook.id}`,
        ruleId: input.ruleId ?? null,
        playbookRunId: runId,
        createdBy: input.startedBy ?? null,
        createdAt: now,
      });
      await createPlaybooksRepository(tx).insertRun({
        id: runId,
        workspaceId,
        playbookId: playbook.id,
        playbookVersion: playbook.version,
        accountId: input.accountId,
        ctaId: newCtaId,
        ruleId: input.ruleId ?? null,
        startedBy: input.startedBy ?? null,
        startedAt: now,
      });
      const ids = await insertTasks(
        tx,
        workspaceId,
        plan.tasks.map((t) => ({
          accountId: input.accountId,
          ownerId: t.ownerId,
          title: t.title,
          description: t.description,
          dueDate: t.dueDate,
          priority: t.priority,
          lifecycleStage: account.stage,
          ctaId: newCtaId,
          playbookRunId: runId,
          playbookId: playbook.id,
          playbookStepKey: t.stepKey,
          createdBy: input.startedBy ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await insertNotifications(
        tx,
        workspaceId,
        plan.notifications.flatMap((n) =>
          n.userIds.map((userId) => ({
            userId,
            message: n.message,
            accountId: input.accountId,
            playbookRunId: runId,
            ruleId: input.ruleId ?? null,
          })),
        ),
        now,
      );
      return { ctaId: newCtaId, taskIds: ids };
    });

    // After the commit: these go through other modules' services on their own connections.
    const results: ActionResult[] = plan.notifications.map((n) => ({
      stepKey: n.stepKey,
      status: n.userIds.length > 0 ? 'done' : 'failed',
      message: n.userIds.length > 0 ? `${n.userIds.length} notified` : 'nobody to notify',
    }));
    const context = {
      workspaceId,
      accountId: input.accountId,
      startedBy: input.startedBy ?? null,
      playbook: { id: playbook.id, name: playbook.name, version: playbook.version },
      runId,
      ruleId: input.ruleId ?? null,
      payload: {
        playbook: { id: playbook.id, name: playbook.name, version: playbook.version },
        run: { id: runId, startedAt: now.toISOString() },
        account: { id: input.accountId, name: account.name, externalId: account.externalId },
        cta: { id: ctaId, reason: input.cta.reason, title: ctaTitle },
        ruleId: input.ruleId ?? null,
      },
    };
    for (const step of plan.actions) {
      results.push({ stepKey: step.key, ...(await executePlaybookAction(step, context, ports)) });
    }
    if (results.length > 0) await repo.setActionResults(workspaceId, runId, results);
    return { runId, ctaId, taskIds };
  };
}
