export { createLifecycleService, type LifecycleService } from './lifecycle.service';
export { lifecycleRoutes } from './lifecycle.routes';
export { DEFAULT_LIFECYCLE_CONFIG, type LifecycleConfig } from './lifecycle-config';
