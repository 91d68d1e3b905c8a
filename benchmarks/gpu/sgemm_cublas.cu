// The cuBLAS reference for examples/gpu/sgemm_*.mojo: C = A * B for n x n
// row-major Float32 matrices with the same small-integer data, through
// cublasSgemm (FP32, no TF32: the default math mode), timed with CUDA
// events, best of 5 after a warm-up call. Row-major C = A * B is
// column-major C^T = B^T * A^T, so B is passed first.
//
// Usage: sgemm_cublas [n]     (default 4096)
#include "common.h"

#include <algorithm>
#include <cublas_v2.h>
#include <vector>

#define CHECK_CUBLAS(call)                                                     \
  do {                                                                         \
    cublasStatus_t st_ = (call);                                               \
    if (st_ != CUBLAS_STATUS_SUCCESS) {                                        \
      std::fprintf(stderr, "%s:%d: %s: cuBLAS status %d\n", __FILE__,          \
                   __LINE__, #call, int(st_));                                 \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

static float a_at(long i, long k) { return float((i + 2 * k) % 7); }
static float b_at(long k, long j) { return float((3 * k + j) % 5); }

int main(int argc, char **argv) {
  long n = arg_or(argc, argv, 1, 4096);
  const int repeats = 5;
  std::vector<float> ha(n * n), hb(n * n), hc(n * n);
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) {
      ha[i * n + j] = a_at(i, j);
      hb[i * n + j] = b_at(i, j);
    }
  float *a, *b, *c;
  size_t bytes = n * n * sizeof(float);
  CHECK_CUDA(cudaMalloc(&a, bytes));
  CHECK_CUDA(cudaMalloc(&b, bytes));
  CHECK_CUDA(cudaMalloc(&c, bytes));
  CHECK_CUDA(cudaMemcpy(a, ha.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(b, hb.data(), bytes, cudaMemcpyHostToDevice));

  cublasHandle_t handle;
  CHECK_CUBLAS(cublasCreate(&handle));
  const float alpha = 1.0f, beta = 0.0f;
  int m = int(n);
  auto sgemm = [&] {
    CHECK_CUBLAS(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, m, m, &alpha,
                             b, m, a, m, &beta, c, m));
  };
  sgemm(); // Loads the kernel and picks its heuristics.
  CHECK_CUDA(cudaDeviceSynchronize());
  float best = best_event_ms(repeats, sgemm);
  CHECK_CUDA(cudaMemcpy(hc.data(), c, bytes, cudaMemcpyDeviceToHost));

  // The same checks as the Ember programs: a sample of elements, and the
  // sum of all of them against sum_k (column k of A's sum) * (row k of B's).
  long samples = n <= 256 ? n * n : 509;
  for (long t = 0; t < samples; ++t) {
    long i = n <= 256 ? t / n : (t * 7919) % n;
    long j = n <= 256 ? t % n : (t * 104729 + 13) % n;
    float expected = 0;
    for (long k = 0; k < n; ++k)
      expected += a_at(i, k) * b_at(k, j);
    if (hc[i * n + j] != expected) {
      std::fprintf(stderr, "C[%ld, %ld] = %g, expected %g\n", i, j,
                   hc[i * n + j], expected);
      return 1;
    }
  }
  long checksum = 0, expected_sum = 0;
  for (long i = 0; i < n * n; ++i)
    checksum += long(hc[i]);
  for (long k = 0; k < n; ++k) {
    long col_a = 0, row_b = 0;
    for (long i = 0; i < n; ++i) {
      col_a += long(a_at(i, k));
      row_b += long(b_at(k, i));
    }
    expected_sum += col_a * row_b;
  }
  if (checksum != expected_sum) {
    std::fprintf(stderr, "checksum %ld, expected %ld\n", checksum, expected_sum);
    return 1;
  }
  std::printf("sgemm_cublas n = %ld checksum = %ld\n", n, checksum);
  std::printf("time_ms: %.6f\n", best);
  cublasDestroy(handle);
  return 0;
}
