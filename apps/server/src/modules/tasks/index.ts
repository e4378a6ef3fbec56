export { createTasksService, CTA_CLOSED_SKIP_REASON, type TasksService } from './tasks.service';
export { tasksRoutes } from './tasks.routes';
// For another module's transaction (a playbook run opens its CTA and tasks atomically).
export { insertCta, insertTasks, type NewCta, type NewTask } from './tasks.repository';
export { isTaskOverdue, PRIORITY_ORDER } from './calculate-task-order';
