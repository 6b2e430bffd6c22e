#include <stdio.h>
#include <stdlib.h>
#include "sink.h"

/* On linux, sink takes ownership and frees; peek only reads. */
void sink(char *s) { puts(s); free(s); }
void peek(char *s) { puts(s); }
