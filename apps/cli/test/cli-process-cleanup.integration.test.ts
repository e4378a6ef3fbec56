import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const helpers = fileURLToPath(new URL('./cli-process.ts', import.meta.url));

// A test process that uses the helpers, starts a long-running child, prints its pid and waits.
const script = `
  import { spawnTracked } from ${JSON.stringify(helpers)};
  const child = spawnTracked(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {});
  console.log(child.pid);
  setInterval(() => {}, 1000);
`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

describe('CLI test helpers', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`kill the processes they started when the test process gets ${signal}`, async () => {
      const testProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [line] = (await once(testProcess.stdout, 'data')) as [Buffer];
      const childPid = Number(line.toString().trim());
      assert.ok(childPid > 0 && isAlive(childPid));
      testProcess.kill(signal);
      await once(testProcess, 'exit');
      assert.equal(await waitUntilGone(childPid), true, `child ${childPid} outlived the test process`);
    });
  }

  it('kill them when the test process exits on its own', async () => {
    const exiting = `${script.replace('setInterval(() => {}, 1000);\n', '')}\nsetTimeout(() => process.exit(0), 200);`;
    const testProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', exiting], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(testProcess.stdout, 'data')) as [Buffer];
    const childPid = Number(line.toString().trim());
    await once(testProcess, 'exit');
    assert.equal(await waitUntilGone(childPid), true, `child ${childPid} outlived the test process`);
  });
});
