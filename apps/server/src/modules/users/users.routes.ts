import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InvitationSchema, InviteUserSchema, UpdateUserSchema, UserSchema, Uuid } from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import { toUserDto } from './to-user-dto';
import type { UsersService } from './users.service';

const UserParams = Type.Object({ userId: Uuid });

export function usersRoutes(service: UsersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/users',
      {
        config: { access: { permission: 'users:read' } },
        schema: { tags: ['users'], summary: 'Members of the workspace', response: { 200: Type.Object({ items: Type.Array(UserSchema) }) } },
      },
      async (request) => ({ items: (await service.listMembers(requireActor(request).workspaceId)).map(toUserDto) }),
    );
    app.get(
      '/users/:userId',
      {
        config: { access: { permission: 'users:read' } },
        schema: { tags: ['users'], summary: 'One member', params: UserParams, response: { 200: UserSchema } },
      },
      async (request) => toUserDto(await service.getMember(requireActor(request).workspaceId, request.params.userId)),
    );
    app.post(
      '/users/invitations',
      {
        config: { access: { permission: 'users:manage' } },
        schema: { tags: ['users'], summary: 'Invite a person; the token is shown once', body: InviteUserSchema, response: { 201: InvitationSchema } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const inv = await service.inviteUser(actor.workspaceId, actor.userId, request.body);
        return reply.status(201).send({
          id: inv.id,
          email: inv.email,
          name: inv.name,
          role: inv.role,
          expiresAt: inv.expiresAt.toISOString(),
          token: inv.token,
        });
      },
    );
    app.patch(
      '/users/:userId',
      {
        config: { access: { permission: 'users:manage' } },
        schema: { tags: ['users'], summary: 'Change a member’s name, role or active flag', params: UserParams, body: UpdateUserSchema, response: { 200: UserSchema } },
      },
      async (request) => toUserDto(await service.updateMember(requireActor(request).workspaceId, request.params.userId, request.body)),
    );
    app.delete(
      '/users/:userId',
      {
        config: { access: { permission: 'users:manage' } },
        schema: { tags: ['users'], summary: 'Remove a member from the workspace', params: UserParams },
      },
      async (request, reply) => {
        await service.removeMember(requireActor(request).workspaceId, request.params.userId);
        return reply.status(204).send();
      },
    );
  };
}
