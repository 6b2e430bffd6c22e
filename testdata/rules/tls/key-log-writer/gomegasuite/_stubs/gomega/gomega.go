// Package gomega stands in for Gomega's matchers.
package gomega

// Expect starts an assertion.
func Expect(actual any) Assertion { return Assertion{actual} }

// Assertion is an assertion on a value.
type Assertion struct{ actual any }

// To applies a matcher.
func (a Assertion) To(matcher any) bool { return matcher != nil && a.actual != nil }

// Succeed matches a nil error.
func Succeed() any { return "succeed" }
