// Package zapcore is a stub of go.uber.org/zap/zapcore for fixtures.
package zapcore

// Field is a log field.
type Field struct {
	Key       string
	String    string
	Interface any
}
