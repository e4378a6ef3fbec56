export { createApiKeysService, type ApiKeysService } from './api-keys.service';
export { apiKeysRoutes } from './api-keys.routes';
export { toApiKeyDto } from './to-api-key-dto';
