/** The universe scope: predeclared types, constants, `nil` and builtins. */
import { newObj, Scope, type Obj } from './scope.js';
import { BASIC_NAMES, basic, EMPTY_INTERFACE, ERROR, INT32, named, UINT8, UNTYPED_BOOL, UNTYPED_INT, UNTYPED_NIL, type BasicName, type Type } from './types.js';
import { boolConst } from './consts.js';

export const BUILTIN_FUNCS = [
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min',
  'new', 'panic', 'print', 'println', 'real', 'recover',
] as const;

/** Functions of package unsafe (treated as builtins, in package "unsafe"). */
export const UNSAFE_FUNCS = ['Sizeof', 'Alignof', 'Offsetof', 'Add', 'Slice', 'SliceData', 'String', 'StringData'] as const;

function mk(kind: Obj['kind'], name: string, type?: Type, extra?: Partial<Obj>): Obj {
  const o = newObj(kind, name, null, null, '', '', null, extra);
  if (type) o.type = type;
  return o;
}

function buildUniverse(): Scope {
  const s = new Scope('universe', null, null);
  for (const n of BASIC_NAMES) s.insert(mk('type', n, basic(n as BasicName)));
  s.insert(mk('type', 'byte', UINT8, { isAlias: true }));
  s.insert(mk('type', 'rune', INT32, { isAlias: true }));
  s.insert(mk('type', 'error', ERROR));
  s.insert(mk('type', 'any', EMPTY_INTERFACE, { isAlias: true }));
  s.insert(mk('type', 'comparable', named('', 'comparable')));
  const t = mk('const', 'true', UNTYPED_BOOL);
  t.value = boolConst(true);
  s.insert(t);
  const f = mk('const', 'false', UNTYPED_BOOL);
  f.value = boolConst(false);
  s.insert(f);
  s.insert(mk('const', 'iota', UNTYPED_INT));
  s.insert(mk('nil', 'nil', UNTYPED_NIL));
  for (const b of BUILTIN_FUNCS) s.insert(mk('builtin', b));
  return s;
}

export const UNIVERSE: Scope = buildUniverse();

/** The unsafe package's members. */
export const UNSAFE_SCOPE: Scope = (() => {
  const s = new Scope('package', null, null);
  s.insert(mk('type', 'Pointer', basic('unsafe.Pointer'), { pkg: 'unsafe' }));
  for (const b of UNSAFE_FUNCS) s.insert(mk('builtin', b, undefined, { pkg: 'unsafe' }));
  return s;
})();
