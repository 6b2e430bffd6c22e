// Package notify hands its arguments to goroutines and logs.
package notify

import "log"

// Async sends a notification on a goroutine.
func Async(key string) {
	k := key
	go func() {
		send(k)
	}()
}

func send(string) {}

// Debug logs a named value.
func Debug(name, value string) {
	log.Printf("%s: %s", name, value)
}
