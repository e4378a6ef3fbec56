import { Type, type Static } from 'typebox';

/**
 * Every error code the API can answer with, and its HTTP status. One table, so the web client,
 * the CLI and the server agree on meaning.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_TOKEN_REVOKED: 401,
  AUTH_CSRF_FAILED: 403,
  AUTH_FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  WORKSPACE_NOT_FOUND: 404,
  WORKSPACE_SLUG_TAKEN: 409,
  WORKSPACE_AMBIGUOUS: 400,
  USER_NOT_FOUND: 404,
  USER_EMAIL_TAKEN: 409,
  USER_LAST_ADMIN: 409,
  INVITATION_NOT_FOUND: 404,
  INVITATION_EXPIRED: 410,
  SESSION_NOT_FOUND: 404,
  API_TOKEN_NOT_FOUND: 404,
  WRITE_KEY_NOT_FOUND: 404,
  ACCOUNT_NOT_FOUND: 404,
  ACCOUNT_EXTERNAL_ID_TAKEN: 409,
  ACCOUNT_NOT_DELETED: 409,
  ACCOUNT_RESTORE_EXPIRED: 410,
  CONTACT_NOT_FOUND: 404,
  CONTACT_EXTERNAL_ID_TAKEN: 409,
  CUSTOM_FIELD_NOT_FOUND: 404,
  CUSTOM_FIELD_KEY_TAKEN: 409,
  CUSTOM_FIELD_INVALID: 400,
  IMPORT_FAILED: 422,
  FEATURE_NOT_FOUND: 404,
  PRODUCT_USER_NOT_FOUND: 404,
  SEGMENT_NOT_FOUND: 404,
  LIFECYCLE_STAGE_DISABLED: 409,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export const ErrorDetailSchema = Type.Object({
  field: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  problem: Type.String(),
});

export const ErrorResponseSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(ErrorDetailSchema),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponseSchema>;
export type ErrorDetail = Static<typeof ErrorDetailSchema>;
