/**
 * Which function and method names hold each fact, over the fact tables a
 * thread has learned: a cheap, exact pre-check before resolving a call's
 * callee ("could the function this call names have fact F?"). Resolving
 * callees means inferring receiver types, the dominant cost of asking every
 * call about a fact that a handful of functions hold.
 */
import type { CallExpr } from '../syntax/ast.js';
import type { FactTable } from './package.js';

export class FactNameIndex {
  private readonly names = new Map<string, Set<string>>();
  /** Names of functions (`path.Name`) and of methods (`(path.Type).Name`) holding any fact. */
  private readonly funcsWithFacts = new Set<string>();
  private readonly methodsWithFacts = new Set<string>();

  /** Adds the keys of a fact table (call once per table learned). */
  add(facts: FactTable): void {
    for (const key in facts.func) for (const id of facts.func[key]!) this.note(id, key);
    for (const key in facts.param) for (const id in facts.param[key]) this.note(id, key);
  }

  /** Whether some function or method named `name` holds fact `id` (function or parameter level). */
  has(id: string, name: string): boolean {
    return this.names.get(id)?.has(name) ?? false;
  }

  /** Whether some function (`method` false) or method named `name` holds any fact. */
  hasAny(name: string, method: boolean): boolean {
    return (method ? this.methodsWithFacts : this.funcsWithFacts).has(name);
  }

  private note(id: string, key: string): void {
    let s = this.names.get(id);
    if (!s) this.names.set(id, (s = new Set()));
    // keys are `path.Name` and `(path.Type).Name`: the name follows the last dot
    const name = key.slice(key.lastIndexOf('.') + 1);
    s.add(name);
    (key.startsWith('(') ? this.methodsWithFacts : this.funcsWithFacts).add(name);
  }
}

/** The name a call invokes, as written (`F`, `x.M`, `pkg.F[int]`): undefined for function values built by expressions. */
export function calledName(call: CallExpr): string | undefined {
  let f = call.fun;
  for (;;) {
    switch (f.kind) {
      case 'Ident':
        return f.name;
      case 'SelectorExpr':
        return f.sel.name;
      case 'ParenExpr':
      case 'IndexExpr':
      case 'IndexListExpr':
        f = f.x;
        continue;
      default:
        return undefined;
    }
  }
}
