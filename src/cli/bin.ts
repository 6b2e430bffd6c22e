/** The process entry point: runs the CLI with the process's arguments and streams. */
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
