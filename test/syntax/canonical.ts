/**
 * The canonical text form of a tree, identical to what tools/goastdump
 * prints for go/parser's tree: one line per node, `label: Kind start-end`
 * followed by the scalar fields (`name=value`), then the child nodes indented
 * by one space, in ast.ts field order. Positions are "line:col" (UTF-8 byte
 * columns) or "-".
 */

import type { Node } from '../../src/syntax/ast.js';
import type { PositionTable } from '../../src/syntax/position.js';
import { NODE_FIELDS } from '../../src/syntax/walk.js';

export function quote(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c === 0x5c) esc = '\\\\';
    else if (c === 0x22) esc = '\\"';
    else if (c === 0x0a) esc = '\\n';
    else if (c === 0x0d) esc = '\\r';
    else if (c === 0x09) esc = '\\t';
    else if (c < 0x20 || c === 0x7f) esc = '\\x' + c.toString(16).padStart(2, '0');
    if (esc !== null) {
      out += s.slice(from, i) + esc;
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

/**
 * With `flat`, a node's depth is written as a number and a space instead of
 * as indentation (goastdump flathash): linear in the size of any tree.
 */
export function canonical(root: Node, pt: PositionTable, flat = false): string {
  const parts: string[] = [];
  // stack of [label, depth, node|null]
  const stack: [string, number, Node | null][] = [['', 0, root]];
  while (stack.length > 0) {
    const [label, depth, node] = stack.pop()!;
    let line = (flat ? depth + ' ' : ' '.repeat(depth)) + label;
    if (node === null) {
      parts.push(line + 'nil\n');
      continue;
    }
    line += node.kind + ' ' + pt.lineCol(node.start) + '-' + pt.lineCol(node.end);
    const rec = node as unknown as Record<string, unknown>;
    const fields = NODE_FIELDS[node.kind];
    const children: [string, number, Node | null][] = [];
    for (const [name, type] of fields) {
      const v = rec[name];
      switch (type) {
        case 'pos':
          line += ' ' + name + '=' + pt.lineCol(v as number);
          break;
        case 'bool':
          line += ' ' + name + '=' + String(v);
          break;
        case 'string':
          if (name === 'name' || name === 'text' || name === 'value' || name === 'goVersion') {
            line += ' ' + name + '=' + quote(v as string);
          } else {
            line += ' ' + name + '=' + (v === null ? 'nil' : (v as string));
          }
          break;
        case 'node':
          children.push([name + ': ', depth + 1, (v as Node | null) ?? null]);
          break;
        case 'list':
          if (v === null) line += ' ' + name + '=nil';
          else {
            const l = v as Node[];
            for (let i = 0; i < l.length; i++) children.push([name + '[' + i + ']: ', depth + 1, l[i]!]);
          }
          break;
      }
    }
    parts.push(line + '\n');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return parts.join('');
}
