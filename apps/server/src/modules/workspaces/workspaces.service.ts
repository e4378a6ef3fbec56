import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { calculateSlug, isValidTimezone } from './calculate-slug';
import { createWorkspacesRepository, type WorkspaceRow } from './workspaces.repository';

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;

export function createWorkspacesService({ database }: { database: Database }) {
  const repo = createWorkspacesRepository(database.db);

  return {
    /** Creates a workspace; the slug is derived from the name when not given, and must be free. */
    async createWorkspace(input: { name: string; slug?: string; timezone?: string }): Promise<WorkspaceRow> {
      const slug = input.slug ?? calculateSlug(input.name);
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) {
        throw new AppError('VALIDATION_FAILED', `Invalid workspace slug "${slug}"`, [
          { field: 'slug', problem: 'use lowercase letters, digits and dashes' },
        ]);
      }
      if (input.timezone && !isValidTimezone(input.timezone)) {
        throw new AppError('VALIDATION_FAILED', `Unknown time zone "${input.timezone}"`, [
          { field: 'timezone', problem: 'must be an IANA time zone such as Asia/Shanghai' },
        ]);
      }
      if (await repo.findBySlug(slug)) throw new AppError('WORKSPACE_SLUG_TAKEN', `Workspace "${slug}" already exists`);
      return repo.insert({ slug, name: input.name, timezone: input.timezone ?? 'UTC' });
    },

    /** The workspace by id, or WORKSPACE_NOT_FOUND. */
    async getWorkspace(id: string): Promise<WorkspaceRow> {
      const row = await repo.findById(id);
      if (!row) throw new AppError('WORKSPACE_NOT_FOUND', 'Workspace not found');
      return row;
    },

    findWorkspaceBySlug: (slug: string) => repo.findBySlug(slug),
    listWorkspaces: () => repo.list(),

    /**
     * Picks the workspace a CLI command acts in: the named one, or the only one there is.
     */
    async resolveWorkspace(slug: string | undefined): Promise<WorkspaceRow> {
      if (slug) {
        const row = await repo.findBySlug(slug);
        if (!row) throw new AppError('WORKSPACE_NOT_FOUND', `No workspace "${slug}"`);
        return row;
      }
      const all = await repo.list();
      if (all.length === 1) return all[0]!;
      if (all.length === 0) throw new AppError('WORKSPACE_NOT_FOUND', 'No workspace yet: run `northstar setup` or `northstar demo` first');
      throw new AppError('WORKSPACE_AMBIGUOUS', `Several workspaces exist (${all.map((w) => w.slug).join(', ')}): pass --workspace SLUG`);
    },

    async updateWorkspace(id: string, patch: { name?: string; timezone?: string }): Promise<WorkspaceRow> {
      if (patch.timezone && !isValidTimezone(patch.timezone)) {
        throw new AppError('VALIDATION_FAILED', `Unknown time zone "${patch.timezone}"`, [
          { field: 'timezone', problem: 'must be an IANA time zone such as Asia/Shanghai' },
        ]);
      }
      const row = await repo.update(id, patch);
      if (!row) throw new AppError('WORKSPACE_NOT_FOUND', 'Workspace not found');
      return row;
    },
  };
}
