export { createWorkspacesService, type WorkspacesService } from './workspaces.service';
export { workspacesRoutes } from './workspaces.routes';
export { toWorkspaceDto } from './to-workspace-dto';
export type { WorkspaceRow } from './workspaces.repository';
export { setupWorkspace, type SetupInput } from './setup-workspace';
