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
  /** Per fact id: names of the functions (`path.Name`) and of the methods (`(path.Type).Name`) holding it. */
  private readonly funcNames = new Map<string, Set<string>>();
  private readonly methodNames = new Map<string, Set<string>>();
  /** Names of functions and of methods holding any fact. */
  private readonly funcsWithFacts = new Set<string>();
  private readonly methodsWithFacts = new Set<string>();

  /** Adds the keys of a fact table (call once per table learned). */
  add(facts: FactTable): void {
    for (const key in facts.func) for (const id of facts.func[key]!) this.note(id, key);
    for (const key in facts.param) for (const id in facts.param[key]) this.note(id, key);
  }

  /**
   * Whether some function or method named `name` holds fact `id` (function
   * or parameter level); with `method`, only methods (true) or only
   * functions (false) count.
   */
  has(id: string, name: string, method?: boolean): boolean {
    if (method !== true && this.funcNames.get(id)?.has(name)) return true;
    return method !== false && (this.methodNames.get(id)?.has(name) ?? false);
  }

  /** Whether some function (`method` false) or method named `name` holds any fact. */
  hasAny(name: string, method: boolean): boolean {
    return (method ? this.methodsWithFacts : this.funcsWithFacts).has(name);
  }

  private note(id: string, key: string): void {
    const method = key.startsWith('(');
    const byId = method ? this.methodNames : this.funcNames;
    let s = byId.get(id);
    if (!s) byId.set(id, (s = new Set()));
    const name = lastName(key);
    s.add(name);
    (method ? this.methodsWithFacts : this.funcsWithFacts).add(name);
  }
}

/** `F` of the function key `pkg.F` and the method key `(pkg.T).F`: the name after the last dot. */
export function lastName(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
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
