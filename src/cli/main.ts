/**
 * The `redline` command line. `run` takes the arguments and the process's
 * streams and returns the exit code: 0 nothing at or above `fail-on`, 1
 * findings that fail, 2 usage, policy and I/O errors. Results go to stdout,
 * progress and messages to stderr.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../engine/errors.js';
import { SEVERITIES } from '../engine/finding.js';
import { DEFAULT_FAIL_ON } from '../engine/policy.js';
import { CATALOG } from '../rules/index.js';
import { FORMAT_NAMES } from '../report/index.js';
import { VERSION } from '../version.js';
import { astOfFile } from './ast-command.js';
import { explainRule, initPolicy, listRules } from './catalog-commands.js';
import { colorEnabled, processIO, type CliIO } from './io.js';
import { scanCommand, type ScanFlags } from './scan-command.js';

export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('redline')
    .description('Finds the red lines of asynchronous Go: hardcoded and logged secrets, TLS verification and configuration races, C memory leaked, double-freed or freed under a goroutine, and context keys any package can collide with.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)');

  const colorOption = (cmd: Command) => cmd.option('--color', 'colour the output').option('--no-color', 'never colour the output');

  colorOption(
    program
      .command('scan')
      .description('scan Go packages for red lines (default: ./...)')
      .argument('[paths...]', 'files, directories or patterns like ./... and ./pkg/...')
      .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('text'))
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .addOption(new Option('--fail-on <severity>', `exit 1 when a finding is at least this severe (default: the policy's fail-on, else ${DEFAULT_FAIL_ON})`).choices([...SEVERITIES, 'none']))
      .addOption(listOption('--enable <rules>', 'enable rules or families (comma-separated, repeatable)'))
      .addOption(listOption('--disable <rules>', 'disable rules or families (comma-separated, repeatable)'))
      .option('-c, --config <file>', 'policy file (default: redline.yaml found from the scan root upwards)')
      .option('--baseline <file>', 'suppress the findings recorded in this baseline file')
      .option('--no-baseline', "ignore the policy's baseline")
      .option('--write-baseline <file>', 'record every current finding in a baseline file')
      .option('-j, --jobs <n>', 'worker threads (1 scans in the main thread)', parseJobs)
      .option('--cache', 'reuse the results of unchanged packages from the last cached scan (in $XDG_CACHE_HOME/redline)')
      .option('--cache-location <file>', 'the scan cache file (implies --cache)')
      .addOption(listOption('--tags <tags>', 'build tags (comma-separated, repeatable)'))
      .option('--goos <goos>', 'target operating system for build constraints (default linux)')
      .option('--goarch <goarch>', 'target architecture for build constraints (default amd64)')
      .option('--include-vendor', 'scan vendor/ directories')
      .option('--include-testdata', 'scan testdata/ directories')
      .option('--include-generated', 'scan generated files (// Code generated ... DO NOT EDIT.)')
      .option('--include-hidden', 'scan hidden and _-prefixed directories')
      .option('--show-suppressed', 'list suppressed findings in the text report')
      .option('-q, --quiet', 'no progress and no summary on stderr'),
  ).action(async (paths: string[], flags: ScanFlags) => {
    exitCode = await scanCommand(io, paths, flags, program.args.join(' '));
  });

  colorOption(
    program
      .command('rules')
      .description('list the rule catalog')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action((flags: { format: 'text' | 'json'; color?: boolean }) => {
    io.stdout.write(listRules(CATALOG, flags.format, colorEnabled(io.stdout, io.env, flags.color)));
  });

  colorOption(program.command('explain').description("show a rule's documentation").argument('<rule>', 'rule id, e.g. tls/insecure-skip-verify')).action(
    (rule: string, flags: { color?: boolean }) => {
      io.stdout.write(explainRule(CATALOG, rule, colorEnabled(io.stdout, io.env, flags.color)));
    },
  );

  program
    .command('init')
    .description('write a commented starter redline.yaml')
    .argument('[dir]', 'directory to write it in', '.')
    .option('--force', 'overwrite an existing redline.yaml')
    .action((dir: string, flags: { force?: boolean }) => {
      const file = initPolicy(io, CATALOG, dir, flags.force === true);
      io.stderr.write(`wrote ${path.relative(io.cwd, file) || file}\n`);
    });

  program
    .command('ast')
    .description('print the syntax tree of a Go file as JSON (for rule authors)')
    .argument('<file>', 'a .go file')
    .option('-o, --output <file>', 'write the JSON to a file')
    .action((file: string, flags: { output?: string }) => {
      const result = astOfFile(io, file);
      if (flags.output) writeFileSync(path.resolve(io.cwd, flags.output), result.json);
      else io.stdout.write(result.json);
      for (const e of result.errors) io.stderr.write(`${e}\n`);
      exitCode = result.errors.length > 0 ? 1 : 0;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return handleError(e, io);
  }
}

/** Maps an error to its exit code and a message without a stack trace. */
function handleError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    // Help and version exit 0; commander has already printed usage errors.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof InputError) {
    io.stderr.write(`redline: ${e.message.split('\n').join('\nredline: ')}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.path === 'string') {
    io.stderr.write(`redline: ${err.path}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
    return 2;
  }
  io.stderr.write(`redline: internal error: ${err?.message ?? String(e)}\n`);
  if (io.env.REDLINE_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
  else io.stderr.write('redline: this is a bug in Redline; rerun with REDLINE_DEBUG=1 for details and report it\n');
  return 2;
}

/** A comma-separated, repeatable option collecting into a list (undefined when not given). */
function listOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser(collect);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError('usage', [{ message: `--jobs: expected a positive integer, got "${value}"` }]);
  return n;
}
