import { describe, expect, it } from 'vitest';
import { scanImports } from '../../src/syntax/header.js';

describe('scanImports', () => {
  it('reads the package name and every import form', () => {
    const src = `// Copyright
//go:build linux

// Package p does things.
package p // trailing

import "fmt"
import (
	"os"
	tls "crypto/tls" // renamed
	. "strings"
	_ "embed"
	/* block */ \`net/http\`
)
import "C"

func main() { import_ := 1; _ = import_ }
`;
    expect(scanImports(src)).toEqual({ packageName: 'p', imports: ['fmt', 'os', 'crypto/tls', 'strings', 'embed', 'net/http', 'C'], complete: true });
  });
  it('stops at the first declaration and copes with broken headers', () => {
    expect(scanImports('package q\nvar x = 1\nimport "late"\n')).toEqual({ packageName: 'q', imports: [], complete: true });
    expect(scanImports('func f() {}')).toEqual({ packageName: null, imports: [], complete: true });
    expect(scanImports('package r\nimport (\n"a"\n')).toEqual({ packageName: 'r', imports: ['a'], complete: false });
  });
});
