/* A parallel sum reduction: 64 million int64 values (i % 1000), filled and
   summed in 256 blocks spread over the threads by OpenMP. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { blocks = 256 };
#define COUNT (64L * 1024 * 1024)
#define BLOCK (COUNT / blocks)

int main(void) {
  int64_t *values = malloc(COUNT * sizeof *values);
  static int64_t sums[blocks];
#pragma omp parallel for schedule(dynamic, 1)
  for (int b = 0; b < blocks; ++b)
    for (long i = b * BLOCK; i < (b + 1) * BLOCK; ++i)
      values[i] = i % 1000;
#pragma omp parallel for schedule(dynamic, 1)
  for (int b = 0; b < blocks; ++b) {
    int64_t acc = 0;
    for (long i = b * BLOCK; i < (b + 1) * BLOCK; ++i)
      acc += values[i];
    sums[b] = acc;
  }
  int64_t total = 0;
  for (int b = 0; b < blocks; ++b)
    total += sums[b];
  printf("%lld\n", (long long)total);
  free(values);
  return 0;
}
