// Command gotypestime times go/types against go/parser over the standard
// library (GOROOT/src without cmd, tests and testdata; linux/amd64 build
// constraints), on one thread: how much Go's own type checker adds to
// parsing, for scale beside Redline's semantic layer (bench:scan prints it).
// Each package is parsed once and checked once, after its imports, with
// every identifier's object, every expression's type and every selection
// and scope recorded (types.Info), as Redline's semantic layer records them.
//
// Usage: gotypestime [PASSES]; prints one line per pass:
// "packages files bytes parseSeconds checkSeconds".
package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"
)

type pkg struct {
	bp    *build.Package
	files []*ast.File
	tp    *types.Package
}

var (
	fset   *token.FileSet
	ctx    = build.Default
	pkgs   map[string]*pkg // by directory
	parseT time.Duration
	checkT time.Duration
	nbytes int64
	nfiles int
)

func load(dir string) *pkg {
	if p, ok := pkgs[dir]; ok {
		return p
	}
	bp, err := ctx.ImportDir(dir, 0)
	p := &pkg{bp: bp}
	pkgs[dir] = p
	if err != nil && bp == nil {
		return p
	}
	names := append(append([]string{}, bp.GoFiles...), bp.CgoFiles...)
	for _, n := range names {
		src, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			continue
		}
		t0 := time.Now()
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), src, parser.ParseComments|parser.SkipObjectResolution)
		parseT += time.Since(t0)
		if err == nil {
			p.files = append(p.files, f)
			nbytes += int64(len(src))
			nfiles++
		}
	}
	return p
}

type imp struct{ dir string }

func (i imp) Import(path string) (*types.Package, error) { return i.ImportFrom(path, i.dir, 0) }
func (i imp) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := ctx.Import(path, dir, build.FindOnly)
	if err != nil {
		return nil, err
	}
	return check(bp.Dir), nil
}

func check(dir string) *types.Package {
	p := load(dir)
	if p.tp != nil || p.bp == nil {
		return p.tp
	}
	// imports first, outside this package's timing
	for _, path := range p.bp.Imports {
		if path != "C" && path != "unsafe" {
			_, _ = imp{dir}.Import(path)
		}
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{}}
	conf := types.Config{Importer: imp{dir}, FakeImportC: true, Error: func(error) {}}
	t0 := time.Now()
	tp, _ := conf.Check(p.bp.ImportPath, fset, p.files, info)
	checkT += time.Since(t0)
	p.tp = tp
	return tp
}

func main() {
	runtime.GOMAXPROCS(1)
	ctx.GOOS, ctx.GOARCH = "linux", "amd64"
	passes := 1
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil && n > 0 {
			passes = n
		}
	}
	src := filepath.Join(runtime.GOROOT(), "src")
	var dirs []string
	_ = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		if rel == "cmd" || d.Name() == "testdata" || (d.Name() == "vendor" && rel != "vendor") {
			return filepath.SkipDir
		}
		dirs = append(dirs, path)
		return nil
	})
	for i := 0; i < passes; i++ {
		fset, pkgs, parseT, checkT, nbytes, nfiles = token.NewFileSet(), map[string]*pkg{}, 0, 0, 0, 0
		for _, d := range dirs {
			check(d)
		}
		checked := 0
		for _, p := range pkgs {
			if p.tp != nil {
				checked++
			}
		}
		fmt.Printf("%d %d %d %.3f %.3f\n", checked, nfiles, nbytes, parseT.Seconds(), checkT.Seconds())
	}
}
