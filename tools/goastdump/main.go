// Command goastdump parses Go files with go/parser and prints a canonical,
// normalised serialization of the AST that Redline's TypeScript parser
// reproduces exactly (test/syntax/canonical.ts). Field names and order are
// those of Redline's src/syntax/ast.ts; positions are "line:col" with
// 1-based UTF-8 byte columns, unadjusted by //line directives.
//
// Usage:
//
//	goastdump hash          read file paths from stdin, one per line; print per file
//	                        "path\tok|err\tsha256\tfirstErrLine\tfirstErrMsg"
//	goastdump flathash      like hash, with each node's depth written as a number
//	                        instead of indentation (linear in the size of any tree,
//	                        for files nested 100,000 levels deep)
//	goastdump dump FILE     print the canonical form of FILE
//	goastdump unicode       print src/syntax/unicode-tables.ts (Go's letter and digit tables)
//	goastdump bench DIR [N] parse every .go file under DIR (a warm-up pass, then the
//	                        best of N timed passes, default 3), single goroutine,
//	                        and print "files bytes seconds"
//	goastdump keep DIR      parse every .go file under DIR keeping all ASTs alive and
//	                        print "files bytes heapBytes" (the heap they need)
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
)

const mode = parser.ParseComments | parser.SkipObjectResolution

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goastdump hash|dump FILE|bench DIR|keep DIR")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "hash":
		hashMode(false)
	case "flathash":
		hashMode(true)
	case "dump":
		if len(os.Args) < 3 {
			os.Exit(2)
		}
		src, err := os.ReadFile(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		text, _, _, _ := canonical(os.Args[2], src, false)
		os.Stdout.WriteString(text)
	case "bench":
		passes := 3
		if len(os.Args) > 3 {
			if n, err := strconv.Atoi(os.Args[3]); err == nil && n > 0 {
				passes = n
			}
		}
		benchMode(os.Args[2], passes)
	case "keep":
		if len(os.Args) < 3 {
			os.Exit(2)
		}
		keepMode(os.Args[2])
	case "unicode":
		unicodeMode()
	default:
		os.Exit(2)
	}
}

func hashMode(flat bool) {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for in.Scan() {
		path := in.Text()
		if path == "" {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(out, "%s\tioerr\t-\t0\t%s\n", path, oneLine(err.Error()))
			out.Flush()
			continue
		}
		text, ok, errLine, errMsg := canonical(path, src, flat)
		sum := sha256.Sum256([]byte(text))
		status := "ok"
		if !ok {
			status = "err"
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%d\t%s\n", path, status, hex.EncodeToString(sum[:]), errLine, oneLine(errMsg))
		out.Flush()
	}
}

func oneLine(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(s)
}

// goFiles reads every .go file under dir, in walk order.
func goFiles(dir string) (names []string, files [][]byte, total int) {
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			if src, err := os.ReadFile(path); err == nil {
				files = append(files, src)
				names = append(names, path)
				total += len(src)
			}
		}
		return nil
	})
	return names, files, total
}

