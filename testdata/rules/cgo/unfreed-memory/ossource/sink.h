void sink(char *s);
void peek(char *s);
