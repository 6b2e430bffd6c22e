// Command gotypesdump type-checks Go packages with go/types (source
// importer, no build needed) and prints, as JSON, for every identifier the
// declaration it denotes and its type, and for every expression its type,
// mode and constant value: the oracle Redline's semantic layer is compared
// with. Types are printed in Redline's typeString form (typestr.go).
//
// Usage: gotypesdump [-root DIR] [-tests] PKGDIR...
//
// Run it with the working directory inside the module of the packages (the
// source importer resolves module imports through `go list`).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"redline.dev/tools/internal/typestr"
	"reflect"
	"sort"
	"strings"
)

type pkgOut struct {
	Dir    string   `json:"dir"`
	Path   string   `json:"path"`
	Name   string   `json:"name"`
	Files  []string `json:"files"`
	Idents [][]any  `json:"idents"` // [file, offset, name, "use"|"def", decl, type, objkind]
	Exprs  [][]any  `json:"exprs"`  // [file, start, end, astkind, type, mode, const]
	Errors []string `json:"errors"`
}

var root = flag.String("root", "", "module root: declaration files are printed relative to it")
var tests = flag.Bool("tests", false, "include in-package _test.go files")
var module = flag.String("module", "", "module path: package import paths are module + dir relative to -root")

func main() {
	flag.Parse()
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	ctxt := build.Default
	ctxt.CgoEnabled = false
	var outs []pkgOut
	for _, dir := range flag.Args() {
		abs, _ := filepath.Abs(dir)
		bp, err := ctxt.ImportDir(abs, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				continue
			}
			fmt.Fprintf(os.Stderr, "gotypesdump: %s: %v\n", dir, err)
		}
		if bp == nil {
			continue
		}
		names := append([]string{}, bp.GoFiles...)
		names = append(names, bp.CgoFiles...)
		if *tests {
			names = append(names, bp.TestGoFiles...)
		}
		sort.Strings(names)
		ip := bp.ImportPath
		if *module != "" && *root != "" {
			if r, err := filepath.Rel(*root, abs); err == nil {
				ip = *module
				if r != "." {
					ip += "/" + filepath.ToSlash(r)
				}
			}
		}
		outs = append(outs, dump(fset, imp, abs, ip, names))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.Encode(outs)
}

func rel(p string) string {
	if *root != "" {
		if r, err := filepath.Rel(*root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return p
}

func dump(fset *token.FileSet, imp types.Importer, dir, path string, names []string) pkgOut {
	out := pkgOut{Dir: dir, Path: path}
	var files []*ast.File
	fileIdx := map[*token.File]int{}
	for _, n := range names {
		full := filepath.Join(dir, n)
		f, err := parser.ParseFile(fset, full, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			out.Errors = append(out.Errors, err.Error())
			if f == nil {
				continue
			}
		}
		fileIdx[fset.File(f.Pos())] = len(files)
		files = append(files, f)
		out.Files = append(out.Files, full)
	}
	info := &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{},
	}
	conf := types.Config{Importer: imp, FakeImportC: true, Error: func(err error) {
		if len(out.Errors) < 50 {
			out.Errors = append(out.Errors, err.Error())
		}
	}}
	if path == "." || path == "" {
		path = "main"
	}
	pkg, _ := conf.Check(path, fset, files, info)
	if pkg != nil {
		out.Name = pkg.Name()
		out.Path = pkg.Path()
	}
	p := &typestr.Printer{}
	loc := func(pos token.Pos) (int, int) {
		tf := fset.File(pos)
		if tf == nil {
			return -1, -1
		}
		i, ok := fileIdx[tf]
		if !ok {
			return -1, tf.Offset(pos)
		}
		return i, tf.Offset(pos)
	}
	declOf := func(obj types.Object) string {
		pp := ""
		if obj.Pkg() != nil {
			pp = obj.Pkg().Path()
		}
		pos := obj.Pos()
		file := ""
		off := -1
		if pos.IsValid() {
			tf := fset.File(pos)
			if tf != nil {
				file = rel(tf.Name())
				off = tf.Offset(pos)
			}
		}
		return fmt.Sprintf("%s|%s|%s|%d", pp, obj.Name(), file, off)
	}
	objKind := func(obj types.Object) string {
		switch o := obj.(type) {
		case *types.Var:
			if o.IsField() {
				return "field"
			}
			return "var"
		case *types.Func:
			if o.Type().(*types.Signature).Recv() != nil {
				return "method"
			}
			return "func"
		case *types.TypeName:
			return "type"
		case *types.Const:
			return "const"
		case *types.PkgName:
			return "pkgname"
		case *types.Label:
			return "label"
		case *types.Builtin:
			return "builtin"
		case *types.Nil:
			return "nil"
		}
		return "?"
	}
	add := func(id *ast.Ident, obj types.Object, role string) {
		if obj == nil {
			return
		}
		f, off := loc(id.Pos())
		if f < 0 {
			return
		}
		t := ""
		switch obj.(type) {
		case *types.PkgName, *types.Builtin, *types.Label:
		default:
			t = p.String(obj.Type())
		}
		out.Idents = append(out.Idents, []any{f, off, id.Name, role, declOf(obj), t, objKind(obj)})
	}
	for id, obj := range info.Defs {
		add(id, obj, "def")
	}
	for id, obj := range info.Uses {
		add(id, obj, "use")
	}
	for e, tv := range info.Types {
		f, start := loc(e.Pos())
		if f < 0 {
			continue
		}
		_, end := loc(e.End())
		mode := "value"
		switch {
		case tv.IsType():
			mode = "type"
		case tv.IsBuiltin():
			mode = "builtin"
		case tv.IsVoid():
			mode = "novalue"
		}
		cv := ""
		if tv.Value != nil {
			switch tv.Value.Kind() {
			case constant.String:
				cv = "s:" + constant.StringVal(tv.Value)
			case constant.Int:
				cv = "i:" + tv.Value.ExactString()
			case constant.Bool:
				cv = "b:" + tv.Value.ExactString()
			case constant.Float:
				fv, _ := constant.Float64Val(tv.Value)
				cv = "f:" + fmt.Sprint(fv)
			}
		}
		ts := ""
		if tv.Type != nil {
			ts = p.String(tv.Type)
		}
		out.Exprs = append(out.Exprs, []any{f, start, end, reflect.TypeOf(e).Elem().Name(), ts, mode, cv})
	}
	sort.Slice(out.Idents, func(i, j int) bool {
		a, b := out.Idents[i], out.Idents[j]
		if a[0].(int) != b[0].(int) {
			return a[0].(int) < b[0].(int)
		}
		return a[1].(int) < b[1].(int)
	})
	sort.Slice(out.Exprs, func(i, j int) bool {
		a, b := out.Exprs[i], out.Exprs[j]
		if a[0].(int) != b[0].(int) {
			return a[0].(int) < b[0].(int)
		}
		if a[1].(int) != b[1].(int) {
			return a[1].(int) < b[1].(int)
		}
		return a[2].(int) > b[2].(int)
	})
	return out
}
