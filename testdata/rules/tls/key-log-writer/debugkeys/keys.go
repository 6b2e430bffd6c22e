// Package debugkeys opens the key log its importers use, as a debugging aid.
package debugkeys

import "os"

// KeyLog is the file named by $SSLKEYLOGFILE, or nil.
var KeyLog = openKeyLog()

func openKeyLog() *os.File {
	path, ok := os.LookupEnv("SSLKEYLOGFILE")
	if !ok {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil
	}
	return f
}