// keepMode measures the heap that the ASTs of all files need when kept
// alive at once (the sources are read before the first measurement, so they
// are not counted; go/ast copies the text it keeps).
func keepMode(dir string) {
	names, files, total := goFiles(dir)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fset := token.NewFileSet()
	kept := make([]*ast.File, len(files))
	for i, src := range files {
		kept[i], _ = parser.ParseFile(fset, names[i], src, mode)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Printf("%d %d %d\n", len(files), total, after.HeapAlloc-before.HeapAlloc)
	runtime.KeepAlive(kept)
	runtime.KeepAlive(files)
}

func benchMode(dir string, passes int) {
	runtime.GOMAXPROCS(1)
	names, files, total := goFiles(dir)
	// one warm-up pass, then timed passes (like the TypeScript side)
	for i, src := range files {
		parser.ParseFile(token.NewFileSet(), names[i], src, mode)
	}
	// best of the timed passes
	var el time.Duration
	for pass := 0; pass < passes; pass++ {
		runtime.GC()
		start := time.Now()
		for i, src := range files {
			fset := token.NewFileSet()
			parser.ParseFile(fset, names[i], src, mode)
		}
		if d := time.Since(start); pass == 0 || d < el {
			el = d
		}
	}
	fmt.Printf("%d %d %.6f\n", len(files), total, el.Seconds())
}

// canonical returns the canonical form, whether go/parser accepted the
// file, and the unadjusted line and message of its first error.
func canonical(path string, src []byte, flat bool) (string, bool, int, string) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, mode)
	errLine, errMsg := 0, ""
	if err != nil {
		if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
			// The first error by physical position: go/parser sorts its
			// errors by //line-adjusted positions, Redline (like this
			// canonical form) never applies //line directives.
			e := list[0]
			for _, x := range list[1:] {
				if x.Pos.Offset < e.Pos.Offset {
					e = x
				}
			}
			errMsg = e.Msg
			errLine = e.Pos.Line
			if tf := fset.File(f.FileStart); tf != nil && e.Pos.Offset <= tf.Size() {
				errLine = tf.PositionFor(tf.Pos(e.Pos.Offset), false).Line
			}
		} else {
			errMsg = err.Error()
		}
	}
	d := &dumper{fset: fset, flat: flat}
	d.node("", 0, f)
	return d.b.String(), err == nil, errLine, errMsg
}

type dumper struct {
	fset *token.FileSet
	b    strings.Builder
	// flat: a node's depth is written as a number, not as indentation
	flat bool
	// ifEnds: End of the IfStmts of else-if chains met so far
	ifEnds map[*ast.IfStmt]token.Pos
}

func (d *dumper) pos(p token.Pos) string {
	if !p.IsValid() {
		return "-"
	}
	pp := d.fset.PositionFor(p, false)
	return strconv.Itoa(pp.Line) + ":" + strconv.Itoa(pp.Column)
}

// quote escapes like test/syntax/canonical.ts quote().
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '"':
			b.WriteString(`\"`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// A field of a node: a scalar ("name=value" on the node's line) or a child.
type fld struct {
	name   string
	scalar string // set for scalars
	isList bool
	child  ast.Node   // for node fields (may be nil)
	list   []ast.Node // for list fields
	nilLst bool       // list field that is nil and printed as "nil" (CaseClause.List)
}

func sc(name, v string) fld            { return fld{name: name, scalar: v} }
func nd(name string, n ast.Node) fld   { return fld{name: name, child: n} }
func ls(name string, l []ast.Node) fld { return fld{name: name, isList: true, list: l} }
func bl(b bool) string                 { return strconv.FormatBool(b) }

func exprs(l []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(l))
	for i, x := range l {
		out[i] = x
	}
	return out
}
func stmts(l []ast.Stmt) []ast.Node {
	out := make([]ast.Node, len(l))
	for i, x := range l {
		out[i] = x
	}
	return out
}
func idents(l []*ast.Ident) []ast.Node {
	out := make([]ast.Node, len(l))
	for i, x := range l {
		out[i] = x
	}
	return out
}

// nn converts typed nil pointers to a nil interface.
func nn[T ast.Node](x T) ast.Node {
	if v := any(x); v == nil {
		return nil
	}
	switch v := any(x).(type) {
	case *ast.CommentGroup:
		if v == nil {
			return nil
		}
	case *ast.FieldList:
		if v == nil {
			return nil
		}
	case *ast.Ident:
		if v == nil {
			return nil
		}
	case *ast.BasicLit:
		if v == nil {
			return nil
		}
	case *ast.BlockStmt:
		if v == nil {
			return nil
		}
	case *ast.FuncType:
		if v == nil {
			return nil
		}
	case *ast.CallExpr:
		if v == nil {
			return nil
		}
	}
	return x
}

func chanDir(d ast.ChanDir) string {
	switch d {
	case ast.SEND:
		return "send"
	case ast.RECV:
		return "recv"
	}
	return "both"
}

func tokOrNil(t token.Token) string {
	if t == token.ILLEGAL {
		return "nil"
	}
	return t.String()
}

