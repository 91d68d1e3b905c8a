/* C = A * B for 1024 x 1024 doubles in i-k-j order, which the compiler
   vectorizes (no intrinsics). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { n = 1024 };

/* Seconds on the monotonic clock. */
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
  double *a = malloc(sizeof(double) * n * n);
  double *b = malloc(sizeof(double) * n * n);
  double *c = malloc(sizeof(double) * n * n);
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) {
      a[i * n + j] = (double)((i + j) % 7);
      b[i * n + j] = (double)((i * j) % 5);
      c[i * n + j] = 0.0;
    }
  double start = now();
  for (long i = 0; i < n; ++i)
    for (long k = 0; k < n; ++k) {
      double aik = a[i * n + k];
      for (long j = 0; j < n; ++j)
        c[i * n + j] += aik * b[k * n + j];
    }
  double seconds = now() - start;
  double checksum = 0.0;
  for (long i = 0; i < n * n; ++i)
    checksum += c[i];
  printf("%.1f\n%f\n", checksum, seconds);
  free(a);
  free(b);
  free(c);
  return 0;
}
