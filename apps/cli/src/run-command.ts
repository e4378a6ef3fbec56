import { AppError, ConfigError, DatabaseTooNewError, DataDirLockedError } from '@northstar/server';

/**
 * Runs the CLI and turns known failures into one readable line and an exit code:
 * 1 for a refused request (bad input, not found), 2 for an environment problem.
 */
export async function runCommand(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.details.map((d) => `  ${d.field ? `${d.field}: ` : ''}${d.problem}`).join('\n');
      process.stderr.write(`error: ${error.message}\n${details ? `${details}\n` : ''}`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DatabaseTooNewError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
