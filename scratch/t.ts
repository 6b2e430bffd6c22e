import { knownPackagePaths, knownPackage } from '../src/semantics/stdlib/index.js';
import { typeString } from '../src/semantics/types.js';
const t0 = performance.now();
let n = 0;
for (const p of knownPackagePaths()) { const e = knownPackage(p)!; n += Object.keys(e.types).length + Object.keys(e.funcs).length; }
console.log(n, performance.now() - t0);
const tls = knownPackage('crypto/tls')!;
console.log(typeString(tls.types.Config!.underlying).slice(0, 300));
console.log(typeString(knownPackage('sync/atomic')!.types.Pointer!.methods.Load!.sig));
console.log(JSON.stringify(knownPackage('slices')));
