// String building: the same as string_build.ember, with a buffer that
// doubles as it grows.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  size_t length = 0, capacity = 16;
  char *text = malloc(capacity);
  char number[24];
  for (long i = 0; i < 3000000; ++i) {
    int n = snprintf(number, sizeof number, "%ld,", i);
    if (length + n > capacity) {
      while (length + n > capacity)
        capacity *= 2;
      text = realloc(text, capacity);
    }
    memcpy(text + length, number, n);
    length += n;
  }
  printf("%zu %c\n", length, text[length - 2]);
  free(text);
  return 0;
}
