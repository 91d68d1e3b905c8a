// Counts the primes below 2,000,000 by trial division, in 200 blocks of
// 10,000 numbers spread over the threads by OpenMP (dynamic schedule).
#include <stdio.h>

static int is_prime(long n) {
  if (n < 2)
    return 0;
  for (long d = 2; d * d <= n; ++d)
    if (n % d == 0)
      return 0;
  return 1;
}

int main(void) {
  enum { limit = 2000000, block = 10000, blocks = limit / block };
  static long counts[blocks];
#pragma omp parallel for schedule(dynamic, 1)
  for (int b = 0; b < blocks; ++b) {
    long count = 0;
    for (long n = (long)b * block; n < (long)(b + 1) * block; ++n)
      count += is_prime(n);
    counts[b] = count;
  }
  long total = 0;
  for (int b = 0; b < blocks; ++b)
    total += counts[b];
  printf("%ld\n", total);
  return 0;
}
