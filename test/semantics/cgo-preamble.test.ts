import { describe, expect, it } from 'vitest';
import { goTypeOfC, mergePreambles, parsePreamble, quotedIncludes } from '../../src/semantics/cgo-preamble.js';
import { typeString } from '../../src/semantics/types.js';

const SRC = String.raw`
#include <stdlib.h>
#include <string.h>
#define BUF_SIZE 64
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LONG_MACRO \
	12

/* a widget */
typedef struct widget {
	char *name;
	int refs;
} widget;
typedef struct widget *widget_p, widget_t;
typedef int (*callback)(void *ctx, int n);
typedef unsigned long long u64;

enum color { RED, GREEN = 2, BLUE };

static int counter = 0;
extern const char *version_string;

int add(int a, int b);
const char* name_of(const widget *w);
unsigned char *raw(void);
void log_all(const char *fmt, ...);
struct widget* lookup(const char* key) __attribute__((nonnull));
long long big(unsigned long x, signed char c, short s, unsigned short us);

static inline widget *widget_new(const char *name) {
	widget *w = (widget *)calloc(1, sizeof(widget));
	w->name = strdup(name);
	return w;
}

static void widget_free(widget *w) {
	if (w == NULL) return; // nothing
	free(w->name);
	free((void *)w);
}

static void destroy(widget *w) { widget_free(w); }

static char *copy_of(const char *s) {
	char *out = malloc(strlen(s) + 1);
	strcpy(out, s);
	return out;
}

static void set_name(widget *w, char *name) {
	w->name = name;
}

static void hand_over(void *ctx, char *s, int n) {
	result_text(ctx, s, n, &free);
}

static int length(const char *s) {
	int n = strlen(s);
	return n;
}
`;

describe('cgo preamble', () => {
  const p = parsePreamble(SRC);

  it('finds function prototypes and definitions with their types', () => {
    expect([...p.funcs.keys()].sort()).toEqual([
      'add', 'big', 'copy_of', 'destroy', 'hand_over', 'length', 'log_all', 'lookup', 'name_of', 'raw', 'set_name', 'widget_free', 'widget_new',
    ]);
    const add = p.funcs.get('add')!;
    expect(add.result).toEqual({ base: 'int', ptr: 0 });
    expect(add.params.map((x) => x.name)).toEqual(['a', 'b']);
    expect(add.defined).toBe(false);
    expect(p.funcs.get('name_of')!.result).toEqual({ base: 'char', ptr: 1 });
    expect(p.funcs.get('raw')!.result).toEqual({ base: 'uchar', ptr: 1 });
    expect(p.funcs.get('raw')!.params).toEqual([]);
    expect(p.funcs.get('log_all')!.variadic).toBe(true);
    expect(p.funcs.get('lookup')!.result).toEqual({ base: 'struct_widget', ptr: 1 });
    const big = p.funcs.get('big')!;
    expect(big.result.base).toBe('longlong');
    expect(big.params.map((x) => x.type.base)).toEqual(['ulong', 'schar', 'short', 'ushort']);
    const wn = p.funcs.get('widget_new')!;
    expect(wn).toMatchObject({ isStatic: true, defined: true, result: { base: 'widget', ptr: 1 } });
  });

  it('finds typedefs, variables, enum constants and object-like macros', () => {
    expect(p.typedefs.get('widget')).toEqual({ base: 'struct_widget', ptr: 0 });
    expect(p.typedefs.get('widget_p')).toEqual({ base: 'struct_widget', ptr: 1 });
    expect(p.typedefs.get('widget_t')).toEqual({ base: 'struct_widget', ptr: 0 });
    expect(p.typedefs.get('callback')?.funcPtr).toBe(true);
    expect(p.typedefs.get('u64')).toEqual({ base: 'ulonglong', ptr: 0 });
    expect(p.vars.get('counter')).toEqual({ base: 'int', ptr: 0 });
    expect(p.vars.get('version_string')).toEqual({ base: 'char', ptr: 1 });
    expect([...p.constants].sort()).toEqual(['BLUE', 'BUF_SIZE', 'GREEN', 'LONG_MACRO', 'RED']);
  });

  it('knows which definitions free, keep or allocate', () => {
    expect(p.funcs.get('widget_free')).toMatchObject({ frees: [0], keeps: [], allocates: false });
    expect(p.funcs.get('destroy')).toMatchObject({ frees: [0] });
    expect(p.funcs.get('copy_of')).toMatchObject({ frees: [], keeps: [], allocates: true });
    expect(p.funcs.get('widget_new')).toMatchObject({ allocates: true }); // calloc'd, returned through a local
    expect(p.funcs.get('set_name')).toMatchObject({ keeps: [1] });
    expect(p.funcs.get('hand_over')).toMatchObject({ keeps: [0, 1] }); // every pointer handed over with the destructor
    expect(p.funcs.get('length')).toMatchObject({ frees: [], keeps: [], allocates: false });
  });

  it('knows stores through pointer parameters and element stores as keeps, not local declarations', () => {
    const q = parsePreamble(String.raw`
static void put(char **slot, char *s) { *slot = s; }
static void put_at(char **arr, int i, char *s) { arr[i] = s; }
static int local(char *s) { char *t = s; return t[0]; }
static unsigned char *as_bytes(const char *s) { return (unsigned char *)s; }
`);
    expect(q.funcs.get('put')).toMatchObject({ keeps: [1] });
    expect(q.funcs.get('put_at')).toMatchObject({ keeps: [2] });
    expect(q.funcs.get('local')).toMatchObject({ keeps: [] });
    expect(q.funcs.get('as_bytes')).toMatchObject({ keeps: [], returns: [0] }); // returned through a cast: the result is the same memory
  });

  it('lists the local headers a preamble includes, not the system ones', () => {
    expect(quotedIncludes('#include <stdlib.h>\n#include "helpers.h"\n  #  include   "sub/x.h"\n// #include "commented.h" is not a directive\n')).toEqual(['helpers.h', 'sub/x.h']);
  });

  it('maps C types to the Go types cgo gives them', () => {
    const s = (base: string, ptr: number) => { const t = goTypeOfC({ base, ptr }); return t ? typeString(t) : null; };
    expect(s('char', 1)).toBe('*C.char');
    expect(s('void', 1)).toBe('unsafe.Pointer');
    expect(s('void', 2)).toBe('*unsafe.Pointer');
    expect(s('int', 0)).toBe('C.int');
    expect(s('void', 0)).toBeNull();
    expect(s('struct_widget', 2)).toBe('**C.struct_widget');
  });

  it('prefers definitions over prototypes when merging files', () => {
    const a = parsePreamble('void release(char *p);');
    const b = parsePreamble('#include <stdlib.h>\nvoid release(char *p) { free(p); }');
    expect(mergePreambles([a, b]).funcs.get('release')).toMatchObject({ defined: true, frees: [0] });
    expect(parsePreamble('void release(char *p) { free(p); }\nvoid release(char *p);').funcs.get('release')!.defined).toBe(true);
  });

  it('skips what only a C++ compiler sees, includes and braces alike', () => {
    const header = '#ifdef __cplusplus\n#include "cpp_only.h"\nextern "C" {\n#endif\nvoid plain(char *s);\n#ifdef __cplusplus\n}\n#else\n#include "c_only.h"\n#endif\n';
    expect(quotedIncludes(header)).toEqual(['c_only.h']);
    expect(parsePreamble(header).funcs.has('plain')).toBe(true);
    expect(quotedIncludes('#if !defined(__cplusplus)\n#include "a.h"\n#endif\n#if defined(__cplusplus)\n#include "b.h"\n#endif\n#ifndef __cplusplus\n#include "c.h"\n#else\n#include "d.h"\n#endif\n')).toEqual(['a.h', 'c.h']);
  });

  it('reads a generated header of 200,000 tokens in one brace group', () => {
    const protos = Array.from({ length: 20_000 }, (_, i) => `int gen_${i}(void *p, int n);`).join('\n');
    const p = parsePreamble(`struct big {\n${protos}\n};\nvoid after(char *s);`);
    expect(p.funcs.has('after')).toBe(true);
  });

  it('survives what it does not understand', () => {
    for (const src of ['', '}}}{{', 'int (', 'typedef', 'static', '#if 0\nint x(\n#endif', 'struct { int a; } s = { 1, 2 };', '"unterminated', '/* open']) {
      expect(() => parsePreamble(src)).not.toThrow();
    }
    expect(parsePreamble('struct { int a; } s = { .a = 1 };').vars.get('s')).toEqual({ base: 'struct_', ptr: 0 });
  });
});

