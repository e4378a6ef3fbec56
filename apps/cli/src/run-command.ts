import { CommanderError } from 'commander';
import { AppError, ConfigError, DatabaseTooNewError, DataDirLockedError } from '@northstar/server';
import { cliIo } from './cli-io';

/**
 * Runs the CLI and turns known failures into one readable line and an exit code:
 * 1 for a refused request (bad input, not found), 2 for an environment problem.
 */
export async function runCommand(run: () => Promise<unknown>): Promise<void> {
  const io = cliIo();
  try {
    await run();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Only reached when exitOverride() is on (inside the server): commander already printed.
      io.setExitCode(error.exitCode);
      return;
    }
    if (error instanceof AppError) {
      const details = error.details.map((d) => `  ${d.field ? `${d.field}: ` : ''}${d.problem}`).join('\n');
      io.stderr.write(`error: ${error.message}\n${details ? `${details}\n` : ''}`);
      io.setExitCode(1);
      return;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DatabaseTooNewError) {
      io.stderr.write(`error: ${error.message}\n`);
      io.setExitCode(2);
      return;
    }
    throw error;
  }
}
