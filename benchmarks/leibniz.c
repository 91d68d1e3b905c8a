#include <stdint.h>
#include <stdio.h>

static double leibniz(int64_t terms) {
  double total = 0.0, sign = 1.0;
  for (int64_t k = 0; k < terms; ++k) {
    total += sign / (double)(2 * k + 1);
    sign = -sign;
  }
  return 4.0 * total;
}

int main(void) {
  printf("%.17g\n", leibniz(100000000));
  return 0;
}
