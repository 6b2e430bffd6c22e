/* A store kept in another directory of the module, included by a relative path. */
#include <stddef.h>

struct store;
struct store *store_adopt(char *buf, size_t n);
void store_free(struct store *s);
void store_peek(const char *buf);
