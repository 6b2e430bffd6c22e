/**
 * Options shared by the cgo rules: allocators and deallocators of C
 * libraries beyond libc, and C functions that take ownership of the
 * pointers passed to them. Each rule has its own copy of the options in a
 * policy (rule options are per rule); the defaults need no configuration.
 */
import { z } from 'zod';

export const cgoOptions = z.strictObject({
  allocators: z
    .array(z.strictObject({
      alloc: z.string().regex(/^[A-Za-z_]\w*$/).describe('A C function (without `C.`) that returns memory the caller must release, e.g. `widget_new`.'),
      free: z.string().regex(/^[A-Za-z_]\w*$/).describe('The C function that releases it, e.g. `widget_free`.'),
    }))
    .default([])
    .describe('C allocators of libraries beyond libc and their matching deallocators (C.CString, C.CBytes, C.malloc, C.calloc, C.realloc and C.strdup are always known).'),
  'takes-ownership': z
    .array(z.string().regex(/^[A-Za-z_]\w*$/))
    .default([])
    .describe('C functions (without `C.`) that keep the pointers passed to them and release them later, so that passing memory to them ends the caller\'s obligation to free it.'),
});

export type CgoOptions = z.infer<typeof cgoOptions>;

/** The options in the form the analysis uses. */
export interface CgoPolicy {
  /** Policy allocator → its deallocator. */
  readonly allocs: ReadonlyMap<string, string>;
  /** Policy deallocators. */
  readonly frees: ReadonlySet<string>;
  readonly takes: ReadonlySet<string>;
  /** Identity for caches. */
  readonly key: string;
}

const policies = new WeakMap<object, CgoPolicy>();

export function policyOf(options: CgoOptions | undefined): CgoPolicy {
  const o = options ?? { allocators: [], 'takes-ownership': [] };
  let p = policies.get(o);
  if (!p) {
    p = {
      allocs: new Map(o.allocators.map((a) => [a.alloc, a.free])),
      frees: new Set(o.allocators.map((a) => a.free)),
      takes: new Set(o['takes-ownership']),
      key: JSON.stringify([o.allocators.map((a) => [a.alloc, a.free]).sort(), [...o['takes-ownership']].sort()]),
    };
    policies.set(o, p);
  }
  return p;
}
