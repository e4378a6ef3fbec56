import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  AcceptInvitationSchema,
  ChangePasswordSchema,
  ErrorResponseSchema,
  LoginRequestSchema,
  SessionInfoSchema,
  SessionSchema,
  Uuid,
} from '@northstar/contracts';
import { requireActor } from '../../platform/http/route-access';
import { toUserDto, type UsersService } from '../users';
import { toWorkspaceDto } from '../workspaces';
import { SESSION_COOKIE, type AuthService } from './auth.service';

type Options = { auth: AuthService; users: UsersService; secureCookies: boolean };

// Per client address and email: slows guessing one account and spraying many.
const LOGIN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

export function authRoutes({ auth, users, secureCookies }: Options): FastifyPluginAsyncTypebox {
  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      maxAge: 14 * 24 * 3600,
    });
  }

  async function presentSession(workspaceId: string, userId: string, token: string | undefined) {
    const info = await auth.sessionInfo(workspaceId, userId, token);
    return {
      user: toUserDto(info.member),
      workspace: toWorkspaceDto(info.workspace),
      workspaces: info.workspaces,
      csrfToken: info.csrfToken,
    };
  }

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: {
            ...LOGIN_RATE_LIMIT,
            keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags: ['auth'],
          summary: 'Log in with email and password; sets the session cookie',
          body: LoginRequestSchema,
          response: { 200: SessionInfoSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.login(request.body, { userAgent: request.headers['user-agent'], ip: request.ip });
        setSessionCookie(reply, result.sessionToken);
        return presentSession(result.workspaceId, result.userId, result.sessionToken);
      },
    );
    app.post(
      '/auth/accept-invite',
      {
        config: { access: 'public', rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags: ['auth'], summary: 'Accept an invitation and set a password', body: AcceptInvitationSchema, response: { 200: SessionInfoSchema } },
      },
      async (request, reply) => {
        const member = await users.acceptInvitation(request.body);
        const ws = member.workspaceId;
        const wsSlug = (await auth.sessionInfo(ws, member.id, undefined)).workspace.slug;
        const result = await auth.login({ email: member.email, password: request.body.password, workspace: wsSlug }, {
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        setSessionCookie(reply, result.sessionToken);
        return presentSession(result.workspaceId, result.userId, result.sessionToken);
      },
    );
    app.get(
      '/auth/session',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Who am I: user, workspace, CSRF token', response: { 200: SessionInfoSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        return presentSession(actor.workspaceId, actor.userId, actor.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined);
      },
    );
    app.post(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'End this session' },
      },
      async (request, reply) => {
        await auth.logout(requireActor(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
    app.get(
      '/auth/sessions',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Your open sessions', response: { 200: Type.Object({ items: Type.Array(SessionSchema) }) } },
      },
      async (request) => {
        const actor = requireActor(request);
        const rows = await auth.listSessions(actor);
        return {
          items: rows.map((s) => ({
            id: s.id,
            current: s.id === actor.sessionId,
            userAgent: s.userAgent,
            ip: s.ip,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
          })),
        };
      },
    );
    app.delete(
      '/auth/sessions/:sessionId',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Revoke one of your sessions', params: Type.Object({ sessionId: Uuid }) },
      },
      async (request, reply) => {
        await auth.revokeSession(requireActor(request), request.params.sessionId);
        return reply.status(204).send();
      },
    );
    app.post(
      '/auth/password',
      {
        config: { access: 'authenticated', rateLimit: LOGIN_RATE_LIMIT },
        schema: { tags: ['auth'], summary: 'Change your password; other sessions end', body: ChangePasswordSchema },
      },
      async (request, reply) => {
        await auth.changePassword(requireActor(request), request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send();
      },
    );
  };
}