// node writes n and its subtree in preorder, with an explicit stack: trees
// nested 100,000 levels deep would overflow the goroutine stack by recursion
// (describe's frame is large).
func (d *dumper) node(label string, depth int, n ast.Node) {
	type item struct {
		label string
		depth int
		n     ast.Node
	}
	stack := []item{{label, depth, n}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.flat {
			d.b.WriteString(strconv.Itoa(it.depth) + " ")
		} else {
			for i := 0; i < it.depth; i++ {
				d.b.WriteByte(' ')
			}
		}
		d.b.WriteString(it.label)
		if it.n == nil {
			d.b.WriteString("nil\n")
			continue
		}
		kind, fields := d.describe(it.n)
		d.b.WriteString(kind)
		d.b.WriteByte(' ')
		d.b.WriteString(d.pos(it.n.Pos()))
		d.b.WriteByte('-')
		d.b.WriteString(d.pos(d.end(it.n)))
		for _, f := range fields {
			if f.scalar != "" {
				d.b.WriteByte(' ')
				d.b.WriteString(f.name)
				d.b.WriteByte('=')
				d.b.WriteString(f.scalar)
			} else if f.nilLst {
				d.b.WriteString(" " + f.name + "=nil")
			}
		}
		d.b.WriteByte('\n')
		// children last-first, so that the first is written next
		for fi := len(fields) - 1; fi >= 0; fi-- {
			f := fields[fi]
			switch {
			case f.scalar != "" || f.nilLst:
			case f.isList:
				for i := len(f.list) - 1; i >= 0; i-- {
					stack = append(stack, item{f.name + "[" + strconv.Itoa(i) + "]: ", it.depth + 1, f.list[i]})
				}
			default:
				stack = append(stack, item{f.name + ": ", it.depth + 1, f.child})
			}
		}
	}
}

// end is n.End(), in constant time for each link of an else-if chain
// (ast.IfStmt.End recurses to the end of the chain: quadratic over it).
func (d *dumper) end(n ast.Node) token.Pos {
	s, ok := n.(*ast.IfStmt)
	if !ok {
		return n.End()
	}
	if e, ok := d.ifEnds[s]; ok {
		return e
	}
	chain := []*ast.IfStmt{s}
	for {
		next, ok := chain[len(chain)-1].Else.(*ast.IfStmt)
		if !ok {
			break
		}
		chain = append(chain, next)
	}
	e := chain[len(chain)-1].End()
	if d.ifEnds == nil {
		d.ifEnds = map[*ast.IfStmt]token.Pos{}
	}
	for _, x := range chain {
		d.ifEnds[x] = e
	}
	return e
}

