#include <stdio.h>
#include <stdlib.h>
#include "sink.h"

/* Compiled only for darwin: the opposite ownership. */
void sink(char *s) { puts(s); }
void peek(char *s) { puts(s); free(s); }
