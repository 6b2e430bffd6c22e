// Helpers shared by the package's preambles (cgo includes this file).
#include <stdlib.h>

static void freeString(char *s) { free(s); }
static void keepString(char **slot, char *s) { *slot = s; }
static size_t measure(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static char *as_text(char *s) { return (char *)s; }
