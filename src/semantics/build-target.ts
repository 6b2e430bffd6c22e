/**
 * Build targets: does a file take part in the build for a GOOS/GOARCH, a
 * set of tags, cgo and a Go release? Implements go/build's rules
 * (`goodOSArchFile`, `shouldBuild`, `parseFileHeader`, `matchTag`) from
 * the file name and the file header alone, without a full parse.
 */
import fs from 'node:fs';
import { BuildTargetError, type Problem } from '../engine/errors.js';
import { didYouMean, suggestionSuffix } from '../engine/suggest.js';
import {
  type Constraint,
  type ConstraintResult,
  evalConstraint,
  isGoBuildLine,
  isPlusBuildLine,
  parseConstraint,
  tagsOf,
} from '../syntax/build-constraint.js';

/** Every GOOS go/build knows for file names (`internal/syslist.KnownOS`). */
export const KNOWN_OS = [
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
  'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos',
] as const;
export type GoOS = (typeof KNOWN_OS)[number];

/** The GOOS values the `unix` tag matches (`internal/syslist.UnixOS`). */
export const UNIX_OS: ReadonlySet<GoOS> = new Set<GoOS>([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'linux', 'netbsd', 'openbsd', 'solaris',
]);

/** Every GOARCH go/build knows for file names (`internal/syslist.KnownArch`). */
export const KNOWN_ARCH = [
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64',
  'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
] as const;
export type GoArch = (typeof KNOWN_ARCH)[number];

/** A Go language release, `go1.N`. */
export type GoRelease = `go1.${number}`;

/** The newest Go release Redline knows; the version assumed when none is known. */
export const LATEST_GO_RELEASE: GoRelease = 'go1.26';

/** The minor number of a release: `releaseMinor('go1.22') === 22`. */
export function releaseMinor(release: GoRelease): number {
  return Number(release.slice('go1.'.length));
}

/** Reports whether `text` is a release name `go1.N`. */
export function isGoRelease(text: string): text is GoRelease {
  return /^go1\.(0|[1-9]\d*)$/.test(text);
}

export interface BuildTarget {
  readonly goos: GoOS;
  readonly goarch: GoArch;
  /** Extra build tags (`-tags`). */
  readonly tags: readonly string[];
  readonly cgoEnabled: boolean;
  /** The release whose `go1.N` tags are satisfied (go1.1 … go1.N). */
  readonly goVersion: GoRelease;
}

export const DEFAULT_BUILD_TARGET: BuildTarget = {
  goos: 'linux',
  goarch: 'amd64',
  tags: [],
  cgoEnabled: true,
  goVersion: LATEST_GO_RELEASE,
};

/** Loose input for `makeBuildTarget`, e.g. from CLI flags. */
export interface BuildTargetInput {
  readonly goos?: string;
  readonly goarch?: string;
  readonly tags?: readonly string[];
  readonly cgoEnabled?: boolean;
  readonly goVersion?: string;
}

const TAG = /^[A-Za-z0-9_.]+$/;

/** Validates a build target, filling in the defaults; throws `BuildTargetError`. */
export function makeBuildTarget(input: BuildTargetInput = {}): BuildTarget {
  const problems: Problem[] = [];
  const goos = input.goos ?? DEFAULT_BUILD_TARGET.goos;
  const goarch = input.goarch ?? DEFAULT_BUILD_TARGET.goarch;
  const goVersion = input.goVersion ?? DEFAULT_BUILD_TARGET.goVersion;
  if (!isKnownOS(goos)) {
    problems.push({ message: `unknown GOOS "${goos}"${suggestionSuffix(didYouMean(goos, KNOWN_OS))}` });
  }
  if (!isKnownArch(goarch)) {
    problems.push({ message: `unknown GOARCH "${goarch}"${suggestionSuffix(didYouMean(goarch, KNOWN_ARCH))}` });
  }
  for (const tag of input.tags ?? []) {
    if (!TAG.test(tag)) problems.push({ message: `invalid build tag "${tag}": use letters, digits, "_" and "."` });
  }
  if (!isGoRelease(goVersion)) problems.push({ message: `invalid Go version "${goVersion}": expected go1.N, like go1.22` });
  if (problems.length > 0) throw new BuildTargetError(problems);
  return {
    goos: goos as GoOS,
    goarch: goarch as GoArch,
    tags: [...(input.tags ?? [])],
    cgoEnabled: input.cgoEnabled ?? DEFAULT_BUILD_TARGET.cgoEnabled,
    goVersion: goVersion as GoRelease,
  };
}

