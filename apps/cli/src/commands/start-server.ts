import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_WEB_DIST, loadConfig, startServer, updateLockInfo } from '@northstar/server';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Start the API and web UI (migrations are applied first)')
    .option('--port <port>', 'port to listen on (default 4000, or NORTHSTAR_PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, or NORTHSTAR_HOST)')
    .option('--no-build', 'do not build the web UI when it is missing')
    .action(async (options: { port?: string; host?: string; build: boolean }) => {
      const env = { ...process.env };
      if (options.port) env.NORTHSTAR_PORT = options.port;
      if (options.host) env.NORTHSTAR_HOST = options.host;
      const config = loadConfig(env);
      const webDist = config.webDist ?? DEFAULT_WEB_DIST;
      if (options.build && !config.webDist && !fs.existsSync(path.join(webDist, 'index.html'))) buildWebUi(webDist);
      const server = await startServer(config, { handleSignals: true });
      if (!config.databaseUrl) await exposeCommandSocket(config.dataDir, server);
      const engine = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
      process.stderr.write(`\nNorthstar is running at ${server.url}  (database: ${engine})\nAPI docs: ${server.url}/api/docs\n\n`);
    });
}

function buildWebUi(webDist: string): void {
  const webRoot = path.dirname(webDist);
  if (!fs.existsSync(path.join(webRoot, 'package.json'))) return;
  process.stderr.write('Building the web UI (first start only)…\n');
  const result = spawnSync(process.execPath, [path.join(webRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    // Fall back to the hoisted vite if the workspace has no local copy.
    const hoisted = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webRoot, stdio: 'inherit' });
    if (hoisted.status !== 0) throw new Error('Building the web UI failed; see the output above');
  }
}

/**
 * The embedded database belongs to this process now; other `northstar` commands reach it through a
 * local socket instead of failing on the lock. Loaded lazily: the socket runs the command tree,
 * which contains this very command.
 */
async function exposeCommandSocket(dataDir: string, server: Awaited<ReturnType<typeof startServer>>): Promise<void> {
  const { serveCommandSocket } = await import('../command-socket');
  try {
    const socket = await serveCommandSocket(dataDir, server.services);
    updateLockInfo(dataDir, { socket: socket.path });
    server.onStop(socket.close);
  } catch (error) {
    // A data dir path too long for a Unix socket (about 100 bytes): commands then stop with the lock message.
    process.stderr.write(`warning: other northstar commands cannot reach this server (${(error as Error).message})
`);
  }
}
