import type { ActionStep, LifecycleStage, UpdateAccount } from '@northstar/contracts';
import { AppError } from '../../platform/errors';

/**
 * Queues a signed outgoing webhook (implemented by the webhooks module). Until it is wired in
 * services.ts, the default refuses with WEBHOOKS_NOT_CONFIGURED and the step is recorded as failed.
 */
export type EnqueueWebhook = (
  workspaceId: string,
  input: {
    url: string;
    event: string;
    payload: Record<string, unknown>;
    source: { playbookId?: string; ruleId?: string; accountId?: string };
  },
) => Promise<{ deliveryId: string }>;

export const webhooksNotConfigured: EnqueueWebhook = async () => {
  throw new AppError('WEBHOOKS_NOT_CONFIGURED', 'Outgoing webhooks are not available on this server yet');
};

/** The other modules' use cases an automatic step goes through, so their rules and events apply. */
export type PlaybookActionPorts = {
  getAccount: (workspaceId: string, accountId: string) => Promise<{ tags: string[] }>;
  updateAccount: (workspaceId: string, accountId: string, patch: UpdateAccount) => Promise<unknown>;
  setStage: (
    workspaceId: string,
    userId: string | null,
    accountId: string,
    input: { stage: LifecycleStage; reason?: string },
  ) => Promise<unknown>;
  enqueueWebhook: EnqueueWebhook;
};

export type ActionContext = {
  workspaceId: string;
  accountId: string;
  startedBy: string | null;
  playbook: { id: string; name: string; version: number };
  runId: string;
  ruleId: string | null;
  /** The webhook's payload beyond the event name: account, CTA and run facts. */
  payload: Record<string, unknown>;
};

/**
 * Runs one automatic step through the owning module's service (so validation, stage history and
 * domain events happen as if a person did it) and says what happened. Never throws: a failed step
 * is recorded on the run; the tasks of the run stand.
 */
export async function executePlaybookAction(
  step: ActionStep,
  context: ActionContext,
  ports: PlaybookActionPorts,
): Promise<{ status: 'done' | 'failed'; message: string | null }> {
  const { workspaceId, accountId } = context;
  const action = step.action;
  try {
    switch (action.type) {
      case 'set_field': {
        const patch: UpdateAccount = action.field.startsWith('custom.')
          ? { customFields: { [action.field.slice('custom.'.length)]: action.value } }
          : { [action.field]: action.value };
        await ports.updateAccount(workspaceId, accountId, patch);
        return { status: 'done', message: null };
      }
      case 'add_tag':
      case 'remove_tag': {
        const { tags } = await ports.getAccount(workspaceId, accountId);
        const has = tags.includes(action.tag);
        if (action.type === 'add_tag' ? has : !has)
          return { status: 'done', message: action.type === 'add_tag' ? 'already tagged' : 'tag was absent' };
        const next = action.type === 'add_tag' ? [...tags, action.tag] : tags.filter((t) => t !== action.tag);
        await ports.updateAccount(workspaceId, accountId, { tags: next });
        return { status: 'done', message: null };
      }
      case 'move_stage': {
        try {
          await ports.setStage(workspaceId, context.startedBy, accountId, {
            stage: action.stage,
            reason: `Playbook: ${context.playbook.name}`,
          });
        } catch (error) {
          // Already in the stage is the outcome the step wanted.
          if (
            error instanceof AppError &&
            error.code === 'VALIDATION_FAILED' &&
            error.details.some((d) => d.problem === 'is the current stage')
          ) {
            return { status: 'done', message: 'already in the stage' };
          }
          throw error;
        }
        return { status: 'done', message: null };
      }
      case 'webhook': {
        const { deliveryId } = await ports.enqueueWebhook(workspaceId, {
          url: action.url,
          event: action.event,
          payload: { event: action.event, ...context.payload },
          source: { playbookId: context.playbook.id, accountId, ...(context.ruleId ? { ruleId: context.ruleId } : {}) },
        });
        return { status: 'done', message: `delivery ${deliveryId}` };
      }
      case 'notify':
        // Notifications are written with the run itself, in its transaction.
        return { status: 'done', message: null };
    }
  } catch (error) {
    const message = error instanceof AppError ? `${error.code}: ${error.message}` : `unexpected error: ${(error as Error).message}`;
    return { status: 'failed', message };
  }
}
