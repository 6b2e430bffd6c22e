/**
 * Build constraints: `//go:build` expressions and legacy `// +build` lines,
 * with the semantics of `go/build/constraint`.
 */

export type Constraint =
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'not'; readonly x: Constraint }
  | { readonly kind: 'and'; readonly x: Constraint; readonly y: Constraint }
  | { readonly kind: 'or'; readonly x: Constraint; readonly y: Constraint };

export type ConstraintResult =
  | { readonly ok: true; readonly expr: Constraint }
  | { readonly ok: false; readonly error: string };

/** Reports whether `line` is a `//go:build` line (with or without its expression). */
export function isGoBuildLine(line: string): boolean {
  const text = line.trimEnd();
  return text.startsWith('//go:build') && (text.length === 10 || text[10] === ' ' || text[10] === '\t');
}

/** Reports whether `line` is a legacy `// +build` line. */
export function isPlusBuildLine(line: string): boolean {
  return /^\/\/\s*\+build(\s|$)/.test(line.trimEnd());
}

/** Parses a `//go:build` or `// +build` comment line. */
export function parseConstraint(line: string): ConstraintResult {
  if (isGoBuildLine(line)) return parseGoBuildExpr(line.trimEnd().slice('//go:build'.length));
  if (isPlusBuildLine(line)) return parsePlusBuild(line);
  return { ok: false, error: 'not a build constraint line' };
}

/** Evaluates a constraint; `hasTag` says whether a tag is satisfied. */
export function evalConstraint(c: Constraint, hasTag: (tag: string) => boolean): boolean {
  switch (c.kind) {
    case 'tag':
      return hasTag(c.tag);
    case 'not':
      return !evalConstraint(c.x, hasTag);
    case 'and':
      return evalConstraint(c.x, hasTag) && evalConstraint(c.y, hasTag);
    case 'or':
      return evalConstraint(c.x, hasTag) || evalConstraint(c.y, hasTag);
  }
}

/** The tags a constraint names, each once, in order of appearance. */
export function tagsOf(c: Constraint, out: string[] = []): string[] {
  if (c.kind === 'tag') {
    if (!out.includes(c.tag)) out.push(c.tag);
  } else if (c.kind === 'not') tagsOf(c.x, out);
  else {
    tagsOf(c.x, out);
    tagsOf(c.y, out);
  }
  return out;
}

/**
 * The minimum Go version a constraint implies ("go1.21"), "go1" for `go1`,
 * or "" when it implies none — `constraint.GoVersion`.
 */
export function goVersionOf(c: Constraint): string {
  const v = minVersion(c, 1);
  if (v < 0) return '';
  return v === 0 ? 'go1' : `go1.${v}`;
}

function minVersion(c: Constraint, sign: 1 | -1): number {
  switch (c.kind) {
    case 'and':
    case 'or': {
      const a = minVersion(c.x, sign);
      const b = minVersion(c.y, sign);
      // An AND needs both versions (the larger); an OR needs either (the smaller).
      // Negation swaps the two.
      return (c.kind === 'and') === (sign > 0) ? Math.max(a, b) : Math.min(a, b);
    }
    case 'not':
      return minVersion(c.x, sign > 0 ? -1 : 1);
    case 'tag': {
      if (sign < 0) return -1;
      if (c.tag === 'go1') return 0;
      const m = /^go1\.(\d+)$/.exec(c.tag);
      return m ? Number(m[1]) : -1;
    }
  }
}

const TAG_CHAR = /[A-Za-z0-9_.]/;
/** Like `go/build/constraint`, refuse pathological expressions. */
const MAX_EXPR_SIZE = 1000;

/** Recursive descent over `||`, `&&`, `!`, parentheses and tags. */
function parseGoBuildExpr(text: string): ConstraintResult {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new SyntaxError(msg);
  };
  const skipSpace = () => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  const or = (): Constraint => {
    let x = and();
    skipSpace();
    while (text.startsWith('||', pos)) {
      pos += 2;
      x = { kind: 'or', x, y: and() };
      skipSpace();
    }
    return x;
  };
  const and = (): Constraint => {
    let x = not();
    skipSpace();
    while (text.startsWith('&&', pos)) {
      pos += 2;
      x = { kind: 'and', x, y: not() };
      skipSpace();
    }
    return x;
  };
  let size = 0;
  const not = (): Constraint => {
    if (++size > MAX_EXPR_SIZE) fail('build expression too large');
    skipSpace();
    if (text[pos] === '!') {
      pos++;
      skipSpace();
      if (text[pos] === '!') fail('double negation not allowed');
      return { kind: 'not', x: atom() };
    }
    return atom();
  };
  const atom = (): Constraint => {
    skipSpace();
    if (text[pos] === '(') {
      pos++;
      const x = or();
      skipSpace();
      if (text[pos] !== ')') fail('missing close paren');
      pos++;
      return x;
    }
    const begin = pos;
    while (pos < text.length && TAG_CHAR.test(text[pos]!)) pos++;
    if (pos === begin) fail(pos >= text.length ? 'unexpected end of expression' : `unexpected token ${text[pos]}`);
    return { kind: 'tag', tag: text.slice(begin, pos) };
  };
  try {
    const expr = or();
    skipSpace();
    if (pos < text.length) fail(`unexpected token ${text[pos]}`);
    return { ok: true, expr };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** `// +build a,!b c` means `(a && !b) || c`. */
function parsePlusBuild(line: string): ConstraintResult {
  const body = line.trimEnd().replace(/^\/\/\s*\+build/, '').trim();
  if (body === '') return { ok: false, error: 'empty +build line' };
  let result: Constraint | null = null;
  for (const clause of body.split(/\s+/)) {
    let conj: Constraint | null = null;
    for (const lit of clause.split(',')) {
      const neg = lit.startsWith('!');
      const tag = neg ? lit.slice(1) : lit;
      if (tag === '' || !/^[A-Za-z0-9_.]+$/.test(tag)) return { ok: false, error: `invalid +build tag ${JSON.stringify(lit)}` };
      const t: Constraint = neg ? { kind: 'not', x: { kind: 'tag', tag } } : { kind: 'tag', tag };
      conj = conj ? { kind: 'and', x: conj, y: t } : t;
    }
    result = result ? { kind: 'or', x: result, y: conj! } : conj;
  }
  return { ok: true, expr: result! };
}
