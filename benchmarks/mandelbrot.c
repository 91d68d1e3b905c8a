/* Points of a 2400 x 1600 grid in the Mandelbrot set (200 iterations). */
#include <stdio.h>

static int escapes(double cr, double ci) {
  double zr = 0.0, zi = 0.0;
  for (int i = 0; i < 200; ++i) {
    double zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4.0)
      return 1;
    zi = 2.0 * zr * zi + ci;
    zr = zr2 - zi2 + cr;
  }
  return 0;
}

int main(void) {
  long inside = 0;
  for (int y = 0; y < 1600; ++y)
    for (int x = 0; x < 2400; ++x) {
      double cr = -2.0 + 3.0 * (double)x / 2400.0;
      double ci = -1.0 + 2.0 * (double)y / 1600.0;
      if (!escapes(cr, ci))
        ++inside;
    }
  printf("inside: %ld\n", inside);
  return 0;
}
