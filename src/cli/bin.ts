/** The process entry point: runs the CLI with the process's arguments and streams. */
import { run } from './main.js';

// A reader that stops early (`redline scan | head`) closes the pipe: end quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await run(process.argv.slice(2));
