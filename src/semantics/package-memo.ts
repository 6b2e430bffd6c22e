/**
 * Answers about a package computed once and kept as long as the package.
 */
import type { PackageInfo } from './package.js';

/**
 * `perPackage(compute)` gives a function that computes its answer for a
 * package on first use and then returns the kept one. With `byProgram`,
 * the answer depends on what the thread knows of other packages (their
 * exports and facts): it is computed again when the package is rebound to
 * another program view (`checkPackage`'s `reuse`, once the package's own
 * facts are known).
 */
export function perPackage<T>(compute: (pkg: PackageInfo) => T, options: { readonly byProgram?: boolean } = {}): (pkg: PackageInfo) => T {
  const memo = new WeakMap<PackageInfo, { readonly program: PackageInfo['program']; readonly value: T }>();
  return (pkg) => {
    const known = memo.get(pkg);
    if (known && (!options.byProgram || known.program === pkg.program)) return known.value;
    const value = compute(pkg);
    memo.set(pkg, { program: pkg.program, value });
    return value;
  };
}
