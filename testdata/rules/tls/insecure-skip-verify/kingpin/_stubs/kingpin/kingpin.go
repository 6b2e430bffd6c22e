// Package kingpin is a stub of github.com/alecthomas/kingpin/v2 for fixtures.
package kingpin

type FlagClause struct{}

func (f *FlagClause) Default(values ...string) *FlagClause { return f }
func (f *FlagClause) Envar(name string) *FlagClause        { return f }
func (f *FlagClause) Short(name rune) *FlagClause          { return f }
func (f *FlagClause) Bool() *bool                          { return new(bool) }
func (f *FlagClause) BoolVar(target *bool)                 {}
func (f *FlagClause) String() *string                      { return new(string) }

type Application struct{}

func New(name, help string) *Application                  { return &Application{} }
func (a *Application) Flag(name, help string) *FlagClause { return &FlagClause{} }
func Flag(name, help string) *FlagClause                  { return &FlagClause{} }
func Parse() string                                       { return "" }
