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

// NewTokenProvider logs the provider's options: a spec such as "jwt,sign-method=RS256,pub-key=/etc/k.pub".
func NewTokenProvider(tokenOpts string) {
	log.Printf("token provider options: %s", tokenOpts)
}

// Login logs the password it is given (reported here, once).
func Login(user, password string) {
	log.Printf("login %s/%s", user, password) // want "log.Printf logs `password`, which holds a password"
}
