// The CUDA C reference for examples/gpu/vector_add.mojo: the same kernel,
// data, launch shape and output. `time_ms` is timed as the Ember program
// times itself (host clock around the launch and a synchronize, best of
// 10), so the two compare kernel to kernel with the same launch overhead;
// `event_ms` is the kernel alone, measured with CUDA events.
//
// Usage: vector_add [n]     (default 1 << 24)
#include "common.h"

#include <algorithm>
#include <vector>

__global__ void vector_add(const float *a, const float *b, float *c, long n) {
  long i = (long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

int main(int argc, char **argv) {
  long n = arg_or(argc, argv, 1, 1L << 24);
  const int tpb = 256, repeats = 10;
  std::vector<float> ha(n), hb(n), hc(n);
  for (long i = 0; i < n; ++i) {
    ha[i] = float(i % 1000);
    hb[i] = float(2 * (i % 7));
  }
  float *a, *b, *c;
  CHECK_CUDA(cudaMalloc(&a, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&b, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&c, n * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(a, ha.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(b, hb.data(), n * sizeof(float), cudaMemcpyHostToDevice));

  long blocks = (n + tpb - 1) / tpb;
  // The host clock, as the Ember program, then events, each loop alone so
  // neither measure includes the other's calls.
  auto launch = [&] { vector_add<<<blocks, tpb>>>(a, b, c, n); };
  double best = best_host_ms(repeats, launch);
  float best_event = best_event_ms(repeats, launch);
  CHECK_CUDA(cudaGetLastError());

  CHECK_CUDA(cudaMemcpy(hc.data(), c, n * sizeof(float), cudaMemcpyDeviceToHost));
  long checksum = 0;
  for (long i = 0; i < n; ++i) {
    long expected = i % 1000 + 2 * (i % 7);
    if (hc[i] != float(expected)) {
      std::fprintf(stderr, "c[%ld] = %g, expected %ld\n", i, hc[i], expected);
      return 1;
    }
    checksum += long(hc[i]);
  }
  std::printf("vector_add n = %ld checksum = %ld\n", n, checksum);
  std::printf("time_ms: %.6f\n", best);
  std::printf("event_ms: %.6f\n", best_event);
  return 0;
}
