import type {
  CustomFieldDefinition,
  ErrorDetail,
  ListPlaybookRunsQuery,
  Playbook,
  PlaybookDefinition,
  PlaybookRun,
  PlaybookVersion,
  RollbackPlaybook,
  StartPlaybookRun,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { validateCustomFieldValues } from '../accounts';
import { decodeFeedCursor, encodeFeedCursor } from '../timeline';
import { diffPlaybookDefinitions, isSameDefinition } from './diff-playbook-definitions';
import { webhooksNotConfigured, type PlaybookActionPorts } from './execute-playbook-action';
import { createPlaybooksRepository, type PlaybookRow } from './playbooks.repository';
import { createStartPlaybook, type StartPlaybook } from './start-playbook';
import { toPlaybookDto, toRunDto } from './to-playbook-dto';
import { listCustomFieldWrites, listNamedUsers, validatePlaybookDefinition } from './validate-playbook-definition';

export type PlaybooksService = ReturnType<typeof createPlaybooksService>;

export type PlaybooksDeps = {
  database: Database;
  clock: Clock;
  /** Account use cases the automatic steps go through, plus the account custom fields to check set_field against. */
  accounts: Omit<PlaybookActionPorts, 'setStage' | 'enqueueWebhook'> & {
    listCustomFields: (workspaceId: string, entity: 'account') => Promise<CustomFieldDefinition[]>;
  };
  lifecycle: Pick<PlaybookActionPorts, 'setStage'>;
  /** The webhooks module's queue; absent until it is wired, when webhook steps fail with WEBHOOKS_NOT_CONFIGURED. */
  enqueueWebhook?: PlaybookActionPorts['enqueueWebhook'];
  /** The webhooks module's private-address guard for webhook step URLs (throws naming `field`); absent: not checked at save. */
  validateWebhookTarget?: (workspaceId: string, url: string, field: string) => Promise<void>;
};

type Author = { workspaceId: string; userId: string };

const DEFAULT_PAGE_SIZE = 50;

function invalid(details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid playbook: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
}

const definitionOf = (row: PlaybookRow): PlaybookDefinition => ({
  name: row.name,
  description: row.description,
  ctaReason: row.ctaReason,
  enabled: row.enabled,
  steps: row.steps,
});

/** Playbooks (SOPs): versioned definitions, and runs that turn them into a CTA, tasks and actions. */
export function createPlaybooksService(deps: PlaybooksDeps) {
  const { database, clock } = deps;
  const repo = createPlaybooksRepository(database.db);
  const startPlaybook: StartPlaybook = createStartPlaybook({
    database,
    clock,
    ports: {
      getAccount: deps.accounts.getAccount,
      updateAccount: deps.accounts.updateAccount,
      setStage: deps.lifecycle.setStage,
      enqueueWebhook: deps.enqueueWebhook ?? webhooksNotConfigured,
    },
  });

  async function getPlaybookRow(workspaceId: string, id: string): Promise<PlaybookRow> {
    const row = await repo.findPlaybook(workspaceId, id);
    if (!row) throw new AppError('PLAYBOOK_NOT_FOUND', 'Playbook not found');
    return row;
  }

  /** Checks what needs the database: named people are active members, custom fields exist and fit. */
  async function checkDefinition(workspaceId: string, definition: PlaybookDefinition): Promise<void> {
    const details = validatePlaybookDefinition(definition);
    const named = listNamedUsers(definition);
    if (named.length > 0) {
      const active = new Set((await repo.listActiveMembers(workspaceId)).map((m) => m.userId));
      for (const { userId, field } of named) {
        if (!active.has(userId)) details.push({ field, location: 'body', problem: 'must be an active member of this workspace' });
      }
    }
    if (deps.validateWebhookTarget) {
      for (const [index, step] of definition.steps.entries()) {
        if (step.kind !== 'action' || step.action.type !== 'webhook') continue;
        try {
          await deps.validateWebhookTarget(workspaceId, step.action.url, `steps.${index}.action.url`);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          details.push(...error.details);
        }
      }
    }
    const writes = listCustomFieldWrites(definition);
    if (writes.length > 0) {
      const rules = await deps.accounts.listCustomFields(workspaceId, 'account');
      for (const write of writes) {
        for (const detail of validateCustomFieldValues({ [write.key]: write.value }, rules)) {
          details.push({ field: `steps.${write.index}.action`, location: 'body', problem: `${detail.field}: ${detail.problem}` });
        }
      }
    }
    if (details.length > 0) throw invalid(details);
  }

  /** Saves a definition as the next version, under a row lock so concurrent saves queue up. */
  async function saveVersion(author: Author, id: string, definition: PlaybookDefinition, rolledBackFrom: number | null): Promise<void> {
    await database.db.transaction(async (tx) => {
      const txRepo = createPlaybooksRepository(tx);
      const current = await txRepo.findPlaybook(author.workspaceId, id, { lock: true });
      if (!current) throw new AppError('PLAYBOOK_NOT_FOUND', 'Playbook not found');
      const before = definitionOf(current);
      if (isSameDefinition(before, definition)) return;
      const version = current.version + 1;
      const now = clock.now();
      await txRepo.updatePlaybook(author.workspaceId, id, { ...definition, version, updatedBy: author.userId, updatedAt: now });
      await txRepo.insertVersion({
        workspaceId: author.workspaceId,
        playbookId: id,
        version,
        definition,
        diff: diffPlaybookDefinitions(before, definition),
        rolledBackFrom,
        authorId: author.userId,
        createdAt: now,
      });
    });
  }

  const service = {
    startPlaybook,

    async listPlaybooks(workspaceId: string, options: { includeArchived?: boolean } = {}): Promise<Playbook[]> {
      return (await repo.listPlaybooks(workspaceId, { includeArchived: options.includeArchived ?? false })).map(toPlaybookDto);
    },

    async getPlaybook(workspaceId: string, id: string): Promise<Playbook> {
      return toPlaybookDto(await getPlaybookRow(workspaceId, id));
    },

    /** Creates a playbook as version 1. */
    async createPlaybook(author: Author, definition: PlaybookDefinition): Promise<Playbook> {
      await checkDefinition(author.workspaceId, definition);
      const now = clock.now();
      const id = await database.db.transaction(async (tx) => {
        const txRepo = createPlaybooksRepository(tx);
        const playbookId = await txRepo.insertPlaybook({
          workspaceId: author.workspaceId,
          ...definition,
          version: 1,
          updatedBy: author.userId,
          createdAt: now,
          updatedAt: now,
        });
        await txRepo.insertVersion({
          workspaceId: author.workspaceId,
          playbookId,
          version: 1,
          definition,
          diff: [],
          rolledBackFrom: null,
          authorId: author.userId,
          createdAt: now,
        });
        return playbookId;
      });
      return toPlaybookDto(await getPlaybookRow(author.workspaceId, id));
    },

    /** Saves a whole new definition: a new version with its diff (none when nothing changed). */
    async updatePlaybook(author: Author, id: string, definition: PlaybookDefinition): Promise<Playbook> {
      const current = await getPlaybookRow(author.workspaceId, id);
      if (current.archivedAt) throw new AppError('PLAYBOOK_ARCHIVED', 'This playbook is archived');
      await checkDefinition(author.workspaceId, definition);
      await saveVersion(author, id, definition, null);
      return toPlaybookDto(await getPlaybookRow(author.workspaceId, id));
    },

    /** Archives a playbook: it stays readable with its runs and history but cannot start again. */
    async archivePlaybook(workspaceId: string, id: string): Promise<void> {
      const current = await getPlaybookRow(workspaceId, id);
      if (!current.archivedAt) await repo.updatePlaybook(workspaceId, id, { archivedAt: clock.now() });
    },

    /** Every version, newest first, with author, diff and the definition it saved. */
    async listVersions(workspaceId: string, id: string): Promise<PlaybookVersion[]> {
      await getPlaybookRow(workspaceId, id);
      return repo.listVersions(workspaceId, id);
    },

    /** Saves an older version's definition again as the newest version (history is never rewritten). */
    async rollbackPlaybook(author: Author, id: string, input: RollbackPlaybook): Promise<Playbook> {
      const current = await getPlaybookRow(author.workspaceId, id);
      if (current.archivedAt) throw new AppError('PLAYBOOK_ARCHIVED', 'This playbook is archived');
      const definition = await repo.findVersionDefinition(author.workspaceId, id, input.version);
      if (!definition) throw new AppError('PLAYBOOK_VERSION_NOT_FOUND', `Version ${input.version} of this playbook does not exist`);
      if (input.version === current.version) {
        throw invalid([{ field: 'version', location: 'body', problem: 'is already the current version' }]);
      }
      // People named by the old version may have left since; the check is the same as any save.
      await checkDefinition(author.workspaceId, definition);
      await saveVersion(author, id, definition, input.version);
      return toPlaybookDto(await getPlaybookRow(author.workspaceId, id));
    },

    /** A person starts a playbook from the account page; the CTA takes the playbook's reason unless given. */
    async startPlaybookManually(author: Author, accountId: string, input: StartPlaybookRun): Promise<PlaybookRun> {
      const playbook = await getPlaybookRow(author.workspaceId, input.playbookId);
      const { runId } = await startPlaybook(author.workspaceId, {
        playbookId: playbook.id,
        accountId,
        cta: { reason: input.ctaReason ?? playbook.ctaReason, ...(input.ctaTitle ? { title: input.ctaTitle } : {}) },
        startedBy: author.userId,
      });
      return service.getRun(author.workspaceId, runId);
    },

    async getRun(workspaceId: string, id: string): Promise<PlaybookRun> {
      const run = await repo.findRun(workspaceId, id);
      if (!run) throw new AppError('PLAYBOOK_RUN_NOT_FOUND', 'Playbook run not found');
      const [definitions, tasks] = await Promise.all([
        repo.listRunDefinitions(workspaceId, [run]),
        repo.listRunTasks(workspaceId, [run.id]),
      ]);
      return toRunDto(run, definitions, tasks);
    },

    /** Runs, newest first, by account or playbook. */
    async listRuns(workspaceId: string, query: ListPlaybookRunsQuery): Promise<{ items: PlaybookRun[]; nextCursor: string | null }> {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      const after = query.cursor === undefined ? undefined : decodeFeedCursor(query.cursor);
      if (query.cursor !== undefined && !after) {
        throw invalid([{ field: 'cursor', location: 'querystring', problem: 'is not a cursor from a previous page' }]);
      }
      const rows = await repo.listRuns(
        workspaceId,
        { ...(query.accountId ? { accountId: query.accountId } : {}), ...(query.playbookId ? { playbookId: query.playbookId } : {}) },
        after,
        limit,
      );
      const page = rows.slice(0, limit);
      const [definitions, tasks] = await Promise.all([
        repo.listRunDefinitions(workspaceId, page),
        repo.listRunTasks(
          workspaceId,
          page.map((r) => r.id),
        ),
      ]);
      const last = page.at(-1);
      return {
        items: page.map((run) => toRunDto(run, definitions, tasks)),
        nextCursor: rows.length > limit && last ? encodeFeedCursor({ at: last.startedAtMicros, id: last.id }) : null,
      };
    },
  };
  return service;
}