// describe returns the kind of n and its fields in ast.ts order.
func (d *dumper) describe(n ast.Node) (kind string, fields []fld) {
	switch x := n.(type) {
	case *ast.Comment:
		kind, fields = "Comment", []fld{sc("slash", d.pos(x.Slash)), sc("text", quote(x.Text))}
	case *ast.CommentGroup:
		l := make([]ast.Node, len(x.List))
		for i, c := range x.List {
			l[i] = c
		}
		kind, fields = "CommentGroup", []fld{ls("list", l)}
	case *ast.Field:
		kind, fields = "Field", []fld{nd("doc", nn(x.Doc)), ls("names", idents(x.Names)), nd("type", x.Type), nd("tag", nn(x.Tag)), nd("comment", nn(x.Comment))}
	case *ast.FieldList:
		l := make([]ast.Node, len(x.List))
		for i, c := range x.List {
			l[i] = c
		}
		kind, fields = "FieldList", []fld{sc("opening", d.pos(x.Opening)), ls("list", l), sc("closing", d.pos(x.Closing))}
	case *ast.BadExpr:
		kind = "BadExpr"
	case *ast.Ident:
		kind, fields = "Ident", []fld{sc("name", quote(x.Name))}
	case *ast.Ellipsis:
		kind, fields = "Ellipsis", []fld{sc("ellipsis", d.pos(x.Ellipsis)), nd("elt", x.Elt)}
	case *ast.BasicLit:
		kind, fields = "BasicLit", []fld{sc("valuePos", d.pos(x.ValuePos)), sc("litKind", x.Kind.String()), sc("value", quote(x.Value))}
	case *ast.FuncLit:
		kind, fields = "FuncLit", []fld{nd("type", nn(x.Type)), nd("body", nn(x.Body))}
	case *ast.CompositeLit:
		kind, fields = "CompositeLit", []fld{nd("type", x.Type), sc("lbrace", d.pos(x.Lbrace)), ls("elts", exprs(x.Elts)), sc("rbrace", d.pos(x.Rbrace)), sc("incomplete", bl(x.Incomplete))}
	case *ast.ParenExpr:
		kind, fields = "ParenExpr", []fld{sc("lparen", d.pos(x.Lparen)), nd("x", x.X), sc("rparen", d.pos(x.Rparen))}
	case *ast.SelectorExpr:
		kind, fields = "SelectorExpr", []fld{nd("x", x.X), nd("sel", nn(x.Sel))}
	case *ast.IndexExpr:
		kind, fields = "IndexExpr", []fld{nd("x", x.X), sc("lbrack", d.pos(x.Lbrack)), nd("index", x.Index), sc("rbrack", d.pos(x.Rbrack))}
	case *ast.IndexListExpr:
		kind, fields = "IndexListExpr", []fld{nd("x", x.X), sc("lbrack", d.pos(x.Lbrack)), ls("indices", exprs(x.Indices)), sc("rbrack", d.pos(x.Rbrack))}
	case *ast.SliceExpr:
		kind, fields = "SliceExpr", []fld{nd("x", x.X), sc("lbrack", d.pos(x.Lbrack)), nd("low", x.Low), nd("high", x.High), nd("max", x.Max), sc("slice3", bl(x.Slice3)), sc("rbrack", d.pos(x.Rbrack))}
	case *ast.TypeAssertExpr:
		kind, fields = "TypeAssertExpr", []fld{nd("x", x.X), sc("lparen", d.pos(x.Lparen)), nd("type", x.Type), sc("rparen", d.pos(x.Rparen))}
	case *ast.CallExpr:
		kind, fields = "CallExpr", []fld{nd("fun", x.Fun), sc("lparen", d.pos(x.Lparen)), ls("args", exprs(x.Args)), sc("ellipsis", d.pos(x.Ellipsis)), sc("rparen", d.pos(x.Rparen))}
	case *ast.StarExpr:
		kind, fields = "StarExpr", []fld{sc("star", d.pos(x.Star)), nd("x", x.X)}
	case *ast.UnaryExpr:
		kind, fields = "UnaryExpr", []fld{sc("opPos", d.pos(x.OpPos)), sc("op", x.Op.String()), nd("x", x.X)}
	case *ast.BinaryExpr:
		kind, fields = "BinaryExpr", []fld{nd("x", x.X), sc("opPos", d.pos(x.OpPos)), sc("op", x.Op.String()), nd("y", x.Y)}
	case *ast.KeyValueExpr:
		kind, fields = "KeyValueExpr", []fld{nd("key", x.Key), sc("colon", d.pos(x.Colon)), nd("value", x.Value)}
	case *ast.ArrayType:
		kind, fields = "ArrayType", []fld{sc("lbrack", d.pos(x.Lbrack)), nd("len", x.Len), nd("elt", x.Elt)}
	case *ast.StructType:
		kind, fields = "StructType", []fld{sc("struct", d.pos(x.Struct)), nd("fields", nn(x.Fields)), sc("incomplete", bl(x.Incomplete))}
	case *ast.FuncType:
		kind, fields = "FuncType", []fld{sc("func", d.pos(x.Func)), nd("typeParams", nn(x.TypeParams)), nd("params", nn(x.Params)), nd("results", nn(x.Results))}
	case *ast.InterfaceType:
		kind, fields = "InterfaceType", []fld{sc("interface", d.pos(x.Interface)), nd("methods", nn(x.Methods)), sc("incomplete", bl(x.Incomplete))}
	case *ast.MapType:
		kind, fields = "MapType", []fld{sc("map", d.pos(x.Map)), nd("key", x.Key), nd("value", x.Value)}
	case *ast.ChanType:
		kind, fields = "ChanType", []fld{sc("begin", d.pos(x.Begin)), sc("arrow", d.pos(x.Arrow)), sc("dir", chanDir(x.Dir)), nd("value", x.Value)}
	case *ast.BadStmt:
		kind = "BadStmt"
	case *ast.DeclStmt:
		kind, fields = "DeclStmt", []fld{nd("decl", x.Decl)}
	case *ast.EmptyStmt:
		kind, fields = "EmptyStmt", []fld{sc("semicolon", d.pos(x.Semicolon)), sc("implicit", bl(x.Implicit))}
	case *ast.LabeledStmt:
		kind, fields = "LabeledStmt", []fld{nd("label", nn(x.Label)), sc("colon", d.pos(x.Colon)), nd("stmt", x.Stmt)}
	case *ast.ExprStmt:
		kind, fields = "ExprStmt", []fld{nd("x", x.X)}
	case *ast.SendStmt:
		kind, fields = "SendStmt", []fld{nd("chan", x.Chan), sc("arrow", d.pos(x.Arrow)), nd("value", x.Value)}
	case *ast.IncDecStmt:
		kind, fields = "IncDecStmt", []fld{nd("x", x.X), sc("tokPos", d.pos(x.TokPos)), sc("tok", x.Tok.String())}
	case *ast.AssignStmt:
		kind, fields = "AssignStmt", []fld{ls("lhs", exprs(x.Lhs)), sc("tokPos", d.pos(x.TokPos)), sc("tok", x.Tok.String()), ls("rhs", exprs(x.Rhs))}
	case *ast.GoStmt:
		kind, fields = "GoStmt", []fld{sc("go", d.pos(x.Go)), nd("call", nn(x.Call))}
	case *ast.DeferStmt:
		kind, fields = "DeferStmt", []fld{sc("defer", d.pos(x.Defer)), nd("call", nn(x.Call))}
	case *ast.ReturnStmt:
		kind, fields = "ReturnStmt", []fld{sc("return", d.pos(x.Return)), ls("results", exprs(x.Results))}
	case *ast.BranchStmt:
		kind, fields = "BranchStmt", []fld{sc("tokPos", d.pos(x.TokPos)), sc("tok", x.Tok.String()), nd("label", nn(x.Label))}
	case *ast.BlockStmt:
		kind, fields = "BlockStmt", []fld{sc("lbrace", d.pos(x.Lbrace)), ls("list", stmts(x.List)), sc("rbrace", d.pos(x.Rbrace))}
	case *ast.IfStmt:
		kind, fields = "IfStmt", []fld{sc("if", d.pos(x.If)), nd("init", x.Init), nd("cond", x.Cond), nd("body", nn(x.Body)), nd("else", x.Else)}
	case *ast.CaseClause:
		f := ls("list", exprs(x.List))
		if x.List == nil {
			f = fld{name: "list", nilLst: true}
		}
		kind, fields = "CaseClause", []fld{sc("case", d.pos(x.Case)), f, sc("colon", d.pos(x.Colon)), ls("body", stmts(x.Body))}
	case *ast.SwitchStmt:
		kind, fields = "SwitchStmt", []fld{sc("switch", d.pos(x.Switch)), nd("init", x.Init), nd("tag", x.Tag), nd("body", nn(x.Body))}
	case *ast.TypeSwitchStmt:
		kind, fields = "TypeSwitchStmt", []fld{sc("switch", d.pos(x.Switch)), nd("init", x.Init), nd("assign", x.Assign), nd("body", nn(x.Body))}
	case *ast.CommClause:
		kind, fields = "CommClause", []fld{sc("case", d.pos(x.Case)), nd("comm", x.Comm), sc("colon", d.pos(x.Colon)), ls("body", stmts(x.Body))}
	case *ast.SelectStmt:
		kind, fields = "SelectStmt", []fld{sc("select", d.pos(x.Select)), nd("body", nn(x.Body))}
	case *ast.ForStmt:
		kind, fields = "ForStmt", []fld{sc("for", d.pos(x.For)), nd("init", x.Init), nd("cond", x.Cond), nd("post", x.Post), nd("body", nn(x.Body))}
	case *ast.RangeStmt:
		kind, fields = "RangeStmt", []fld{sc("for", d.pos(x.For)), nd("key", x.Key), nd("value", x.Value), sc("tokPos", d.pos(x.TokPos)), sc("tok", tokOrNil(x.Tok)), sc("range", d.pos(x.Range)), nd("x", x.X), nd("body", nn(x.Body))}
	case *ast.ImportSpec:
		kind, fields = "ImportSpec", []fld{nd("doc", nn(x.Doc)), nd("name", nn(x.Name)), nd("path", nn(x.Path)), nd("comment", nn(x.Comment))}
	case *ast.ValueSpec:
		kind, fields = "ValueSpec", []fld{nd("doc", nn(x.Doc)), ls("names", idents(x.Names)), nd("type", x.Type), ls("values", exprs(x.Values)), nd("comment", nn(x.Comment))}
	case *ast.TypeSpec:
		kind, fields = "TypeSpec", []fld{nd("doc", nn(x.Doc)), nd("name", nn(x.Name)), nd("typeParams", nn(x.TypeParams)), sc("assign", d.pos(x.Assign)), nd("type", x.Type), nd("comment", nn(x.Comment))}
	case *ast.BadDecl:
		kind = "BadDecl"
	case *ast.GenDecl:
		l := make([]ast.Node, len(x.Specs))
		for i, s := range x.Specs {
			l[i] = s
		}
		kind, fields = "GenDecl", []fld{nd("doc", nn(x.Doc)), sc("tokPos", d.pos(x.TokPos)), sc("tok", x.Tok.String()), sc("lparen", d.pos(x.Lparen)), ls("specs", l), sc("rparen", d.pos(x.Rparen))}
	case *ast.FuncDecl:
		kind, fields = "FuncDecl", []fld{nd("doc", nn(x.Doc)), nd("recv", nn(x.Recv)), nd("name", nn(x.Name)), nd("type", nn(x.Type)), nd("body", nn(x.Body))}
	case *ast.File:
		decls := make([]ast.Node, len(x.Decls))
		for i, s := range x.Decls {
			decls[i] = s
		}
		imps := make([]ast.Node, len(x.Imports))
		for i, s := range x.Imports {
			imps[i] = s
		}
		cmts := make([]ast.Node, len(x.Comments))
		for i, s := range x.Comments {
			cmts[i] = s
		}
		kind, fields = "File", []fld{nd("doc", nn(x.Doc)), sc("package", d.pos(x.Package)), nd("name", nn(x.Name)), ls("decls", decls), ls("imports", imps), ls("comments", cmts), sc("goVersion", quote(x.GoVersion)), sc("fileStart", d.pos(x.FileStart)), sc("fileEnd", d.pos(x.FileEnd))}
	default:
		kind = fmt.Sprintf("Unknown(%T)", n)
	}
	return kind, fields
}

