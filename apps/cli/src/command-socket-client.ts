import net from 'node:net';
import { loadConfig, readLiveLock } from '@northstar/server';
import type { CommandFrame, CommandRequest } from './command-socket';

/**
 * When the embedded database is owned by a running server that exposes its command socket, runs
 * the command there and returns its exit code; undefined means "run it here" (PostgreSQL, no
 * server, `start` itself, or a server without the socket).
 */
export async function forwardToRunningServer(argv: string[]): Promise<number | undefined> {
  if (argv[0] === 'start' || argv.length === 0) return undefined;
  let config;
  try {
    config = loadConfig();
  } catch {
    return undefined; // the local run reports the configuration problem properly
  }
  if (config.databaseUrl) return undefined;
  const holder = readLiveLock(config.dataDir);
  if (!holder?.socket) return undefined;

  return new Promise<number | undefined>((resolve) => {
    const socket = net.createConnection(holder.socket!);
    let buffered = '';
    let exit: number | undefined;
    let started = false;
    socket.on('connect', () => {
      started = true;
      process.stderr.write(`(running inside the Northstar server, pid ${holder.pid}, which holds ${config.dataDir})\n`);
      const request: CommandRequest = { argv, cwd: process.cwd() };
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const frame = JSON.parse(buffered.slice(0, newline)) as CommandFrame;
        buffered = buffered.slice(newline + 1);
        if ('exit' in frame) exit = frame.exit;
        else (frame.stream === 'stdout' ? process.stdout : process.stderr).write(frame.data);
      }
    });
    socket.on('error', () => {
      // Not reachable (a server mid-shutdown): fall back to a local run, which explains the lock.
      if (!started) resolve(undefined);
    });
    socket.on('close', () => {
      if (started) resolve(exit ?? 1);
    });
  });
}
