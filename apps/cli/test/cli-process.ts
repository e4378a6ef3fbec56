import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** Helpers to drive the real CLI (`node apps/cli/bin/northstar.js`) as separate processes. */

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const cliBin = path.join(repoRoot, 'apps/cli/bin/northstar.js');
export const engine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

// Every process these helpers started and that still runs. A test run that is interrupted (a
// timeout, Ctrl-C, the runner's SIGTERM) would otherwise leave servers holding ports and data
// dirs. A SIGKILL of the test process itself cannot be caught: only that case can still orphan.
const liveChildren = new Set<ChildProcess>();
const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function killLiveChildren(): void {
  for (const child of liveChildren) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  liveChildren.clear();
}

process.once('exit', killLiveChildren);
for (const signal of CLEANUP_SIGNALS) {
  process.once(signal, () => {
    killLiveChildren();
    // Our listener is gone now: the signal's default action (or the runner's own handler) follows.
    process.kill(process.pid, signal);
  });
}

/** spawn(), remembered until the child exits so that it dies with the test process. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, options);
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

/** Runs one CLI command to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000, cwd = repoRoot): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(process.execPath, [cliBin, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`northstar ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A port nobody listens on right now (the CLI cannot report a port-0 listen). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type TestEnv = {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  cleanup: () => Promise<void>;
};

/**
 * Where one test's server keeps its data: a temp NORTHSTAR_DATA_DIR and, when TEST_DATABASE_URL
 * is set, a fresh PostgreSQL database on that server (dropped by cleanup).
 */
export async function createTestEnv(): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-cli-'));
  const env: NodeJS.ProcessEnv = { NORTHSTAR_DATA_DIR: dataDir, NORTHSTAR_LOG_LEVEL: 'warn', DATABASE_URL: undefined };
  let dropDatabase = async () => {};
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `northstar_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return {
    env,
    dataDir,
    cleanup: async () => {
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startMs: number;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `northstar start` and waits until /healthz answers 200. */
export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnTracked(process.execPath, [cliBin, 'start', '--no-build', '--port', String(port)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (hasExited) throw new Error(`northstar start exited before it served /healthz:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`northstar start did not serve /healthz within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const startMs = performance.now() - started;
  return {
    child,
    url,
    pid: child.pid!,
    startMs,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (!hasExited) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export async function setupWorkspace(env: NodeJS.ProcessEnv, name = 'CLI Co') {
  const suffix = randomBytes(3).toString('hex');
  const result = await runCli(
    [
      'setup',
      '--workspace',
      name,
      '--slug',
      `cli-${suffix}`,
      '--admin-email',
      `admin-${suffix}@example.com`,
      '--admin-password',
      'a long passphrase',
      '--json',
    ],
    env,
  );
  if (result.code !== 0) throw new Error(`setup failed (${result.code}): ${result.stderr}`);
  return {
    ...(JSON.parse(result.stdout) as { workspace: { id: string; slug: string }; apiToken: string; writeKey: string }),
    raw: result.stdout,
  };
}
