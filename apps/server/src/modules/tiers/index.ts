export { createTiersService, type TiersService, type LoadEngagement, type LoadHealth } from './tiers.service';
export { tiersRoutes } from './tiers.routes';
export { DEFAULT_TIERING_POLICY, type TieringPolicy } from './tiering-policy';
