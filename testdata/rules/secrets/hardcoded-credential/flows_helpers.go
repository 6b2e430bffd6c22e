package hardcoded

import "log"

// logValue logs its second parameter (inside a concatenation).
func logValue(name, v string) {
	log.Print(name + "=" + v)
}
