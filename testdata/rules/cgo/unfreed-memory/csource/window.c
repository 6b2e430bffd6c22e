#include <stdlib.h>
#include <stdio.h>

typedef void (*destructor)(void *);

static char *pending;

void set_title(char *title) {
	pending = title;
}

void show_title(const char *title) {
	puts(title);
}

void closure_destructor(void *payload) {
	free(payload);
}
