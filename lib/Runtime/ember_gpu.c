/*===- ember_gpu.c - Device contexts, memory and kernel launches ----------===*
 *
 * What `gpu.host.DeviceContext` calls. A context drives a CUDA GPU through
 * the driver library, opened with dlopen at first use so that nothing
 * links against CUDA, or the emulator. A failed call leaves a message in
 * its context (CUDA's error name first), which the library turns into an
 * `Error` after each call (`ember_rt_gpu_take_error`).
 *
 *===----------------------------------------------------------------------===*/

#include "ember_gpu.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*===--- The CUDA driver --------------------------------------------------===*/

typedef int CUresult;
typedef int CUdevice;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef unsigned long long CUdeviceptr;

/* The attributes `gpu.host.DeviceAttribute` names, numbered as cuda.h has
 * them. */
enum {
  CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X = 2,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y = 3,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z = 4,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X = 5,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y = 6,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z = 7,
  CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK = 8,
  CU_DEVICE_ATTRIBUTE_WARP_SIZE = 10,
  CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK = 12,
  CU_DEVICE_ATTRIBUTE_CLOCK_RATE = 13,
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
  CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE = 38,
  CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR = 39,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
  CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_MULTIPROCESSOR = 81,
  CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_MULTIPROCESSOR = 82,
  CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCKS_PER_MULTIPROCESSOR = 106,
};

#define EMBER_CUDA_FUNCTIONS(X)                                                \
  X(cuInit, (unsigned))                                                        \
  X(cuDriverGetVersion, (int *))                                               \
  X(cuGetErrorName, (CUresult, const char **))                                 \
  X(cuDeviceGetCount, (int *))                                                 \
  X(cuDeviceGet, (CUdevice *, int))                                            \
  X(cuDeviceGetName, (char *, int, CUdevice))                                  \
  X(cuDeviceGetAttribute, (int *, int, CUdevice))                              \
  X(cuDevicePrimaryCtxRetain, (CUcontext *, CUdevice))                         \
  X(cuDevicePrimaryCtxRelease_v2, (CUdevice))                                  \
  X(cuCtxSetCurrent, (CUcontext))                                              \
  X(cuStreamCreate, (CUstream *, unsigned))                                    \
  X(cuStreamDestroy_v2, (CUstream))                                            \
  X(cuStreamSynchronize, (CUstream))                                           \
  X(cuMemGetInfo_v2, (size_t *, size_t *))                                     \
  X(cuMemAlloc_v2, (CUdeviceptr *, size_t))                                    \
  X(cuMemFree_v2, (CUdeviceptr))                                               \
  X(cuMemAllocHost_v2, (void **, size_t))                                      \
  X(cuMemFreeHost, (void *))                                                   \
  X(cuMemcpyAsync, (CUdeviceptr, CUdeviceptr, size_t, CUstream))               \
  X(cuMemsetD8Async, (CUdeviceptr, unsigned char, size_t, CUstream))           \
  X(cuMemsetD16Async, (CUdeviceptr, unsigned short, size_t, CUstream))         \
  X(cuMemsetD32Async, (CUdeviceptr, unsigned, size_t, CUstream))               \
  X(cuModuleLoadData, (CUmodule *, const void *))                              \
  X(cuModuleGetFunction, (CUfunction *, CUmodule, const char *))               \
  X(cuLaunchKernel, (CUfunction, unsigned, unsigned, unsigned, unsigned,       \
                     unsigned, unsigned, unsigned, CUstream, void **, void **))

static struct {
#define DECLARE(name, params) CUresult (*name) params;
  EMBER_CUDA_FUNCTIONS(DECLARE)
#undef DECLARE
} cuda;

/* Opens the driver once; NULL when it works, else why not. */
static const char *load_driver(void) {
  static int state; /* 0 untried, 1 loaded, -1 failed */
  static char why[512];
  if (state)
    return state > 0 ? NULL : why;
  state = -1;
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_GLOBAL);
  if (!library) {
    snprintf(why, sizeof why,
             "CUDA_ERROR_NO_DEVICE: no CUDA driver (libcuda.so.1) on this "
             "machine; set EMBER_GPU=emulate to run kernels on the CPU");
    return why;
  }
