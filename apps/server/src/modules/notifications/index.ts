export { createNotificationsService, type NotificationsService } from './notifications.service';
export { notificationsRoutes } from './notifications.routes';
// For another module's transaction (a playbook step notifies as the run starts).
export { insertNotifications, type NewNotification } from './notifications.repository';
