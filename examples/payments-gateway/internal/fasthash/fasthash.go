// Package fasthash fingerprints card numbers with a C library.
package fasthash

/*
#include <stdlib.h>
#include <string.h>

static int fingerprint(const char *pan, char *out, size_t outlen) {
	size_t n = strlen(pan);
	if (n < 12 || outlen < 9) {
		return -1;
	}
	unsigned long h = 5381;
	for (size_t i = 0; i < n; i++) {
		h = ((h << 5) + h) + (unsigned char)pan[i];
	}
	for (int i = 0; i < 8; i++) {
		out[i] = "0123456789abcdef"[(h >> (i * 4)) & 0xf];
	}
	out[8] = 0;
	return 0;
}
*/
import "C"

import (
	"errors"
	"unsafe"
)

// ErrShortPAN is returned for card numbers that are too short.
var ErrShortPAN = errors.New("fasthash: card number too short")

// Fingerprint returns a short stable fingerprint of a card number.
func Fingerprint(pan string) (string, error) {
	cpan := C.CString(pan)
	out := (*C.char)(C.malloc(16))
	defer C.free(unsafe.Pointer(out))

	if C.fingerprint(cpan, out, 16) != 0 {
		return "", ErrShortPAN // cpan leaks on this path
	}
	C.free(unsafe.Pointer(cpan))
	return C.GoString(out), nil
}