export function isKnownOS(s: string): s is GoOS {
  return (KNOWN_OS as readonly string[]).includes(s);
}

export function isKnownArch(s: string): s is GoArch {
  return (KNOWN_ARCH as readonly string[]).includes(s);
}

/** The default microarchitecture tags of the go command (GOAMD64=v1, GOARM64=v8.0, …). */
const DEFAULT_ARCH_LEVEL_TAGS: Partial<Record<GoArch, readonly string[]>> = {
  '386': ['386.sse2'],
  amd64: ['amd64.v1'],
  arm: ['arm.5', 'arm.6', 'arm.7'],
  arm64: ['arm64.v8.0'],
  mips: ['mips.hardfloat'],
  mipsle: ['mipsle.hardfloat'],
  mips64: ['mips64.hardfloat'],
  mips64le: ['mips64le.hardfloat'],
  ppc64: ['ppc64.power8'],
  ppc64le: ['ppc64le.power8'],
  riscv64: ['riscv64.rva20u64'],
  wasm: ['wasm.satconv', 'wasm.signext'],
};

/**
 * Reports whether a build tag is satisfied, like go/build's `matchTag`:
 * GOOS (android also matches linux, illumos solaris, ios darwin), GOARCH,
 * the `gc` compiler, `unix`, `cgo` when enabled, `go1.N` up to the target
 * release, the default microarchitecture tags, and the extra tags.
 */
export function targetHasTag(target: BuildTarget, tag: string): boolean {
  if (tag === 'cgo') return target.cgoEnabled;
  if (tag === target.goos || tag === target.goarch || tag === 'gc') return true;
  if (target.goos === 'android' && tag === 'linux') return true;
  if (target.goos === 'illumos' && tag === 'solaris') return true;
  if (target.goos === 'ios' && tag === 'darwin') return true;
  if (tag === 'unix') return UNIX_OS.has(target.goos);
  const name = tag === 'boringcrypto' ? 'goexperiment.boringcrypto' : tag;
  if (target.tags.includes(name)) return true;
  if (DEFAULT_ARCH_LEVEL_TAGS[target.goarch]?.includes(name)) return true;
  if (isGoRelease(name)) return releaseMinor(name) >= 1 && releaseMinor(name) <= releaseMinor(target.goVersion);
  return false;
}

/**
 * go/build's `goodOSArchFile`: false when the base name carries a known
 * `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix (optionally followed by
 * `_test`) that does not match the target. Only the part after the first
 * `_` counts, so `linux.go` has no constraint but `x_linux.go` does.
 */
export function matchFileName(baseName: string, target: BuildTarget): boolean {
  let name = baseName;
  const dot = name.indexOf('.');
  if (dot >= 0) name = name.slice(0, dot);
  const underscore = name.indexOf('_');
  if (underscore < 0) return true;
  const parts = name.slice(underscore).split('_');
  if (parts.length > 0 && parts[parts.length - 1] === 'test') parts.pop();
  const n = parts.length;
  if (n >= 2 && isKnownOS(parts[n - 2]!) && isKnownArch(parts[n - 1]!)) {
    return targetHasTag(target, parts[n - 1]!) && targetHasTag(target, parts[n - 2]!);
  }
  if (n >= 1 && (isKnownOS(parts[n - 1]!) || isKnownArch(parts[n - 1]!))) {
    return targetHasTag(target, parts[n - 1]!);
  }
  return true;
}

/** A line of the header, 1-based, without its line terminator and surrounding space. */
export interface HeaderLine {
  readonly line: number;
  readonly text: string;
}

export interface ConstraintLine extends HeaderLine {
  readonly constraint: ConstraintResult;
}

