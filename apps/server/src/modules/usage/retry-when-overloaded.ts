import { setTimeout as sleep } from 'node:timers/promises';
import { OverloadedError } from './group-commit';

const MAX_ATTEMPTS = 30;

/**
 * For in-process senders (backfill import, demo): ingestion sheds load with OverloadedError, as
 * the HTTP API answers 503; wait a little longer each time and send the same events again.
 */
export async function retryWhenOverloaded<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof OverloadedError) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.min(2_000, 100 * attempt));
    }
  }
}
