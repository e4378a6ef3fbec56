export {
  createDemoService,
  DEFAULT_DEMO_PASSWORD,
  DEFAULT_DEMO_SEED,
  DEMO_WORKSPACE,
  type CreateDemoInput,
  type DemoProgress,
  type DemoService,
  type DemoSummary,
} from './demo.service';
export { generateDemoPlan, DEFAULT_DEMO_ACCOUNT_COUNT } from './generate-demo-plan';
export { DEMO_STEPS, type DemoStep, type DemoWriteContext } from './demo-steps';
export type { DemoAccount, DemoContact, DemoPerson, DemoPlan } from './demo-plan';
export { DEMO_NORTH_STAR } from './generate-demo-health';
