import { Type, type Static } from 'typebox';
import { Email, Nullable, StrictObject, Timestamp, Uuid } from './schema-helpers';
import { RoleSchema } from './roles';

export const SlugSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', maxLength: 63 });

export const WorkspaceSchema = StrictObject({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
  createdAt: Timestamp,
});
export type Workspace = Static<typeof WorkspaceSchema>;

export const UpdateWorkspaceSchema = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { examples: [{ name: 'Acme CS' }] },
);

export const UserSchema = StrictObject({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type User = Static<typeof UserSchema>;

export const LoginRequestSchema = StrictObject(
  {
    email: Email,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    workspace: Type.Optional(Type.String({ maxLength: 63 })),
  },
  { examples: [{ email: 'admin@example.com', password: 'correct horse battery staple' }] },
);
export type LoginRequest = Static<typeof LoginRequestSchema>;

export const SessionInfoSchema = StrictObject({
  user: UserSchema,
  workspace: WorkspaceSchema,
  workspaces: Type.Array(StrictObject({ id: Uuid, slug: Type.String(), name: Type.String(), role: RoleSchema })),
  /** Send back as the x-csrf-token header on every unsafe request made with the session cookie. */
  csrfToken: Type.String(),
});
export type SessionInfo = Static<typeof SessionInfoSchema>;

export const SessionSchema = StrictObject({
  id: Uuid,
  current: Type.Boolean(),
  userAgent: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
});

export const InviteUserSchema = StrictObject(
  {
    email: Email,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
  },
  { examples: [{ email: 'new.csm@example.com', name: 'New CSM', role: 'csm' }] },
);
export type InviteUser = Static<typeof InviteUserSchema>;

export const InvitationSchema = StrictObject({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  expiresAt: Timestamp,
  /** Shown once: the invitee opens /accept-invite?token=… or posts it to /auth/accept-invite. */
  token: Type.String(),
});

export const AcceptInvitationSchema = StrictObject(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    password: Type.String({ minLength: 8, maxLength: 1024 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { examples: [{ token: 'nsi_example-token', password: 'a long passphrase' }] },
);

export const UpdateUserSchema = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
  },
  { examples: [{ role: 'manager' }] },
);

export const ChangePasswordSchema = StrictObject(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 8, maxLength: 1024 }),
  },
  { examples: [{ currentPassword: 'old passphrase', newPassword: 'new long passphrase' }] },
);

export const CreateKeySchema = StrictObject(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { examples: [{ name: 'CRM sync' }] },
);

export const ApiKeySchema = StrictObject({
  id: Uuid,
  name: Type.String(),
  /** The first characters of the secret, so people can tell keys apart; never the secret. */
  prefix: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
  userId: Nullable(Uuid),
});
export type ApiKey = Static<typeof ApiKeySchema>;

export const CreatedKeySchema = StrictObject({
  key: ApiKeySchema,
  /** The only time the secret is shown. */
  secret: Type.String(),
});
