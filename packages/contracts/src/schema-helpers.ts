import { Type, type TProperties, type TSchema } from 'typebox';

/**
 * Every request and response object in the API is closed: unknown fields are a 400, never
 * silently dropped. Use this instead of Type.Object so that the rule cannot be forgotten.
 */
export function StrictObject<T extends TProperties>(properties: T, options: Record<string, unknown> = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
/** A calendar date, YYYY-MM-DD (no time zone): renewal dates, contract starts. */
export const IsoDate = Type.String({ format: 'date' });
export const Email = Type.String({ format: 'email', maxLength: 320 });

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** Cursor pagination envelope shared by every list endpoint. */
export function Page<T extends TSchema>(item: T) {
  return StrictObject({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String()),
  });
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};