#define LOAD(name, params)                                                     \
  if (!(*(void **)&cuda.name = dlsym(library, #name))) {                       \
    snprintf(why, sizeof why, "CUDA_ERROR_NOT_FOUND: the CUDA driver has "     \
                              "no " #name);                                    \
    return why;                                                                \
  }
  EMBER_CUDA_FUNCTIONS(LOAD)
#undef LOAD
  CUresult status = cuda.cuInit(0);
  if (status != 0) {
    const char *name = "CUDA_ERROR_UNKNOWN";
    cuda.cuGetErrorName(status, &name);
    snprintf(why, sizeof why, "%s: the CUDA driver did not start (cuInit)",
             name);
    return why;
  }
  state = 1;
  return NULL;
}

/* The largest launch, grid then block, x, y, z, as on CUDA GPUs; a block
 * has at most kBlockThreads threads. The emulator takes the same. */
static const int64_t grid_limit[3] = {2147483647, 65535, 65535};
static const int64_t block_limit[3] = {1024, 1024, 64};
enum { kBlockThreads = 1024 };

/*===--- Contexts ---------------------------------------------------------===*/

typedef struct {
  const void *image;
  CUmodule module;
} LoadedImage;

typedef struct {
  int64_t references;
  int64_t id;
  bool emulated;
  char error[512];
  char name[256];
  CUdevice device;
  CUcontext context;
  CUstream stream;
  LoadedImage images[16];
  int image_count;
} Context;

static void set_error(Context *ctx, const char *format, ...) {
  if (ctx->error[0])
    return; /* The first failure is the one to report. */
  va_list args;
  va_start(args, format);
  vsnprintf(ctx->error, sizeof ctx->error, format, args);
  va_end(args);
}

/* Whether a CUDA call worked; if not, records its error name. */
static bool check(Context *ctx, CUresult status, const char *call) {
  if (status == 0)
    return true;
  const char *name = "CUDA_ERROR_UNKNOWN";
  cuda.cuGetErrorName(status, &name);
  set_error(ctx, "%s (in %s)", name, call);
  return false;
}

static bool emulation_requested(int64_t compiled_emulated) {
  const char *mode = getenv("EMBER_GPU");
  if (mode && *mode)
    return strcmp(mode, "emulate") == 0;
  return compiled_emulated != 0;
}

/* `DeviceContext(device_id)`: emulated when the program was built with
 * `--gpu=emulate` or EMBER_GPU=emulate is set (EMBER_GPU=cuda overrides
 * the build). Never NULL: a failure is the context's error. */
void *ember_rt_gpu_context(int64_t device, int64_t compiled_emulated) {
  Context *ctx = calloc(1, sizeof(Context));
  if (!ctx)
    abort();
  ctx->references = 1;
  ctx->id = device;
  if (emulation_requested(compiled_emulated)) {
    ctx->emulated = true;
    snprintf(ctx->name, sizeof ctx->name, "Ember GPU emulator");
    if (device != 0)
      set_error(ctx, "CUDA_ERROR_INVALID_DEVICE: the emulator is device 0, "
                     "not %lld", (long long)device);
    return ctx;
  }
  const char *why = load_driver();
  if (why) {
    set_error(ctx, "%s", why);
    return ctx;
  }
  int count = 0;
  if (!check(ctx, cuda.cuDeviceGetCount(&count), "cuDeviceGetCount"))
    return ctx;
  if (device < 0 || device >= count) {
    set_error(ctx, "CUDA_ERROR_INVALID_DEVICE: no GPU %lld (this machine "
                   "has %d)", (long long)device, count);
    return ctx;
  }
  if (check(ctx, cuda.cuDeviceGet(&ctx->device, (int)device), "cuDeviceGet") &&
      check(ctx, cuda.cuDevicePrimaryCtxRetain(&ctx->context, ctx->device),
            "cuDevicePrimaryCtxRetain") &&
      check(ctx, cuda.cuCtxSetCurrent(ctx->context), "cuCtxSetCurrent") &&
      check(ctx, cuda.cuStreamCreate(&ctx->stream, 0), "cuStreamCreate"))
    check(ctx, cuda.cuDeviceGetName(ctx->name, sizeof ctx->name, ctx->device),
          "cuDeviceGetName");
  return ctx;
}

/* Contexts are counted: each buffer holds its context. */
void ember_rt_gpu_context_retain(void *handle) {
  ++((Context *)handle)->references;
}

void ember_rt_gpu_context_release(void *handle) {
  Context *ctx = handle;
  if (--ctx->references > 0)
    return;
  if (!ctx->emulated && ctx->stream) {
    cuda.cuStreamSynchronize(ctx->stream);
    cuda.cuStreamDestroy_v2(ctx->stream);
  }
  if (!ctx->emulated && ctx->context)
    cuda.cuDevicePrimaryCtxRelease_v2(ctx->device);
  free(ctx);
}

/* The message of the first failure since the last call, or NULL. The text
 * stays valid until the next failure. */
const char *ember_rt_gpu_take_error(void *handle) {
  static _Thread_local char taken[512];
  Context *ctx = handle;
  if (!ctx->error[0])
    return NULL;
  memcpy(taken, ctx->error, sizeof taken);
  ctx->error[0] = 0;
  return taken;
}

const char *ember_rt_gpu_name(void *handle) { return ((Context *)handle)->name; }

int64_t ember_rt_gpu_is_emulated(void *handle) {
  return ((Context *)handle)->emulated;
}

/* The GPUs a program can use: the emulator counts as one. */
int64_t ember_rt_gpu_device_count(int64_t compiled_emulated) {
  if (emulation_requested(compiled_emulated))
    return 1;
  int count = 0;
  if (load_driver() || cuda.cuDeviceGetCount(&count) != 0)
    return 0;
  return count;
}

/* Streaming multiprocessors, which grid sizes are chosen to fill. */
int64_t ember_rt_gpu_multiprocessors(void *handle) {
  Context *ctx = handle;
  int count = 1;
  if (!ctx->emulated && !ctx->error[0])
    cuda.cuDeviceGetAttribute(&count, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT,
                              ctx->device);
  return count;
}

/* `ctx.id()`: the device the context was made for. */
int64_t ember_rt_gpu_id(void *handle) { return ((Context *)handle)->id; }

/* `ctx.get_api_version()`: the CUDA driver's version, 1000 * major + 10 *
 * minor (13000 for 13.0); 0 in the emulator, which has no driver. */
int64_t ember_rt_gpu_api_version(void *handle) {
  Context *ctx = handle;
  int version = 0;
  if (!ctx->emulated)
    check(ctx, cuda.cuDriverGetVersion(&version), "cuDriverGetVersion");
  return version;
}

/* `ctx.get_memory_info()`: the device memory free and in all, in bytes. The
 * emulator's buffers are host memory: its free memory is the host's
 * available physical memory, its total the host's physical memory. */
void ember_rt_gpu_memory_info(void *handle, int64_t *free_bytes,
                              int64_t *total_bytes) {
  Context *ctx = handle;
  *free_bytes = 0;
  *total_bytes = 0;
  if (ctx->emulated) {
    long page = sysconf(_SC_PAGESIZE);
    long available = sysconf(_SC_AVPHYS_PAGES);
    long physical = sysconf(_SC_PHYS_PAGES);
    if (page <= 0 || available < 0 || physical <= 0) {
      set_error(ctx, "CUDA_ERROR_NOT_SUPPORTED: the host does not say how "
                     "much memory it has");
      return;
    }
    *free_bytes = (int64_t)available * page;
    *total_bytes = (int64_t)physical * page;
    return;
  }
  size_t free_size = 0, total_size = 0;
  if (check(ctx, cuda.cuMemGetInfo_v2(&free_size, &total_size),
            "cuMemGetInfo")) {
    *free_bytes = (int64_t)free_size;
    *total_bytes = (int64_t)total_size;
  }
}

/* The emulator's value of `attribute`, or false where it has none. It has
 * the launch limits of a CUDA GPU of compute capability 9.0 (the default
 * target), 32-thread warps, a GPU's 64K registers (it has no register
 * file of its own to run out of), and shared memory as its arena allows;
 * it is one multiprocessor that runs one block at a time, with no clock
 * rate or L2 cache of its own (0). */
static bool emulated_attribute(int64_t attribute, int64_t *value) {
  switch (attribute) {
  case CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK:
  case CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR:
    *value = kBlockThreads;
    return true;
  case CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X:
  case CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y:
  case CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z:
    *value = block_limit[attribute - CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X];
    return true;
  case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X:
  case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y:
  case CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z:
    *value = grid_limit[attribute - CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X];
    return true;
  case CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK:
  case CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN:
  case CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_MULTIPROCESSOR:
    *value = EMBER_GPU_EMULATED_SHARED_BYTES;
    return true;
  case CU_DEVICE_ATTRIBUTE_WARP_SIZE:
    *value = 32;
    return true;
  case CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK:
  case CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_MULTIPROCESSOR:
    *value = 65536;
    return true;
  case CU_DEVICE_ATTRIBUTE_CLOCK_RATE:
  case CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE:
  case CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR:
    *value = 0;
    return true;
  case CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT:
  case CU_DEVICE_ATTRIBUTE_MAX_BLOCKS_PER_MULTIPROCESSOR:
    *value = 1;
    return true;
  case CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR:
    *value = 9;
    return true;
  default:
    return false;
  }
}

/* `ctx.get_attribute(attribute)`: a `CU_DEVICE_ATTRIBUTE_*` of the device;
 * one that CUDA (or the emulator) does not have is an error. */
int64_t ember_rt_gpu_attribute(void *handle, int64_t attribute) {
  Context *ctx = handle;
  if (ctx->emulated) {
    int64_t value = 0;
    if (!emulated_attribute(attribute, &value))
      set_error(ctx, "CUDA_ERROR_INVALID_VALUE: the emulator has no device "
                     "attribute %lld", (long long)attribute);
    return value;
  }
  if (attribute < 0 || attribute > 0x7fffffff) {
    set_error(ctx, "CUDA_ERROR_INVALID_VALUE: no device attribute %lld",
              (long long)attribute);
    return 0;
  }
  int value = 0;
  check(ctx, cuda.cuDeviceGetAttribute(&value, (int)attribute, ctx->device),
        "cuDeviceGetAttribute");
  return value;
}

/*===--- Memory -----------------------------------------------------------===*/

static bool check_size(Context *ctx, int64_t bytes) {
  if (bytes >= 0)
    return true;
  set_error(ctx, "CUDA_ERROR_INVALID_VALUE: a buffer of %lld bytes",
            (long long)bytes);
  return false;
}

void *ember_rt_gpu_alloc(void *handle, int64_t bytes) {
  Context *ctx = handle;
  if (!check_size(ctx, bytes))
    return NULL;
  size_t size = bytes ? (size_t)bytes : 1;
  if (ctx->emulated) {
    void *memory = NULL;
    if (posix_memalign(&memory, 256, size) != 0)
      set_error(ctx, "CUDA_ERROR_OUT_OF_MEMORY: allocating %lld bytes",
                (long long)bytes);
    return memory;
  }
  CUdeviceptr memory = 0;
  check(ctx, cuda.cuMemAlloc_v2(&memory, size), "cuMemAlloc");
  return (void *)(uintptr_t)memory;
}

void *ember_rt_gpu_alloc_host(void *handle, int64_t bytes) {
  Context *ctx = handle;
  if (!check_size(ctx, bytes))
    return NULL;
  if (ctx->emulated)
    return ember_rt_gpu_alloc(handle, bytes);
  void *memory = NULL;
  check(ctx, cuda.cuMemAllocHost_v2(&memory, bytes ? (size_t)bytes : 1),
        "cuMemAllocHost");
  return memory;
}

void ember_rt_gpu_free(void *handle, void *memory, int64_t host) {
  Context *ctx = handle;
  if (!memory)
    return;
  if (ctx->emulated)
    free(memory);
  else if (host)
    cuda.cuMemFreeHost(memory);
  else
    cuda.cuMemFree_v2((CUdeviceptr)(uintptr_t)memory);
}

/* Copies between any two buffers of the context, in stream order. */
void ember_rt_gpu_copy(void *handle, void *dst, const void *src,
                       int64_t bytes) {
  Context *ctx = handle;
  if (!check_size(ctx, bytes) || bytes == 0)
    return;
  if (ctx->emulated)
    memmove(dst, src, (size_t)bytes);
  else
    check(ctx,
          cuda.cuMemcpyAsync((CUdeviceptr)(uintptr_t)dst,
                             (CUdeviceptr)(uintptr_t)src, (size_t)bytes,
                             ctx->stream),
          "cuMemcpyAsync");
}

/* Sets `count` elements of `width` bytes (1, 2, 4 or 8) to `bits`. */
void ember_rt_gpu_fill(void *handle, void *dst, int64_t width, uint64_t bits,
                       int64_t count) {
  Context *ctx = handle;
  if (count <= 0)
    return;
  bool uniform = width == 8 && (uint32_t)bits == (uint32_t)(bits >> 32);
  if (ctx->emulated || (width == 8 && !uniform)) {
    char *host = ctx->emulated ? dst : malloc((size_t)(width * count));
    for (int64_t i = 0; i < count; ++i)
      memcpy(host + i * width, &bits, (size_t)width);
    if (!ctx->emulated) {
      ember_rt_gpu_copy(handle, dst, host, width * count);
      cuda.cuStreamSynchronize(ctx->stream);
      free(host);
    }
    return;
  }
  CUdeviceptr device = (CUdeviceptr)(uintptr_t)dst;
  if (width == 1)
    check(ctx, cuda.cuMemsetD8Async(device, (unsigned char)bits, (size_t)count,
                                    ctx->stream), "cuMemsetD8Async");
  else if (width == 2)
    check(ctx, cuda.cuMemsetD16Async(device, (unsigned short)bits,
                                     (size_t)count, ctx->stream),
          "cuMemsetD16Async");
  else
    check(ctx, cuda.cuMemsetD32Async(device, (unsigned)bits,
                                     (size_t)(count * (width / 4)),
                                     ctx->stream), "cuMemsetD32Async");
}

void ember_rt_gpu_synchronize(void *handle) {
  Context *ctx = handle;
  if (!ctx->emulated && ctx->stream)
    check(ctx, cuda.cuStreamSynchronize(ctx->stream), "cuStreamSynchronize");
}

/*===--- Launches ---------------------------------------------------------===*/

static bool check_shape(Context *ctx, const EmberLaunchShape *shape) {
  for (int i = 0; i < 3; ++i)
    if (shape->grid[i] < 1 || shape->grid[i] > grid_limit[i] ||
        shape->block[i] < 1 || shape->block[i] > block_limit[i]) {
      set_error(ctx, "CUDA_ERROR_INVALID_VALUE: a launch with grid_dim "
                     "(%lld, %lld, %lld) and block_dim (%lld, %lld, %lld)",
                (long long)shape->grid[0], (long long)shape->grid[1],
                (long long)shape->grid[2], (long long)shape->block[0],
                (long long)shape->block[1], (long long)shape->block[2]);
      return false;
    }
  int64_t threads = shape->block[0] * shape->block[1] * shape->block[2];
  if (threads > kBlockThreads) {
    set_error(ctx, "CUDA_ERROR_INVALID_VALUE: a block of %lld threads (at "
                   "most %d)", (long long)threads, kBlockThreads);
    return false;
  }
  if (shape->shared_bytes < 0) {
    set_error(ctx, "CUDA_ERROR_INVALID_VALUE: %lld bytes of shared memory",
              (long long)shape->shared_bytes);
    return false;
  }
  return true;
}

/* The module of `image` (PTX or a fatbin), loaded once per context. */
static CUmodule load_image(Context *ctx, const void *image) {
  for (int i = 0; i < ctx->image_count; ++i)
    if (ctx->images[i].image == image)
      return ctx->images[i].module;
  CUmodule module = NULL;
  if (!check(ctx, cuda.cuModuleLoadData(&module, image), "cuModuleLoadData"))
    return NULL;
  if (ctx->image_count < 16)
    ctx->images[ctx->image_count++] = (LoadedImage){image, module};
  return module;
}

/* `enqueue_function`: the kernel `name` of `image` on the GPU, or its CPU
 * version `emulated` in the emulator; `params` points at each argument. */
void ember_rt_gpu_launch(void *handle, const char *name, const void *image,
                         EmberEmulatedKernel emulated, int64_t gx, int64_t gy,
                         int64_t gz, int64_t bx, int64_t by, int64_t bz,
                         int64_t shared_bytes, void **params) {
  Context *ctx = handle;
  EmberLaunchShape shape = {{gx, gy, gz}, {bx, by, bz}, shared_bytes};
  if (ctx->error[0] || !check_shape(ctx, &shape))
    return;
  if (ctx->emulated) {
    const char *why = ember_gpu_emulate_launch(emulated, &shape, params);
    if (why)
      set_error(ctx, "%s", why);
    return;
  }
  if (!image) {
    set_error(ctx, "CUDA_ERROR_NO_BINARY_FOR_GPU: the program was built "
                   "without GPU code");
    return;
  }
  CUmodule module = load_image(ctx, image);
  CUfunction function = NULL;
  if (!module || !check(ctx, cuda.cuModuleGetFunction(&function, module, name),
                        "cuModuleGetFunction"))
    return;
  check(ctx,
        cuda.cuLaunchKernel(function, (unsigned)gx, (unsigned)gy, (unsigned)gz,
                            (unsigned)bx, (unsigned)by, (unsigned)bz,
                            (unsigned)shared_bytes, ctx->stream, params, NULL),
        "cuLaunchKernel");
}
