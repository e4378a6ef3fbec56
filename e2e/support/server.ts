import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from './database';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'apps/cli/bin/northstar.js');
const webRoot = path.join(repoRoot, 'apps/web');

export type TestServer = {
  baseUrl: string;
  workspaceSlug: string;
  adminEmail: string;
  adminPassword: string;
  apiToken: string;
  /** Calls the API as the setup admin with the Bearer token. */
  api: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `npm test` builds the UI first; a single e2e file run on its own builds it here if missing. */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(webRoot, 'dist/index.html'))) return;
  const result = spawnSync(process.execPath, [path.join(webRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`northstar ${args[0]} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A real Northstar process for a browser journey: `northstar setup` then `northstar start` on a
 * free port, with its own temp data dir (PGlite) or its own fresh PostgreSQL database.
 */
export async function startTestServer(): Promise<TestServer> {
  ensureWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'northstar-e2e-'));
  let database: TestDatabase | undefined;
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    if (child) await stopProcess(child);
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    database = await createTestDatabase();
    const env: NodeJS.ProcessEnv = { ...process.env, NORTHSTAR_DATA_DIR: dataDir, NORTHSTAR_LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NORTHSTAR_WEB_DIST;
    if (database.url) env.DATABASE_URL = database.url;

    const adminEmail = 'admin@e2e.example.com';
    const adminPassword = 'e2e passphrase long enough';
    const setup = JSON.parse(
      runCli(
        [
          'setup',
          '--workspace',
          'Acme Customer Success',
          '--slug',
          'acme-cs',
          '--admin-email',
          adminEmail,
          '--admin-password',
          adminPassword,
          '--admin-name',
          'Ada Admin',
          '--json',
        ],
        env,
      ),
    ) as { workspace: { slug: string }; apiToken: string };

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let output = '';
    child = spawn(process.execPath, [cli, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-build'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(baseUrl, child, () => output);

    const api = async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${baseUrl}/api/v1${apiPath}`, {
        method,
        headers: { authorization: `Bearer ${setup.apiToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${apiPath} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };

    return { baseUrl, workspaceSlug: setup.workspace.slug, adminEmail, adminPassword, apiToken: setup.apiToken, api, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
