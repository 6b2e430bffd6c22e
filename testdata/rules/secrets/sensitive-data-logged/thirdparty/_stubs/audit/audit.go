// Package audit is a stub of an audit logger (a policy-configured log sink in the fixtures).
package audit

// Write records an audit entry.
func Write(args ...any) {}

// Session is a stub of a third-party session whose token Redline cannot type.
type Session struct{}

// Trail is a stub of an audit trail whose Record is a sink of the policy.
type Trail struct{}

// Record records an audit entry.
func (*Trail) Record(args ...any) {}

// Valid reports whether the session's token is still valid.
func (*Session) Valid() bool { return true }
