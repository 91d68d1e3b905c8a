// Helpers shared by the CUDA C references: error checks and a host clock
// that times a region the way the Ember programs do (launch + synchronize).
#pragma once

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
