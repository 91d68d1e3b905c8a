/* C = A * B for 1024 x 1024 doubles, blocked as matmul_tiled.ember is: B's
   slice of kc rows packed into panels of nr columns, blocks of mc rows of
   C spread over the threads by OpenMP, each packing its rows of A into
   panels of mr rows and running a micro-kernel whose mr x nr block of C
   the compiler keeps in registers (no intrinsics). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { n = 1024, mr = 4, nr = 32, kc = 128, mc = 128 };

/* C[0:mr, 0:nr] += A panel (kc x mr, k-major) * B panel (kc x nr). */
static void micro_kernel(const double *restrict a, const double *restrict b,
                         double *restrict c) {
  double acc[mr][nr];
  for (int r = 0; r < mr; ++r)
    for (int j = 0; j < nr; ++j)
      acc[r][j] = c[r * n + j];
  for (int k = 0; k < kc; ++k)
    for (int r = 0; r < mr; ++r)
      for (int j = 0; j < nr; ++j)
        acc[r][j] += a[k * mr + r] * b[k * nr + j];
  for (int r = 0; r < mr; ++r)
    for (int j = 0; j < nr; ++j)
      c[r * n + j] = acc[r][j];
}

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
  double *b_packed = aligned_alloc(64, sizeof(double) * kc * n);
  double *a_packed = aligned_alloc(64, sizeof(double) * n * kc);
  for (long pc = 0; pc < n; pc += kc) {
    for (long jp = 0; jp < n; jp += nr)
      for (long k = 0; k < kc; ++k)
        for (long j = 0; j < nr; ++j)
          b_packed[jp * kc + k * nr + j] = b[(pc + k) * n + jp + j];
#pragma omp parallel for schedule(dynamic, 1)
    for (long block = 0; block < n / mc; ++block) {
      long ic = block * mc;
      double *panels = a_packed + ic * kc;
      for (long ip = 0; ip < mc; ip += mr)
        for (long k = 0; k < kc; ++k)
          for (long r = 0; r < mr; ++r)
            panels[ip * kc + k * mr + r] = a[(ic + ip + r) * n + pc + k];
      for (long jp = 0; jp < n; jp += nr)
        for (long ip = 0; ip < mc; ip += mr)
          micro_kernel(panels + ip * kc, b_packed + jp * kc,
                       c + (ic + ip) * n + jp);
    }
  }
  double seconds = now() - start;
  double checksum = 0.0;
  for (long i = 0; i < n * n; ++i)
    checksum += c[i];
  printf("%.1f\n%f\n", checksum, seconds);
  free(a);
  free(b);
  free(c);
  free(a_packed);
  free(b_packed);
  return 0;
}