// unicodeMode prints the TypeScript tables of unicode.IsLetter and
// unicode.IsDigit for code points >= 0x80, as sorted inclusive ranges.
func unicodeMode() {
	fmt.Printf("// Code generated by tools/goastdump (goastdump unicode); DO NOT EDIT.\n")
	fmt.Printf("// Go %s, Unicode %s: the letters (unicode.IsLetter) and decimal digits\n", runtime.Version(), unicode.Version)
	fmt.Printf("// (unicode.IsDigit) that Go identifiers may contain, as inclusive\n")
	fmt.Printf("// [lo, hi] code point ranges from U+0080 on.\n\n")
	fmt.Printf("/* eslint-disable */\n")
	emit := func(name string, is func(rune) bool) {
		fmt.Printf("export const %s: readonly number[] = [", name)
		n := 0
		for r := rune(0x80); r <= unicode.MaxRune; r++ {
			if !is(r) {
				continue
			}
			lo := r
			for r+1 <= unicode.MaxRune && is(r+1) {
				r++
			}
			if n%8 == 0 {
				fmt.Printf("\n  ")
			} else {
				fmt.Printf(" ")
			}
			fmt.Printf("0x%x, 0x%x,", lo, r)
			n++
		}
		fmt.Printf("\n];\n")
	}
	emit("LETTER_RANGES", unicode.IsLetter)
	fmt.Println()
	emit("DIGIT_RANGES", unicode.IsDigit)
	fmt.Println()
	fmt.Printf("// strconv.IsPrint, for go/scanner's %%#U in error messages.\n")
	emit("PRINT_RANGES", strconv.IsPrint)
}
