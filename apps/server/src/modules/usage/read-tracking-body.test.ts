import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { AppError } from '../../platform/errors';
import { checkContentType, readTrackingBody, readWriteKey } from './read-tracking-body';

const rejectsWith = (promise: Promise<unknown>, code: string, message: RegExp) =>
  assert.rejects(promise, (error: unknown) => error instanceof AppError && error.code === code && message.test(error.message));

describe('readTrackingBody', () => {
  it('reads plain and gzip JSON objects', async () => {
    assert.deepEqual(await readTrackingBody(Buffer.from('{"a":1}'), {}), { a: 1 });
    assert.deepEqual(await readTrackingBody(gzipSync('{"a":"北"}'), { 'content-encoding': 'gzip' }), { a: '北' });
  });
  it('measures the 500 KB limit after decompression, and stops a gzip bomb at it', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    assert.ok(bomb.length < 100_000);
    await rejectsWith(readTrackingBody(bomb, { 'content-encoding': 'gzip' }), 'VALIDATION_FAILED', /500 KB/);
    await rejectsWith(readTrackingBody(Buffer.from(`{"s":"${'x'.repeat(520_000)}"}`), {}), 'VALIDATION_FAILED', /500 KB/);
  });
  it('says what is wrong with a bad body', async () => {
    await rejectsWith(readTrackingBody(undefined, {}), 'VALIDATION_FAILED', /empty/);
    await rejectsWith(readTrackingBody(Buffer.from('not gzip'), { 'content-encoding': 'gzip' }), 'VALIDATION_FAILED', /not valid gzip/);
    await rejectsWith(readTrackingBody(Buffer.from([0x22, 0xff, 0x22]), {}), 'VALIDATION_FAILED', /UTF-8/);
    await rejectsWith(readTrackingBody(Buffer.from('{"a":'), {}), 'VALIDATION_FAILED', /not valid JSON/);
    await rejectsWith(readTrackingBody(Buffer.from('[1]'), {}), 'VALIDATION_FAILED', /JSON object/);
    await rejectsWith(readTrackingBody(Buffer.from('{}'), { 'content-encoding': 'br' }), 'UNSUPPORTED_MEDIA_TYPE', /br/);
  });
});

describe('checkContentType and readWriteKey', () => {
  it('accepts JSON, text/plain and no content type; refuses forms', () => {
    for (const ok of [undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain;charset=UTF-8']) checkContentType(ok);
    assert.throws(() => checkContentType('application/x-www-form-urlencoded'), /Unsupported content type/);
  });
  it('takes the Basic username (empty password) before the body writeKey', () => {
    const basic = `Basic ${Buffer.from('nsk_header:').toString('base64')}`;
    assert.equal(readWriteKey(basic, { writeKey: 'nsk_body' }), 'nsk_header');
    assert.equal(readWriteKey(undefined, { writeKey: 'nsk_body' }), 'nsk_body');
    assert.equal(readWriteKey(`Basic ${Buffer.from('nsk_nocolon').toString('base64')}`, {}), 'nsk_nocolon');
    assert.equal(readWriteKey('Bearer nsk_x', { writeKey: 7 }), undefined);
  });
});
