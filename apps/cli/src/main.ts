import { forwardToRunningServer } from './command-socket-client';
import { createProgram } from './program';
import { runCommand } from './run-command';

// With the embedded database, a running server owns the data dir: hand the command to it.
const forwarded = await forwardToRunningServer(process.argv.slice(2));
if (forwarded !== undefined) {
  process.exitCode = forwarded;
} else {
  await runCommand(() => createProgram().parseAsync(process.argv));
}
