/**
 * YAML (and JSON) documents whose values can be traced back to
 * `file:line:col`, and zod issues turned into positioned problems that name
 * the path of the bad key and say what is allowed. Shared by the policy and
 * baseline loaders.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './errors.js';
import { didYouMean, suggestionSuffix } from './suggest.js';

export type DataPath = readonly PropertyKey[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed document; `locate` maps a data path to the position of its key or value. */
export class LocatedDocument {
  private constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly root: Node | null,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Parses YAML 1.2 (JSON is accepted too). Returns the syntax errors as
   * problems (duplicate keys included) when there are any.
   */
  static parse(text: string, file: string): { ok: true; doc: LocatedDocument } | { ok: false; problems: Problem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((e) => {
          const pos = lines.linePos(e.pos[0]);
          return { file, line: pos.line, column: pos.col, message: yamlMessage(e.code, e.message) };
        }),
      };
    }
    return { ok: true, doc: new LocatedDocument(file, doc.toJS({ maxAliasCount: 100 }) as unknown, doc.contents, lines) };
  }

  /**
   * The position of the node at `path` (its key for `part: 'key'`), or of
   * the deepest existing ancestor when the path does not exist.
   */
  locate(path: DataPath, part: 'key' | 'value' = 'value'): Position {
    let node: Node | null = this.root;
    let key: Node | null = null;
    for (const step of path) {
      let next: Node | null = null;
      let nextKey: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (pair) {
          next = (pair.value as Node | null) ?? (pair.key as Node);
          nextKey = pair.key as Node;
        }
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? null;
      }
      if (!next) break;
      node = next;
      key = nextKey;
    }
    const target = part === 'key' && key ? key : node;
    const offset = target?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /** The value at a data path, or undefined. */
  valueAt(path: DataPath): unknown {
    let v: unknown = this.value;
    for (const step of path) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<PropertyKey, unknown>)[step as string];
    }
    return v;
  }

  /** A problem positioned at `path`. */
  problem(path: DataPath, message: string, part: 'key' | 'value' = 'value'): Problem {
    const pos = this.locate(path, part);
    const where = formatDataPath(path);
    return { file: this.file, line: pos.line, column: pos.column, message: where === '' ? message : `${where}: ${message}` };
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return code === 'DUPLICATE_KEY' ? `${first} (each key may appear once)` : `invalid YAML: ${first}`;
}

/** `rules.tls/insecure-skip-verify.severity`, `exclude[2]`. */
function formatDataPath(path: DataPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? String(step) : `.${String(step)}`;
  }
  return out;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
};

/**
 * Turns zod issues into positioned problems. `schema` is the schema that
 * produced them: it lists the allowed keys of a mapping for unknown-key
 * errors. `prefix` is prepended to every issue path (validating a sub-value).
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: LocatedDocument,
  schema: z.ZodType,
  prefix: DataPath = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) problems.push(...issueProblems(issue, doc, schema, prefix));
  return problems;
}

function issueProblems(issue: z.core.$ZodIssue, doc: LocatedDocument, schema: z.ZodType, prefix: DataPath): Problem[] {
  const path: DataPath = [...prefix, ...issue.path];
  const input = doc.valueAt(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema, issue.path);
      return issue.keys.map((key) =>
        doc.problem(
          [...path, key],
          `unknown key "${key}"${suggestionSuffix(didYouMean(key, allowed))}${allowed.length > 0 ? `; allowed keys: ${allowed.join(', ')}` : ''}`,
          'key',
        ),
      );
    }
    case 'invalid_type': {
      if (input === undefined) {
        const key = path[path.length - 1];
        return [doc.problem(path.slice(0, -1), `missing required key "${String(key)}"`)];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? ` (quote it: "${String(input)}")` : '';
      return [doc.problem(path, `expected ${expected}, got ${describeValue(input)}${hint}`)];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof input === 'string' ? didYouMean(input, values) : undefined;
      return [doc.problem(path, `expected one of ${values.join(', ')}; got ${describeValue(input)}${suggestionSuffix(suggestion)}`)];
    }
    case 'invalid_union': {
      // Keep the branch that failed deepest: the one whose shape matched.
      const matched = issue.errors
        .map((errs, index) => ({ errs, index }))
        .filter(({ errs }) => !errs.some((e) => e.path.length === 0 && (e.code === 'invalid_type' || e.code === 'invalid_value')));
      if (matched.length === 1) {
        const union = schemaAt(schema, issue.path);
        const option = union && defOf(unwrap(union)).options?.[matched[0]!.index];
        if (option) return issuesToProblems(matched[0]!.errs, doc, option, path);
      }
      const union = schemaAt(schema, issue.path);
      const allowed = union?.description?.replace(/\.$/, '');
      const words = union ? (defOf(unwrap(union)).options ?? []).flatMap((o) => ((o as z.ZodType & { options?: unknown[] }).options ?? []).map(String)) : [];
      const suggestion = typeof input === 'string' ? didYouMean(input, words) : undefined;
      return [
        doc.problem(
          path,
          `${allowed ? `expected ${allowed}` : 'invalid value'}; got ${describeValue(input)}${suggestionSuffix(suggestion)}`,
        ),
      ];
    }
    case 'too_small':
      if (issue.origin === 'string') return [doc.problem(path, 'must not be empty')];
      if (issue.origin === 'array') return [doc.problem(path, `expected at least ${String(issue.minimum)} item(s)`)];
      return [doc.problem(path, `must be at least ${String(issue.minimum)}`)];
    case 'too_big':
      return [doc.problem(path, `must be at most ${String(issue.maximum)}`)];
    case 'invalid_format':
      return [doc.problem(path, `${issue.message.replace(/^Invalid string: /, '')}; got ${describeValue(input)}`)];
    default:
      return [doc.problem(path, issue.message)];
  }
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional/default/nullable/pipe wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
}

/** The sub-schema at a data path (object fields, record values, array items; the object option of a union). */
function schemaAt(schema: z.ZodType, path: DataPath): z.ZodType | undefined {
  let cur: z.ZodType | undefined = schema;
  for (const step of path) {
    if (!cur) return undefined;
    const d = objectOption(unwrap(cur));
    if (d.type === 'object') cur = d.shape?.[String(step)];
    else if (d.type === 'record') cur = d.valueType;
    else if (d.type === 'array') cur = d.element;
    else return undefined;
  }
  return cur;
}

/** The definition of a schema, or of the object option when it is a union. */
function objectOption(s: z.ZodType): Def {
  const d = defOf(s);
  if (d.type !== 'union') return d;
  const obj = d.options?.map(unwrap).find((o) => defOf(o).type === 'object');
  return obj ? defOf(obj) : d;
}

/** The keys a mapping at `path` allows, sorted; empty when unknown. */
function objectKeysAt(schema: z.ZodType, path: DataPath): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const d = objectOption(unwrap(s));
  return d.type === 'object' ? Object.keys(d.shape ?? {}).sort() : [];
}
