import { AsyncLocalStorage } from 'node:async_hooks';
import type { Services } from '@northstar/server';

/**
 * Where a command writes and what it works on. In a CLI process that is the process itself; when
 * the command is forwarded to a running server (see command-socket.ts), it is that connection and
 * the server's own services. AsyncLocalStorage keeps two forwarded commands from mixing.
 */
export type CliIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
  /** Present when running inside the server: use these instead of opening the database. */
  services?: Services;
  setExitCode: (code: number) => void;
};

const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

const storage = new AsyncLocalStorage<CliIo>();

export function cliIo(): CliIo {
  return storage.getStore() ?? processIo;
}

export function runWithIo<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  return storage.run(io, fn);
}
