// Package pattern wraps regexp, as secret scanners do to switch engines by build tag.
package pattern

import "regexp"

// MustCompile compiles its argument as a regular expression.
func MustCompile(str string) *regexp.Regexp {
	return regexp.MustCompile(str)
}
