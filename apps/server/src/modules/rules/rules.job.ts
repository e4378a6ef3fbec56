import { defineJob, type JobQueue } from '../../platform/jobs/job-queue';
import { onDomainEventsRecorded } from '../domain-events';
import { RULES_PROCESS_EVENTS_JOB, RULES_RUN_SCHEDULES_JOB, RULES_SCAN_STATES_JOB, type RulesService } from './rules.service';

/** Seconds between polls of new domain events, when no change kicked the job sooner. */
export const RULES_POLL_SECONDS = 5;
const KICK_DEBOUNCE_MS = 1000;

type Evaluation = Pick<RulesService, 'processEvents' | 'scanStates' | 'runSchedules' | 'listCursorWorkspaceIds'>;

/**
 * The rules engine's jobs. Events: a self-rescheduling poll every RULES_POLL_SECONDS over every
 * followed workspace (pg-boss cron cannot go below a minute; the minute cron restarts the chain
 * after a crash), plus a kick for one workspace a second after it records events. States: every
 * ten minutes (renewal dates and "no touch for N days" move with the clock). Schedules: every
 * minute, firing the rules whose cron ticked. Returns the unsubscribe of the kick listener.
 */
export function registerRulesJobs(jobs: JobQueue, service: Evaluation): () => void {
  const forEachWorkspace = async (workspaceId: string | undefined, run: (id: string) => Promise<unknown>) => {
    for (const id of workspaceId ? [workspaceId] : await service.listCursorWorkspaceIds()) await run(id);
  };
  jobs.register(
    defineJob<{ workspaceId?: string }>({
      name: RULES_PROCESS_EVENTS_JOB,
      schedule: '* * * * *',
      policy: 'short',
      retryLimit: 0,
      singletonKey: ({ workspaceId }) => workspaceId ?? 'all',
      handler: async ({ workspaceId }) => {
        try {
          await forEachWorkspace(workspaceId, service.processEvents);
        } finally {
          if (!workspaceId) await jobs.send(RULES_PROCESS_EVENTS_JOB, {}, { startAfterSeconds: RULES_POLL_SECONDS });
        }
      },
    }),
  );
  jobs.register(
    defineJob<{ workspaceId?: string }>({
      name: RULES_SCAN_STATES_JOB,
      schedule: '*/10 * * * *',
      policy: 'short',
      singletonKey: ({ workspaceId }) => workspaceId ?? 'all',
      handler: async ({ workspaceId }) => forEachWorkspace(workspaceId, (id) => service.scanStates(id)),
    }),
  );
  jobs.register(
    defineJob<Record<string, never>>({
      name: RULES_RUN_SCHEDULES_JOB,
      schedule: '* * * * *',
      policy: 'short',
      handler: async () => forEachWorkspace(undefined, service.runSchedules),
    }),
  );
  const lastKick = new Map<string, number>();
  return onDomainEventsRecorded((workspaceId) => {
    const now = Date.now();
    if (now - (lastKick.get(workspaceId) ?? 0) < KICK_DEBOUNCE_MS) return;
    lastKick.set(workspaceId, now);
    // A second later: the recording transaction has almost always committed by then; if not, the poll catches it.
    jobs.send(RULES_PROCESS_EVENTS_JOB, { workspaceId }, { startAfterSeconds: 1 }).catch(() => undefined);
  });
}
