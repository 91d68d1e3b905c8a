// The CUDA C reference for examples/gpu/mandelbrot.mojo: the same plane,
// iteration, 16 x 16 blocks and output. Build it with -fmad=false: Ember
// never fuses a multiply and an add, and with FMAs the counts (and the
// total) would differ from the Ember program's.
//
// Usage: mandelbrot [width [height]]     (default 4096 x 4096)
#include "common.h"

#include <algorithm>
#include <vector>

constexpr int kMaxIter = 256;
constexpr int kTile = 16;

__global__ void mandelbrot(int *counts, int width, int height, float x0,
                           float y0, float dx, float dy) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float cr = x0 + float(x) * dx, ci = y0 + float(y) * dy;
  float zr = 0, zi = 0;
  int i = 0;
  for (; i < kMaxIter; ++i) {
    float zr2 = zr * zr, zi2 = zi * zi;
    if (zr2 + zi2 > 4.0f)
      break;
    zi = 2.0f * zr * zi + ci;
    zr = zr2 - zi2 + cr;
  }
  counts[(long)y * width + x] = i;
}

int main(int argc, char **argv) {
  int width = int(arg_or(argc, argv, 1, 4096));
  int height = int(arg_or(argc, argv, 2, width));
  const int repeats = 5;
  float x0 = -2.0f, y0 = -1.5f;
  float dx = float(3.0 / width), dy = float(3.0 / height);
  long pixels = long(width) * height;
  int *counts;
  CHECK_CUDA(cudaMalloc(&counts, pixels * sizeof(int)));
  dim3 grid((width + kTile - 1) / kTile, (height + kTile - 1) / kTile);
  dim3 block(kTile, kTile);
  // The host clock, as the Ember program, then events, each loop alone so
  // neither measure includes the other's calls.
  auto launch = [&] {
    mandelbrot<<<grid, block>>>(counts, width, height, x0, y0, dx, dy);
  };
  double best = best_host_ms(repeats, launch);
  float best_event = best_event_ms(repeats, launch);
  CHECK_CUDA(cudaGetLastError());
  std::vector<int> host(pixels);
  CHECK_CUDA(cudaMemcpy(host.data(), counts, pixels * sizeof(int),
                        cudaMemcpyDeviceToHost));
  long total = 0;
  for (long i = 0; i < pixels; ++i)
    total += host[i];
  std::printf("mandelbrot %d x %d total = %ld\n", width, height, total);
  std::printf("time_ms: %.6f\n", best);
  std::printf("event_ms: %.6f\n", best_event);
  return 0;
}
