// Package audit is a stub of an audit logger (a policy-configured log sink in the fixtures).
package audit

// Write records an audit entry.
func Write(args ...any) {}
