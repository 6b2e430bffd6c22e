// Package logutil wraps the standard logger.
package logutil

import "log"

// Debugf logs when debugging is on.
func Debugf(format string, args ...any) {
	if debug {
		log.Printf(format, args...)
	}
}

var debug = true
