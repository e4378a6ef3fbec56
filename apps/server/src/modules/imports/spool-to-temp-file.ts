import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors';

/**
 * Writes an upload to a private temp file, refusing it past `maxBytes`. The import reads its
 * file twice (validate, then write), and a request body can only be read once; spooling keeps
 * memory flat whatever the size. The caller deletes the file (`remove`).
 */
export async function spoolToTempFile(body: Readable, maxBytes: number): Promise<{ file: string; bytes: number; remove: () => Promise<void> }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'northstar-import-'));
  const file = path.join(dir, `${randomBytes(8).toString('hex')}.csv`);
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        callback(new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB`, [{ field: 'body', location: 'body', problem: 'too large' }]));
      } else callback(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { file, bytes, remove };
}
