export { createPlaybooksService, type PlaybooksService, type PlaybooksDeps } from './playbooks.service';
export { playbooksRoutes } from './playbooks.routes';
export type { StartPlaybook, StartPlaybookInput, StartPlaybookResult } from './start-playbook';
export { webhooksNotConfigured, type EnqueueWebhook } from './execute-playbook-action';