describe('C.<name> of preamble declarations', () => {
  const SRC_GO = `package p

/*
#include <stdlib.h>
typedef struct widget widget;
typedef unsigned int count_t;
widget *widget_new(const char *name);
static int widget_count(widget *w) { return 0; }
static void widget_touch(widget *w) {}
static void *buffer(size_t n) { return malloc(n); }
extern char *greeting;
*/
import "C"

import "unsafe"

func f(name string) {
	cs := C.CString(name)
	w := C.widget_new(cs)
	n := C.widget_count(w)
	b := C.buffer(16)
	g := C.greeting
	c := C.count_t(n)
	var u C.count_t
	C.widget_touch(w)
	C.free(unsafe.Pointer(cs))
	C.free(b)
	_, _, _, _ = g, c, u, n
	x := C.undeclared(1)
	_ = x
}
`;

  it('gives declared functions, variables and typedefs their cgo types', async () => {
    const { checkPackage } = await import('../../src/semantics/package.js');
    const { pkgFromSource } = await import('./helpers.js');
    const { Inspector } = await import('../../src/syntax/walk.js');
    const info = checkPackage(pkgFromSource(SRC_GO));
    const insp = new Inspector(info.files[0]!.ast);
    const typeOfVar = (name: string) => {
      const id = insp.nodesOfKind('Ident').find((i) => i.name === name)!;
      return typeString(info.typeOfObj(info.objectOf(id)!));
    };
    expect(typeOfVar('w')).toBe('*C.widget');
    expect(typeOfVar('n')).toBe('C.int');
    expect(typeOfVar('b')).toBe('unsafe.Pointer');
    expect(typeOfVar('g')).toBe('*C.char');
    expect(typeOfVar('c')).toBe('C.count_t');
    expect(typeOfVar('x')).toBe('?'); // not declared in the preamble: unknown
    const calls = insp.nodesOfKind('CallExpr');
    const conv = calls.find((c) => info.files[0]!.source.slice(c.start, c.end) === 'C.count_t(n)')!;
    expect(info.calleeOf(conv).kind).toBe('conversion');
    const touch = calls.find((c) => info.files[0]!.source.slice(c.start, c.end) === 'C.widget_touch(w)')!;
    expect(info.modeOf(touch)).toBe('novalue');
    const { underlying } = await import('../../src/semantics/types.js');
    const u = insp.nodesOfKind('Ident').find((i) => i.name === 'u')!;
    expect(typeString(underlying(info.typeOfObj(info.objectOf(u)!), info.info))).toBe('uint32');
  });
});
