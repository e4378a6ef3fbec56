export {
  createRulesService,
  RULES_PROCESS_EVENTS_JOB,
  RULES_SCAN_STATES_JOB,
  RULES_RUN_SCHEDULES_JOB,
  type RulesService,
  type RuleEditor,
} from './rules.service';
export { rulesRoutes } from './rules.routes';
export { registerRulesJobs, RULES_POLL_SECONDS } from './rules.job';
export { buildCauseKey, type RulePorts, type StartPlaybook, type OpenCtaIndex } from './rule-ports';
export { createOpenCtaFinder } from './find-open-ctas';
