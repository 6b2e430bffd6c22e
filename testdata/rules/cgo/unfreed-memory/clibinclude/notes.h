/* A library whose header lies outside the Go package: Redline sees no definitions. */
struct note;
struct note *note_create(const char *title, char *body);
void note_destroy(struct note *n);
