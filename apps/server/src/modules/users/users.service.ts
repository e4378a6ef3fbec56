import type { InviteUser, Role } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { generateSecret, hashPassword, sha256, verifyPassword } from '../../platform/security/secrets';
import { createUsersRepository, type MemberRow } from './users.repository';
import { wouldRemoveLastAdmin } from './users.policy';

export type UsersService = ReturnType<typeof createUsersService>;

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export function createUsersService({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createUsersRepository(database.db);

  async function getMember(workspaceId: string, userId: string): Promise<MemberRow> {
    const row = await repo.findMember(workspaceId, userId);
    if (!row) throw new AppError('USER_NOT_FOUND', 'User not found');
    return row;
  }

  async function guardLastAdmin(workspaceId: string, current: MemberRow, next: { role?: Role; active?: boolean; removed?: boolean }) {
    const admins = await repo.countActiveAdmins(workspaceId);
    if (wouldRemoveLastAdmin(current, next, admins)) {
      throw new AppError('USER_LAST_ADMIN', 'A workspace must keep at least one active admin');
    }
  }

  return {
    getMember,
    findMemberOrUndefined: (workspaceId: string, userId: string) => repo.findMember(workspaceId, userId),
    listMembers: (workspaceId: string) => repo.listMembers(workspaceId),
    findUserByEmail: (email: string) => repo.findUserByEmail(email),
    listMembershipsOfUser: (userId: string) => repo.listMembershipsOfUser(userId),
    touchLogin: (userId: string) => repo.touchLogin(userId, clock.now()),

    /**
     * Adds a person with a password straight into a workspace (setup, demo, admin CLI). An
     * existing user with that email joins with the given role; their password is not changed.
     */
    async addMemberWithPassword(workspaceId: string, input: { email: string; name: string; password: string; role: Role }): Promise<MemberRow> {
      let user = await repo.findUserByEmail(input.email);
      if (!user) {
        user = await repo.insertUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
      }
      await repo.upsertMembership(workspaceId, user.id, input.role);
      return getMember(workspaceId, user.id);
    },

    /** Creates an invitation; the token is returned once, for the admin to pass on. */
    async inviteUser(workspaceId: string, invitedBy: string, input: InviteUser) {
      const existing = await repo.findUserByEmail(input.email);
      if (existing && (await repo.findMember(workspaceId, existing.id))) {
        throw new AppError('USER_EMAIL_TAKEN', `${input.email} is already a member of this workspace`, [
          { field: 'email', problem: 'already a member' },
        ]);
      }
      const { secret, hash } = generateSecret('nsi');
      const row = await repo.insertInvitation({
        workspaceId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hash,
        invitedBy,
        expiresAt: new Date(clock.now().getTime() + INVITATION_TTL_MS),
      });
      return { ...row, token: secret };
    },

    /**
     * Turns an invitation into a membership, creating the user (with this password) if new. A
     * person who already has a login proves it with their current password, which is left as is.
     * The invitation is claimed and the membership created in one transaction, so a token works
     * exactly once even when two requests race.
     */
    async acceptInvitation(input: { token: string; password: string; name?: string }): Promise<MemberRow> {
      const hash = sha256(input.token);
      const invitation = await repo.findOpenInvitation(hash, clock.now());
      if (!invitation) {
        const any = await repo.findInvitationByHash(hash);
        if (any && !any.acceptedAt) throw new AppError('INVITATION_EXPIRED', 'This invitation has expired: ask an admin for a new one');
        throw new AppError('INVITATION_NOT_FOUND', 'Invitation not found or already used');
      }
      const existing = await repo.findUserByEmail(invitation.email);
      if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError('AUTH_INVALID_CREDENTIALS', `${invitation.email} already has a Northstar login: enter its current password`, [
          { field: 'password', problem: 'must be the current password of the existing login' },
        ]);
      }
      // Hashed before the transaction: argon2 takes tens of milliseconds.
      const newHash = existing?.passwordHash ? undefined : await hashPassword(input.password);
      const userId = await database.db.transaction(async (tx) => {
        const txRepo = createUsersRepository(tx);
        const now = clock.now();
        if (!(await txRepo.claimInvitation(invitation.id, now))) {
          throw new AppError('INVITATION_NOT_FOUND', 'Invitation not found or already used');
        }
        if (existing) {
          if (newHash) await txRepo.setPasswordHash(existing.id, newHash);
          await txRepo.upsertMembership(invitation.workspaceId, existing.id, invitation.role);
          return existing.id;
        }
        const user = await txRepo.insertUser({ email: invitation.email, name: input.name ?? invitation.name, passwordHash: newHash! });
        await txRepo.upsertMembership(invitation.workspaceId, user.id, invitation.role);
        return user.id;
      });
      return getMember(invitation.workspaceId, userId);
    },

    async updateMember(workspaceId: string, userId: string, patch: { name?: string; role?: Role; active?: boolean }): Promise<MemberRow> {
      const current = await getMember(workspaceId, userId);
      await guardLastAdmin(workspaceId, current, patch);
      if (patch.role !== undefined || patch.active !== undefined) {
        await repo.updateMembership(workspaceId, userId, {
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
        });
      }
      if (patch.name !== undefined) await repo.updateUserName(userId, patch.name);
      return getMember(workspaceId, userId);
    },

    async removeMember(workspaceId: string, userId: string): Promise<void> {
      const current = await getMember(workspaceId, userId);
      await guardLastAdmin(workspaceId, current, { removed: true });
      await repo.deleteMembership(workspaceId, userId);
    },

    async setPassword(userId: string, password: string): Promise<void> {
      await repo.setPasswordHash(userId, await hashPassword(password));
    },
  };
}
