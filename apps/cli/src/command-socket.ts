import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Services } from '@northstar/server';
import { runWithIo } from './cli-io';
import { createProgram } from './program';
import { runCommand } from './run-command';

export const COMMAND_SOCKET = 'northstar.sock';

/** What a client sends: one JSON line. The server answers with JSON lines, the last one `{exit}`. */
export type CommandRequest = { argv: string[]; cwd: string };
export type CommandFrame = { stream: 'stdout' | 'stderr'; data: string } | { exit: number };

/**
 * A local socket in the embedded data dir through which CLI commands run inside the server that
 * owns the database, with its services. Only the owner of the data dir can connect (mode 0600).
 */
export async function serveCommandSocket(dataDir: string, services: Services): Promise<{ path: string; close: () => Promise<void> }> {
  const socketPath = path.join(dataDir, COMMAND_SOCKET);
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => handleConnection(socket, services));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  const removeFile = () => fs.rmSync(socketPath, { force: true });
  process.once('exit', removeFile);
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        removeFile();
      }),
  };
}

function handleConnection(socket: net.Socket, services: Services): void {
  let buffered = '';
  socket.setEncoding('utf8');
  const onData = (chunk: string) => {
    buffered += chunk;
    const newline = buffered.indexOf('\n');
    if (newline < 0) {
      if (buffered.length > 1_000_000) socket.destroy();
      return;
    }
    socket.off('data', onData);
    let request: CommandRequest;
    try {
      request = JSON.parse(buffered.slice(0, newline)) as CommandRequest;
      if (!Array.isArray(request.argv) || typeof request.cwd !== 'string') throw new Error('bad request');
    } catch {
      socket.end(`${JSON.stringify({ stream: 'stderr', data: 'error: malformed command request\n' })}\n${JSON.stringify({ exit: 2 })}\n`);
      return;
    }
    void runForwarded(socket, request, services);
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}

async function runForwarded(socket: net.Socket, request: CommandRequest, services: Services): Promise<void> {
  const send = (frame: CommandFrame) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };
  const stream = (name: 'stdout' | 'stderr') => {
    const out = new PassThrough();
    // Decode as a stream so a multi-byte character split across chunks stays whole.
    out.setEncoding('utf8');
    out.on('data', (text: string) => send({ stream: name, data: text }));
    return out;
  };
  let exitCode = 0;
  const io = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    cwd: request.cwd,
    services,
    setExitCode: (code: number) => {
      exitCode = code;
    },
  };
  if (request.argv[0] === 'start') {
    io.stderr.write('error: the Northstar server is already running on this data dir\n');
    exitCode = 2;
  } else {
    try {
      await runWithIo(io, () => runCommand(() => createProgram({ insideServer: true }).parseAsync(request.argv, { from: 'user' })));
    } catch (error) {
      io.stderr.write(`error: ${(error as Error).message}\n`);
      exitCode = 1;
    }
  }
  // Let the PassThroughs flush their last chunks before the exit frame.
  await new Promise((resolve) => setImmediate(resolve));
  send({ exit: exitCode });
  socket.end();
}
