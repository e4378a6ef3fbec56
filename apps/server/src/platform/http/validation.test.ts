import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { Type } from 'typebox';
import { Nullable, StrictObject } from '@northstar/contracts';
import { compileValidator, simplifyDetails, toErrorDetails } from './validation';

const Body = StrictObject({
  name: Type.String({ minLength: 1 }),
  role: Type.Optional(Type.Enum(['admin', 'csm'])),
  owner: Type.Optional(StrictObject({ email: Type.String({ format: 'email' }), seats: Type.Optional(Type.Integer()) })),
  note: Type.Optional(Nullable(Type.String())),
  employees: Type.Optional(Type.Integer()),
});

function detailsFor(value: unknown, location = 'body') {
  const validate = compileValidator({ schema: Body, httpPart: location });
  assert.equal(validate(value), false, 'expected the value to be invalid');
  return simplifyDetails(toErrorDetails(validate.errors as ErrorObject[], location));
}

describe('toErrorDetails and simplifyDetails', () => {
  it('names an unknown field', () => {
    assert.deepEqual(detailsFor({ name: 'x', nickname: 'y' }), [{ field: 'nickname', location: 'body', problem: 'unknown field "nickname"' }]);
  });

  it('names a missing field', () => {
    assert.deepEqual(detailsFor({}), [{ field: 'name', location: 'body', problem: 'is required' }]);
  });

  it('lists the allowed values of an enum', () => {
    assert.deepEqual(detailsFor({ name: 'x', role: 'owner' }), [{ field: 'role', location: 'body', problem: 'must be one of "admin", "csm"' }]);
  });

  it('names nested fields with a dotted path', () => {
    assert.deepEqual(detailsFor({ name: 'x', owner: { email: 'not-an-email', seats: 1.5, extra: true } }), [
      { field: 'owner.extra', location: 'body', problem: 'unknown field "owner.extra"' },
      { field: 'owner.email', location: 'body', problem: 'must match format "email"' },
      { field: 'owner.seats', location: 'body', problem: 'must be integer' },
    ]);
    assert.deepEqual(detailsFor({ name: 'x', owner: {} }), [{ field: 'owner.email', location: 'body', problem: 'is required' }]);
  });

  it('merges the branches of a nullable field into one line, without the anyOf noise', () => {
    assert.deepEqual(detailsFor({ name: 'x', note: 5 }), [{ field: 'note', location: 'body', problem: 'must be string or null' }]);
  });

  it('reports every bad field at once', () => {
    const fields = detailsFor({ role: 'owner', note: 5, employees: 'many', extra: 1 }).map((d) => d.field).sort();
    assert.deepEqual(fields, ['employees', 'extra', 'name', 'note', 'role']);
  });

  it('falls back to the location when the whole value is wrong', () => {
    assert.deepEqual(detailsFor('just text'), [{ field: 'body', location: 'body', problem: 'must be object' }]);
  });

  it('keeps two different problems of one field that is not a union', () => {
    const details = simplifyDetails([
      { field: 'slug', location: 'body', problem: 'must match pattern "^[a-z]+$"' },
      { field: 'slug', location: 'body', problem: 'must NOT have more than 63 characters' },
      { field: 'slug', location: 'body', problem: 'must NOT have more than 63 characters' },
    ]);
    assert.equal(details.length, 2);
  });
});

describe('compileValidator', () => {
  it('never coerces body values: "80" is not an integer', () => {
    const validate = compileValidator({ schema: Body, httpPart: 'body' });
    const body = { name: 'x', employees: '80' };
    assert.equal(validate(body), false);
    assert.equal(body.employees, '80');
  });

  it('coerces query strings, which are text by nature', () => {
    const validate = compileValidator({
      schema: StrictObject({ limit: Type.Optional(Type.Integer({ default: 50 })), tag: Type.Optional(Type.Array(Type.String())) }),
      httpPart: 'querystring',
    });
    const query: Record<string, unknown> = { limit: '10', tag: 'a' };
    assert.equal(validate(query), true);
    assert.deepEqual(query, { limit: 10, tag: ['a'] });
    const empty: Record<string, unknown> = {};
    assert.equal(validate(empty), true);
    assert.deepEqual(empty, { limit: 50 });
    assert.equal(validate({ limit: 'abc' }), false);
  });
});

describe('tagged unions', () => {
  const Tagged = StrictObject({
    trigger: Type.Union([
      StrictObject({ type: Type.Literal('renewal'), days: Type.Integer({ minimum: 0 }) }),
      StrictObject({ type: Type.Literal('segment'), segmentId: Type.String() }),
    ]),
  });
  const details = (value: unknown) => {
    const validate = compileValidator({ schema: Tagged, httpPart: 'body' });
    assert.equal(validate(value), false);
    return simplifyDetails(toErrorDetails(validate.errors as ErrorObject[], 'body'));
  };

  it('reports only the branch whose tag matched', () => {
    assert.deepEqual(details({ trigger: { type: 'renewal', days: -1 } }), [
      { field: 'trigger.days', location: 'body', problem: 'must be >= 0' },
    ]);
    assert.deepEqual(details({ trigger: { type: 'segment', days: 3 } }), [
      { field: 'trigger.segmentId', location: 'body', problem: 'is required' },
      { field: 'trigger.days', location: 'body', problem: 'unknown field "trigger.days"' },
    ]);
  });

  it('lists the tags when none matched', () => {
    assert.deepEqual(details({ trigger: { type: 'nope' } }), [
      { field: 'trigger.type', location: 'body', problem: 'must be one of "renewal", "segment"' },
    ]);
  });
});