/** What the header of a Go file (the text before the package clause) says about the build. */
export interface FileHeader {
  /** The `//go:build` line; when present it alone decides. */
  readonly goBuild?: ConstraintLine;
  /**
   * `// +build` lines go/build honours: those in the leading run of `//`
   * comments and blank lines that ends with a blank line.
   */
  readonly plusBuild: readonly ConstraintLine[];
  /** The `// Code generated … DO NOT EDIT.` line (go/ast `IsGenerated`). */
  readonly generated?: HeaderLine & { readonly generator: string };
  /** Line of the first text that is not a comment (normally `package`); undefined when there is none. */
  readonly codeLine?: number;
  /** A header error go/build reports: `multiple //go:build comments`. */
  readonly error?: string;
}

/**
 * Parses the header of a Go source. Only the text before the first
 * non-comment token is read, so passing a prefix of the file that contains
 * the package clause gives the same result as the whole file.
 */
export function parseFileHeader(source: string): FileHeader {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split('\n');
  const comments = leadingComments(text);

  // go/build parseFileHeader: the //go:build line anywhere before the first
  // non-comment text; the +build region ends at the last blank line before
  // the first line that is neither blank nor a // comment.
  let goBuild: ConstraintLine | undefined;
  let error: string | undefined;
  let plusBuildEnd = 0; // number of lines in the +build region
  let ended = false;
  let inSlashStar = false;
  scan: for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (line === '' && !ended) {
      plusBuildEnd = i + 1;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    if (!inSlashStar && isGoBuildLine(line)) {
      if (goBuild) {
        error ??= 'multiple //go:build comments';
      } else {
        goBuild = { line: i + 1, text: line, constraint: parseConstraint(line) };
      }
    }
    while (line.length > 0) {
      if (inSlashStar) {
        const close = line.indexOf('*/');
        if (close < 0) continue scan;
        inSlashStar = false;
        line = line.slice(close + 2).trim();
        continue;
      }
      if (line.startsWith('//')) continue scan;
      if (line.startsWith('/*')) {
        inSlashStar = true;
        line = line.slice(2).trim();
        continue;
      }
      break scan;
    }
  }

  const plusBuild: ConstraintLine[] = [];
  for (let i = 0; i < plusBuildEnd; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('//') && line.includes('+build') && isPlusBuildLine(line)) {
      plusBuild.push({ line: i + 1, text: line, constraint: parseConstraint(line) });
    }
  }

  let generated: FileHeader['generated'];
  for (const c of comments.comments) {
    if (!c.text.includes('// Code generated ')) continue;
    const parts = c.text.split('\n');
    const k = parts.findIndex((l) => l.startsWith('// Code generated ') && l.endsWith(' DO NOT EDIT.'));
    if (k >= 0) {
      const l = parts[k]!;
      generated = { line: c.line + k, text: l, generator: l.slice('// Code generated '.length, -' DO NOT EDIT.'.length) };
      break;
    }
  }

  return {
    ...(goBuild && { goBuild }),
    plusBuild,
    ...(generated && { generated }),
    ...(comments.codeLine !== undefined && { codeLine: comments.codeLine }),
    ...(error !== undefined && { error }),
  };
}

interface LeadingComments {
  /** Comment texts with `\r` removed (like go/scanner), and their first line. */
  readonly comments: readonly { readonly text: string; readonly line: number }[];
  readonly codeLine?: number;
}

/** Lexes the comments before the first token; stops at the first non-comment text. */
function leadingComments(text: string): LeadingComments {
  const comments: { text: string; line: number }[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (text.startsWith('//', i)) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      comments.push({ text: text.slice(i, end).replace(/\r/g, ''), line });
      i = end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      const body = text.slice(i, end);
      comments.push({ text: body.replace(/\r/g, ''), line });
      line += body.split('\n').length - 1;
      i = end;
    } else {
      return { comments, codeLine: line };
    }
  }
  return { comments };
}

/** Why a file is left out of the build. */
export type ExclusionReason =
  /** Name starts with `_` or `.`: go/build never builds those. */
  | 'ignored-name'
  /** A `_GOOS`/`_GOARCH` file-name suffix does not match. */
  | 'file-name'
  /** The `//go:build` or `// +build` constraint is false. */
  | 'constraint'
  /** The header is malformed; go/build reports an error for the file. */
  | 'bad-constraint';

