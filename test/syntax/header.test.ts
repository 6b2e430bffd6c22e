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
    expect(scanImports(src)).toEqual({ packageName: 'p', imports: ['fmt', 'os', 'crypto/tls', 'strings', 'embed', 'net/http', 'C'], complete: true, cIncludes: [] });
  });
  it('stops at the first declaration and copes with broken headers', () => {
    expect(scanImports('package q\nvar x = 1\nimport "late"\n')).toEqual({ packageName: 'q', imports: [], complete: true, cIncludes: [] });
    expect(scanImports('func f() {}')).toEqual({ packageName: null, imports: [], complete: true, cIncludes: [] });
    expect(scanImports('package r\nimport (\n"a"\n')).toEqual({ packageName: 'r', imports: ['a'], complete: false, cIncludes: [] });
  });
  it('reads the quoted includes of the cgo preamble, in either comment form', () => {
    const block = 'package c\n\n/*\n#include <stdlib.h>\n#include "clib/blob.h"\n  # include "../common/x.h"\n*/\nimport "C"\n';
    expect(scanImports(block).cIncludes).toEqual(['clib/blob.h', '../common/x.h']);
    const lines = 'package c\n\n// #include "own.h"\n// #cgo LDFLAGS: -lz\nimport "C"\n';
    expect(scanImports(lines).cIncludes).toEqual(['own.h']);
    const grouped = 'package c\n\nimport (\n\t"fmt"\n\n\t// #include "g.h"\n\t"C"\n)\n';
    expect(scanImports(grouped).cIncludes).toEqual(['g.h']);
    // a comment before another import is not a preamble
    expect(scanImports('package c\n\n// #include "no.h"\nimport "fmt"\n').cIncludes).toEqual([]);
  });
});
