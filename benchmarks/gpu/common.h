// Helpers shared by the CUDA C references: error checks and a host clock
// that times a region the way the Ember programs do (launch + synchronize).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#define CHECK_CUDA(call)                                                       \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

static inline double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch())
      .count();
}

// The size from argv[index], else `fallback`.
static inline long arg_or(int argc, char **argv, int index, long fallback) {
  return argc > index ? std::atol(argv[index]) : fallback;
}

// The best of `repeats` runs of `launch`, timed with the host clock around
// the launch and a synchronize, as the Ember programs time theirs.
template <class Launch> double best_host_ms(int repeats, Launch launch) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    double t0 = now_ms();
    launch();
    CHECK_CUDA(cudaDeviceSynchronize());
    best = std::min(best, now_ms() - t0);
  }
  return best;
}

// The best of `repeats` runs of `launch`, timed with CUDA events.
template <class Launch> float best_event_ms(int repeats, Launch launch) {
  cudaEvent_t start, stop;
  CHECK_CUDA(cudaEventCreate(&start));
  CHECK_CUDA(cudaEventCreate(&stop));
  float best = 1e30f;
  for (int r = 0; r < repeats; ++r) {
    CHECK_CUDA(cudaEventRecord(start));
    launch();
    CHECK_CUDA(cudaEventRecord(stop));
    CHECK_CUDA(cudaEventSynchronize(stop));
    float ms;
    CHECK_CUDA(cudaEventElapsedTime(&ms, start, stop));
    best = std::min(best, ms);
  }
  CHECK_CUDA(cudaEventDestroy(start));
  CHECK_CUDA(cudaEventDestroy(stop));
  return best;
}
