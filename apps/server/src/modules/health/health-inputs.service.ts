import type {
  CreateExperienceInput,
  ErrorDetail,
  ExperienceInput,
  ExperienceInputList,
  NorthStarTarget,
  SetNorthStarTarget,
} from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { createHealthInputsRepository } from './health-inputs.repository';
import { toExperienceInputDto } from './to-health-dto';

/** The 30 days a north-star target is set for (the measure compares the last 30 days with it). */
export const NORTH_STAR_PERIOD_DAYS = 30;
// A clock a few minutes ahead on the sender's side is not a future observation.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The range of each kind's value (DOMAIN §2 inputs, on the scales the default scorecards read). */
export function findExperienceInputProblems(input: CreateExperienceInput, now: Date): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (field: string, problem: string) => problems.push({ field, location: 'body', problem });
  const { kind, value } = input;
  if (kind === 'nps' && !(value >= 0 && value <= 10)) add('value', 'must be between 0 and 10 for an NPS answer');
  if (kind === 'csat' && !(value >= 1 && value <= 5)) add('value', 'must be between 1 and 5 for CSAT');
  if (kind === 'csm_sentiment' && !(Number.isInteger(value) && value >= 1 && value <= 5))
    add('value', 'must be a whole number from 1 to 5 for CSM sentiment');
  if (kind === 'support_tickets' && !(Number.isInteger(value) && value >= 0))
    add('value', 'must be a whole number ≥ 0 (tickets opened in the last 30 days)');
  if (kind === 'custom' && !input.key) add('key', 'is required for a custom input (the custom measure’s key)');
  if (kind !== 'custom' && input.key !== undefined) add('key', 'is only for kind custom');
  if (input.observedAt !== undefined && Date.parse(input.observedAt) > now.getTime() + FUTURE_TOLERANCE_MS)
    add('observedAt', 'must not be in the future');
  return problems;
}

/** Experience inputs and north-star targets, set by API or by hand; each change rescores its account. */
export function createHealthInputsService({
  database,
  clock,
  afterChange,
}: {
  database: Database;
  clock: Clock;
  afterChange: (workspaceId: string, accountIds: string[]) => Promise<void>;
}) {
  const repo = createHealthInputsRepository(database.db);

  async function assertAccount(workspaceId: string, accountId: string): Promise<void> {
    if (!(await repo.findLiveAccount(workspaceId, accountId))) throw new AppError('ACCOUNT_NOT_FOUND', 'Account not found');
  }

  return {
    async listExperienceInputs(
      workspaceId: string,
      accountId: string,
      query: { kind?: string; limit?: number },
    ): Promise<ExperienceInputList> {
      await assertAccount(workspaceId, accountId);
      const rows = await repo.listInputs(workspaceId, accountId, {
        ...(query.kind ? { kind: query.kind } : {}),
        limit: query.limit ?? 100,
      });
      return { items: rows.map(toExperienceInputDto) };
    },

    /** Records one input with who set it and when; `source` defaults by how the caller came in. */
    async addExperienceInput(
      workspaceId: string,
      actor: { userId: string | null; via: 'session' | 'api_token' | 'cli' },
      accountId: string,
      input: CreateExperienceInput,
    ): Promise<ExperienceInput> {
      await assertAccount(workspaceId, accountId);
      const now = clock.now();
      const problems = findExperienceInputProblems(input, now);
      if (problems.length > 0)
        throw new AppError('VALIDATION_FAILED', `Invalid body: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`, problems);
      const id = await repo.insertInput(workspaceId, {
        accountId,
        kind: input.kind,
        customKey: input.key ?? '',
        value: input.value,
        observedAt: input.observedAt ? new Date(input.observedAt) : now,
        setBy: actor.userId,
        source: input.source?.trim() || (actor.via === 'session' ? 'manual' : 'api'),
        note: input.note?.trim() || null,
        createdAt: now,
      });
      await afterChange(workspaceId, [accountId]);
      const [row] = await repo.listInputs(workspaceId, accountId, { limit: 1, id });
      return toExperienceInputDto(row!);
    },

    /**
     * Removes an input recorded by mistake (a wrong value, the wrong account) and rescores the
     * account, so its score no longer rests on it. Correcting one is deleting it and recording the
     * right value.
     */
    async deleteExperienceInput(workspaceId: string, accountId: string, inputId: string): Promise<void> {
      await assertAccount(workspaceId, accountId);
      if (!(await repo.deleteInput(workspaceId, accountId, inputId)))
        throw new AppError('HEALTH_INPUT_NOT_FOUND', 'Experience input not found');
      await afterChange(workspaceId, [accountId]);
    },

    async setNorthStarTarget(
      workspaceId: string,
      userId: string | null,
      accountId: string,
      input: SetNorthStarTarget,
    ): Promise<NorthStarTarget> {
      await assertAccount(workspaceId, accountId);
      await repo.setTarget(workspaceId, accountId, input.target, userId, clock.now());
      await afterChange(workspaceId, [accountId]);
      const row = await repo.findTarget(workspaceId, accountId);
      return {
        accountId,
        target: row?.target ?? null,
        periodDays: NORTH_STAR_PERIOD_DAYS,
        setById: row?.setBy ?? null,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    },
  };
}
