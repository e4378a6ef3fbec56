import type { Workspace } from '@northstar/contracts';
import type { WorkspaceRow } from './workspaces.repository';

export function toWorkspaceDto(row: WorkspaceRow): Workspace {
  return { id: row.id, slug: row.slug, name: row.name, timezone: row.timezone, createdAt: row.createdAt.toISOString() };
}