export type BuildDecision =
  | { readonly included: true }
  | {
    readonly included: false; readonly reason: ExclusionReason; readonly detail: string;
    /** For 'constraint': the custom tags that, passed with `--tags`, would build the file (none: another platform or release). */
    readonly tags?: readonly string[];
  };

/** Decides whether a file with this base name and header is built for the target. */
export function decideFile(baseName: string, header: FileHeader, target: BuildTarget): BuildDecision {
  if (baseName.startsWith('_') || baseName.startsWith('.')) {
    return { included: false, reason: 'ignored-name', detail: 'file names starting with "_" or "." are ignored by go/build' };
  }
  if (!matchFileName(baseName, target)) {
    return { included: false, reason: 'file-name', detail: `file name suffix does not match ${target.goos}/${target.goarch}` };
  }
  if (header.error !== undefined) {
    return { included: false, reason: 'bad-constraint', detail: header.error };
  }
  const hasTag = (tag: string) => targetHasTag(target, tag);
  if (header.goBuild) {
    const c = header.goBuild.constraint;
    if (!c.ok) {
      return { included: false, reason: 'bad-constraint', detail: `line ${header.goBuild.line}: parsing //go:build line: ${c.error}` };
    }
    return evalConstraint(c.expr, hasTag)
      ? { included: true }
      : { included: false, reason: 'constraint', detail: `line ${header.goBuild.line}: ${header.goBuild.text}`, tags: tagsThatBuild([c.expr], hasTag) };
  }
  // go/build ignores +build lines it cannot parse.
  const plus = header.plusBuild.flatMap((pb) => (pb.constraint.ok ? [{ line: pb, expr: pb.constraint.expr }] : []));
  const failing = plus.find((pb) => !evalConstraint(pb.expr, hasTag));
  if (failing) {
    return { included: false, reason: 'constraint', detail: `line ${failing.line.line}: ${failing.line.text}`, tags: tagsThatBuild(plus.map((pb) => pb.expr), hasTag) };
  }
  return { included: true };
}

/** Tags that only `--tags` can set: not a platform, release, toolchain, experiment or microarchitecture tag, nor `ignore` (never built by convention). */
function isCustomTag(tag: string): boolean {
  return !isKnownOS(tag) && !isKnownArch(tag) && !tag.includes('.') && !isGoRelease(tag) && !NON_CUSTOM_TAGS.has(tag);
}

const NON_CUSTOM_TAGS = new Set(['cgo', 'gc', 'gccgo', 'unix', 'ignore', 'boringcrypto']);

/**
 * The custom tags that would build a file whose constraints (all must hold)
 * exclude it: a single tag when one is enough (the first named), else all of
 * them when together they are; none when no custom tag builds it.
 */
function tagsThatBuild(constraints: readonly Constraint[], hasTag: (tag: string) => boolean): readonly string[] {
  const custom = constraints.flatMap((c) => tagsOf(c)).filter((t, i, all) => all.indexOf(t) === i && isCustomTag(t));
  const builds = (extra: readonly string[]) => constraints.every((c) => evalConstraint(c, (t) => hasTag(t) || extra.includes(t)));
  const one = custom.find((t) => builds([t]));
  if (one !== undefined) return [one];
  return custom.length > 1 && builds(custom) ? custom : [];
}

const FIRST_READ = 8 * 1024;

/**
 * Reads just enough of a file to parse its header: 8 KiB, then more while
 * the header has not ended. Throws the `fs` error when the file cannot be read.
 */
export function readFileHeader(absPath: string): FileHeader {
  const fd = fs.openSync(absPath, 'r');
  try {
    let size = FIRST_READ;
    for (;;) {
      const buf = Buffer.allocUnsafe(size);
      const n = fs.readSync(fd, buf, 0, size, 0);
      const header = parseFileHeader(buf.toString('utf8', 0, n));
      if (n < size || header.codeLine !== undefined) return header;
      size *= 4;
    }
  } finally {
    fs.closeSync(fd);
  }
}
