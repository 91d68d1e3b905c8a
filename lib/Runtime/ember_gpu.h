/*===- ember_gpu.h - The GPU runtime's shared declarations ------*- C -*-===*
 *
 * A device context is either a CUDA context, reached through the driver
 * opened at run time (ember_gpu.c), or the emulator, which runs kernels
 * compiled for the CPU with GPU semantics (ember_gpu_emulator.c).
 *
 *===----------------------------------------------------------------------===*/

#ifndef EMBER_RUNTIME_EMBER_GPU_H
#define EMBER_RUNTIME_EMBER_GPU_H

#include <stdint.h>

/* A kernel compiled for the CPU, called once per emulated thread with a
 * pointer to each of its arguments. */
typedef void (*EmberEmulatedKernel)(void **params);

/* The launch shape: grid then block, x, y, z. */
typedef struct {
  int64_t grid[3];
  int64_t block[3];
  int64_t shared_bytes;
} EmberLaunchShape;

/* The shared memory an emulated block may use: as much as a block of an
 * H100 may have. */
enum { EMBER_GPU_EMULATED_SHARED_BYTES = 227 * 1024 };

/* Runs `kernel` over `shape` on this thread, as a GPU would: every thread
 * of a block runs, `barrier()` waits for all of them, shared memory is the
 * block's. Returns an error message, or NULL. */
const char *ember_gpu_emulate_launch(EmberEmulatedKernel kernel,
                                     const EmberLaunchShape *shape,
                                     void **params);

#endif
