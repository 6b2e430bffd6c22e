// Package typestr prints a go/types type in Redline's normalised typeString form
// (see src/semantics/types.ts): package paths, no parameter names, no struct
// tags, interface methods sorted, byte/rune as uint8/int32, `interface{}`
// for empty interfaces, aliases resolved. It is shared by gotypesdump (the
// go/types side of the semantic agreement tests) and stdlibgen (the standard
// library table), so both speak exactly the form Redline parses.
package typestr

import (
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// A Printer renders types; Rename gives type parameters fixed names.
type Printer struct {
	Rename map[*types.TypeParam]string
}

// String renders a type.
func (p *Printer) String(t types.Type) string {
	var b strings.Builder
	p.Write(&b, t, 0)
	return b.String()
}

// Write renders t into b; depth guards against runaway recursion.
func (p *Printer) Write(b *strings.Builder, t types.Type, depth int) {
	if depth > 40 {
		b.WriteString("?")
		return
	}
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.Byte:
			b.WriteString("uint8")
		case types.Rune:
			b.WriteString("int32")
		case types.UntypedBool:
			b.WriteString("untyped bool")
		case types.UntypedInt:
			b.WriteString("untyped int")
		case types.UntypedRune:
			b.WriteString("untyped rune")
		case types.UntypedFloat:
			b.WriteString("untyped float")
		case types.UntypedComplex:
			b.WriteString("untyped complex")
		case types.UntypedString:
			b.WriteString("untyped string")
		case types.UntypedNil:
			b.WriteString("untyped nil")
		case types.UnsafePointer:
			b.WriteString("unsafe.Pointer")
		case types.Invalid:
			b.WriteString("?")
		default:
			b.WriteString(t.Name())
		}
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil {
			b.WriteString(obj.Pkg().Path())
			b.WriteString(".")
		}
		b.WriteString(obj.Name())
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				p.Write(b, args.At(i), depth+1)
			}
			b.WriteString("]")
		} else if tps := t.TypeParams(); tps != nil && tps.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < tps.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				p.Write(b, tps.At(i), depth+1)
			}
			b.WriteString("]")
		}
	case *types.Pointer:
		b.WriteString("*")
		p.Write(b, t.Elem(), depth+1)
	case *types.Slice:
		b.WriteString("[]")
		p.Write(b, t.Elem(), depth+1)
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		p.Write(b, t.Elem(), depth+1)
	case *types.Map:
		b.WriteString("map[")
		p.Write(b, t.Key(), depth+1)
		b.WriteString("]")
		p.Write(b, t.Elem(), depth+1)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
			p.Write(b, t.Elem(), depth+1)
		case types.RecvOnly:
			b.WriteString("<-chan ")
			p.Write(b, t.Elem(), depth+1)
		default:
			if c, ok := types.Unalias(t.Elem()).(*types.Chan); ok && c.Dir() == types.RecvOnly {
				b.WriteString("chan (")
				p.Write(b, t.Elem(), depth+1)
				b.WriteString(")")
			} else {
				b.WriteString("chan ")
				p.Write(b, t.Elem(), depth+1)
			}
		}
	case *types.Signature:
		b.WriteString("func")
		p.sig(b, t, depth)
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name())
				b.WriteString(" ")
			}
			p.Write(b, f.Type(), depth+1)
		}
		b.WriteString("}")
	case *types.Interface:
		p.Interface(b, t, depth, nil)
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				b.WriteString("~")
			}
			p.Write(b, t.Term(i).Type(), depth+1)
		}
	case *types.Tuple:
		b.WriteString("(")
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			p.Write(b, t.At(i).Type(), depth+1)
		}
		b.WriteString(")")
	case *types.TypeParam:
		if n, ok := p.Rename[t]; ok {
			b.WriteString(n)
		} else {
			b.WriteString(t.Obj().Name())
		}
	default:
		b.WriteString("?")
	}
}

// Interface renders an interface type; keep filters methods (nil: all).
func (p *Printer) Interface(b *strings.Builder, t *types.Interface, depth int, keep func(string) bool) {
	b.WriteString("interface{")
	var parts []string
	var ms []*types.Func
	for i := 0; i < t.NumExplicitMethods(); i++ {
		m := t.ExplicitMethod(i)
		if keep == nil || keep(m.Name()) {
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name() < ms[j].Name() })
	for _, m := range ms {
		var mb strings.Builder
		mb.WriteString(m.Name())
		p.sig(&mb, m.Type().(*types.Signature), depth+1)
		parts = append(parts, mb.String())
	}
	for i := 0; i < t.NumEmbeddeds(); i++ {
		var eb strings.Builder
		p.Write(&eb, t.EmbeddedType(i), depth+1)
		parts = append(parts, eb.String())
	}
	b.WriteString(strings.Join(parts, "; "))
	b.WriteString("}")
}

// Signature writes a signature without the leading "func" keyword: (params) results.
func (p *Printer) Signature(b *strings.Builder, s *types.Signature) {
	p.sig(b, s, 0)
}

func (p *Printer) sig(b *strings.Builder, s *types.Signature, depth int) {
	b.WriteString("(")
	for i := 0; i < s.Params().Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		pt := s.Params().At(i).Type()
		if s.Variadic() && i == s.Params().Len()-1 {
			if sl, ok := pt.(*types.Slice); ok {
				b.WriteString("...")
				p.Write(b, sl.Elem(), depth+1)
				continue
			}
		}
		p.Write(b, pt, depth+1)
	}
	b.WriteString(")")
	switch s.Results().Len() {
	case 0:
	case 1:
		b.WriteString(" ")
		p.Write(b, s.Results().At(0).Type(), depth+1)
	default:
		b.WriteString(" (")
		for i := 0; i < s.Results().Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			p.Write(b, s.Results().At(i).Type(), depth+1)
		}
		b.WriteString(")")
	}
}
