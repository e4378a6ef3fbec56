import type { ActionStep, NotifyRecipient, PlaybookStep, Role, TaskAssignee, TaskPriority } from '@northstar/contracts';

/** What a run needs to know about the people and the day it starts on. */
export type RunFacts = {
  /** 'YYYY-MM-DD' (UTC); task due dates count from it. */
  startDate: string;
  accountName: string;
  ctaTitle: string;
  accountOwnerId: string | null;
  teamLeadId: string | null;
  startedBy: string | null;
  activeMemberIds: ReadonlySet<string>;
  activeMembersByRole: Readonly<Partial<Record<Role, readonly string[]>>>;
};

export type PlannedTask = {
  stepKey: string;
  title: string;
  description: string;
  dueDate: string;
  ownerId: string | null;
  priority: TaskPriority;
};

export type PlannedNotification = { stepKey: string; userIds: string[]; message: string };

export type RunPlan = {
  tasks: PlannedTask[];
  notifications: PlannedNotification[];
  /** The other automatic steps, in playbook order, for the caller to execute. */
  actions: ActionStep[];
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Who owns a task step. The named target if they are an active member; otherwise the account
 * owner, the team lead, then whoever started the run — a task nobody owns is a task nobody does,
 * so an unowned task is the last resort, not the default.
 */
export function resolveAssignee(assignee: TaskAssignee, facts: RunFacts): string | null {
  const target =
    assignee.kind === 'account_owner' ? facts.accountOwnerId : assignee.kind === 'team_lead' ? facts.teamLeadId : assignee.userId;
  for (const candidate of [target, facts.accountOwnerId, facts.teamLeadId, facts.startedBy]) {
    if (candidate && facts.activeMemberIds.has(candidate)) return candidate;
  }
  return null;
}

/** Who receives a notification step; an absent account owner hands over to the team lead. */
export function resolveRecipients(to: NotifyRecipient, facts: RunFacts): string[] {
  const active = (id: string | null) => (id && facts.activeMemberIds.has(id) ? [id] : []);
  switch (to.kind) {
    case 'account_owner': {
      const owner = active(facts.accountOwnerId);
      return owner.length ? owner : active(facts.teamLeadId);
    }
    case 'team_lead':
      return active(facts.teamLeadId);
    case 'user':
      return active(to.userId);
    case 'role':
      return [...new Set(facts.activeMembersByRole[to.role] ?? [])];
  }
}

/** `{{account.name}}` and `{{cta.title}}` in a notification message. */
export function renderMessage(template: string, facts: Pick<RunFacts, 'accountName' | 'ctaTitle'>): string {
  return template.replace(/\{\{\s*account\.name\s*\}\}/g, facts.accountName).replace(/\{\{\s*cta\.title\s*\}\}/g, facts.ctaTitle);
}

/** A playbook's steps turned into the tasks, notifications and actions of one run. */
export function calculateRunPlan(steps: readonly PlaybookStep[], facts: RunFacts): RunPlan {
  const plan: RunPlan = { tasks: [], notifications: [], actions: [] };
  for (const step of steps) {
    if (step.kind === 'task') {
      plan.tasks.push({
        stepKey: step.key,
        title: step.title,
        description: step.description,
        dueDate: addDays(facts.startDate, step.dueOffsetDays),
        ownerId: resolveAssignee(step.assignee, facts),
        priority: step.priority,
      });
    } else if (step.action.type === 'notify') {
      plan.notifications.push({
        stepKey: step.key,
        userIds: resolveRecipients(step.action.to, facts),
        message: renderMessage(step.action.message, facts),
      });
    } else {
      plan.actions.push(step);
    }
  }
  return plan;
}

/**
 * The team lead, until teams exist: the longest-standing active manager, else admin. Members come
 * ordered by when they joined. TODO(#7): a team model, so each CSM's own lead is chosen.
 */
export function findTeamLead(members: readonly { userId: string; role: Role }[]): string | null {
  return members.find((m) => m.role === 'manager')?.userId ?? members.find((m) => m.role === 'admin')?.userId ?? null;
}
