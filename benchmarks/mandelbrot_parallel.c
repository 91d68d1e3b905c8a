/* Points of a 2400 x 1600 grid in the Mandelbrot set (200 iterations):
   rows spread over the threads by OpenMP, four points of a row at a time
   in arrays the compiler may vectorize (no intrinsics). */
#include <stdio.h>

enum { width = 2400, height = 1600, lanes = 4 };

static int inside_of(int x, int y) {
  double cr[lanes], ci = -1.0 + 2.0 * (double)y / 1600.0;
  double zr[lanes] = {0}, zi[lanes] = {0};
  int bounded[lanes];
  for (int l = 0; l < lanes; ++l) {
    cr[l] = -2.0 + 3.0 * ((double)l + (double)x) / 2400.0;
    bounded[l] = 1;
  }
  for (int i = 0; i < 200; ++i) {
    int any = 0;
    double zr2[lanes], zi2[lanes];
    for (int l = 0; l < lanes; ++l) {
      zr2[l] = zr[l] * zr[l];
      zi2[l] = zi[l] * zi[l];
      bounded[l] &= zr2[l] + zi2[l] <= 4.0;
      any |= bounded[l];
    }
    if (!any)
      return 0;
    for (int l = 0; l < lanes; ++l) {
      zi[l] = 2.0 * zr[l] * zi[l] + ci;
      zr[l] = zr2[l] - zi2[l] + cr[l];
    }
  }
  int inside = 0;
  for (int l = 0; l < lanes; ++l)
    inside += bounded[l];
  return inside;
}

int main(void) {
  static long rows[height];
#pragma omp parallel for schedule(dynamic, 1)
  for (int y = 0; y < height; ++y) {
    long inside = 0;
    for (int x = 0; x < width; x += lanes)
      inside += inside_of(x, y);
    rows[y] = inside;
  }
  long inside = 0;
  for (int y = 0; y < height; ++y)
    inside += rows[y];
  printf("inside: %ld\n", inside);
  return 0;
}
