/*===- ember_gpu_emulator.c - GPU kernels run on the CPU ------------------===*
 *
 * The emulator runs a kernel compiled for the CPU with a GPU's semantics.
 * Blocks run one after another; the threads of a block are fibers (each
 * with its own stack) on one OS thread, so that `barrier()` can suspend a
 * thread until every live thread of its block has reached it, and a warp
 * shuffle until every live thread of its warp has. Kernels read their
 * position from `ember_rt_gpu_emu_ids`, which the scheduler sets before
 * resuming each fiber; shared memory is an arena reset per block.
 *
 *===----------------------------------------------------------------------===*/

#include "ember_gpu.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if !defined(__x86_64__)
#include <ucontext.h>
#endif

/* What kernels read: thread_idx, block_idx, block_dim, grid_dim, each
 * x, y, z, then the lane in the warp. */
_Thread_local int64_t ember_rt_gpu_emu_ids[13];

enum { kMaxThreads = 1024, kStackBytes = 256 * 1024, kWarpSize = 32 };

/* A waiting fiber waits for its block (`barrier()`) or its warp (a
 * shuffle). */
typedef enum { FiberReady, FiberWaiting, FiberWarpWaiting, FiberDone } FiberState;

typedef struct {
#if defined(__x86_64__)
  void *sp;
#else
  ucontext_t context;
#endif
  char *stack;
  FiberState state;
  int64_t position[3];
} Fiber;

typedef struct {
  Fiber fibers[kMaxThreads];
  int count;
  int current;
#if defined(__x86_64__)
  void *scheduler_sp;
#else
  ucontext_t scheduler;
#endif
  EmberEmulatedKernel kernel;
  void **params;
  /* What each thread gives a warp shuffle. */
  uint64_t shuffled[kMaxThreads];
} Block;

static _Thread_local Block *running_block;

/*===--- Switching between fibers -----------------------------------------===*/

#if defined(__x86_64__)
/* Saves the callee-saved registers and the stack pointer in `*save`, and
 * resumes the fiber whose stack pointer is `resume`. */
void ember_gpu_fiber_switch(void **save, void *resume);
__asm__(".text\n"
        ".globl ember_gpu_fiber_switch\n"
        ".type ember_gpu_fiber_switch,@function\n"
        "ember_gpu_fiber_switch:\n"
        "  pushq %rbp\n  pushq %rbx\n  pushq %r12\n"
        "  pushq %r13\n  pushq %r14\n  pushq %r15\n"
        "  movq %rsp, (%rdi)\n"
        "  movq %rsi, %rsp\n"
        "  popq %r15\n  popq %r14\n  popq %r13\n"
        "  popq %r12\n  popq %rbx\n  popq %rbp\n"
        "  ret\n"
        ".size ember_gpu_fiber_switch, .-ember_gpu_fiber_switch\n");
#endif

static void run_current_thread(void) {
  Block *block = running_block;
  block->kernel(block->params);
  block->fibers[block->current].state = FiberDone;
}

static void to_scheduler(Fiber *fiber) {
  Block *block = running_block;
#if defined(__x86_64__)
  ember_gpu_fiber_switch(&fiber->sp, block->scheduler_sp);
#else
  swapcontext(&fiber->context, &block->scheduler);
#endif
}

#if defined(__x86_64__)
static void fiber_entry(void) {
  run_current_thread();
  to_scheduler(&running_block->fibers[running_block->current]);
  abort(); /* A finished fiber is never resumed. */
}

static void start_fiber(Fiber *fiber) {
  /* The stack `ember_gpu_fiber_switch` pops: six registers, then the
   * address it returns to, with the alignment of a call. */
  void **top = (void **)(fiber->stack + kStackBytes);
  *--top = NULL;
  *--top = (void *)fiber_entry;
  for (int i = 0; i < 6; ++i)
    *--top = NULL;
  fiber->sp = top;
}

static void resume(Block *block, Fiber *fiber) {
  ember_gpu_fiber_switch(&block->scheduler_sp, fiber->sp);
}
#else
static void fiber_entry(void) { run_current_thread(); }

static void start_fiber(Fiber *fiber) {
  Block *block = running_block;
  getcontext(&fiber->context);
  fiber->context.uc_stack.ss_sp = fiber->stack;
  fiber->context.uc_stack.ss_size = kStackBytes;
  fiber->context.uc_link = &block->scheduler;
  makecontext(&fiber->context, fiber_entry, 0);
}

static void resume(Block *block, Fiber *fiber) {
  swapcontext(&block->scheduler, &fiber->context);
}
#endif

/*===--- Shared memory ----------------------------------------------------===*/

/* Each `stack_allocation` in shared memory is a site: the first thread of
 * a block to reach it takes its bytes from the block's arena, the others
 * get the same bytes. */
typedef struct {
  const void *site;
  char *memory;
} SharedAllocation;

enum { kSharedBytes = EMBER_GPU_EMULATED_SHARED_BYTES };

static _Thread_local struct {
  char *arena;
  size_t used;
  SharedAllocation allocations[64];
  int count;
  int64_t dynamic_bytes;
} shared;

static void reset_shared_memory(int64_t dynamic_bytes) {
  shared.used = 0;
  shared.count = 0;
  shared.dynamic_bytes = dynamic_bytes;
}

static void fail_shared(const char *message) {
  fflush(stdout);
  fprintf(stderr, "error: %s\n", message);
  exit(1);
}

static char *take_arena_bytes(size_t bytes) {
  if (!shared.arena && !(shared.arena = malloc(kSharedBytes)))
    fail_shared("no memory for the emulated shared memory");
  size_t start = (shared.used + 63) & ~(size_t)63;
  if (start + bytes > kSharedBytes)
    fail_shared("a block uses more than 227 KiB of shared memory");
  shared.used = start + bytes;
  return shared.arena + start;
}

void *ember_rt_gpu_emu_shared(const void *site, int64_t bytes) {
  for (int i = 0; i < shared.count; ++i)
    if (shared.allocations[i].site == site)
      return shared.allocations[i].memory;
  if (shared.count == 64)
    fail_shared("a kernel has more than 64 shared allocations");
  char *memory = take_arena_bytes((size_t)bytes);
  shared.allocations[shared.count++] = (SharedAllocation){site, memory};
  return memory;
}

/* The block's dynamic shared memory (`shared_mem_bytes=` at launch). */
void *ember_rt_gpu_emu_dynamic_shared(void) {
  static const char site;
  return ember_rt_gpu_emu_shared(&site, shared.dynamic_bytes);
}

/*===--- Barriers and blocks ----------------------------------------------===*/

void ember_rt_gpu_emu_barrier(void) {
  Block *block = running_block;
  if (!block)
    return; /* Not in a kernel: nothing to wait for. */
  Fiber *fiber = &block->fibers[block->current];
  fiber->state = FiberWaiting;
  to_scheduler(fiber);
}

/* Waits until every live thread of this one's warp is waiting too. */
static void wait_for_warp(Block *block) {
  Fiber *fiber = &block->fibers[block->current];
  fiber->state = FiberWarpWaiting;
  to_scheduler(fiber);
}

/* The value lane `source` of the running thread's warp gave, or `own`
 * where there is no such live lane. */
static uint64_t read_lane(Block *block, int64_t source, uint64_t own) {
  int64_t first = block->current / kWarpSize * kWarpSize;
  int64_t thread = first + source;
  if (source < 0 || source >= kWarpSize || thread >= block->count ||
      block->fibers[thread].state == FiberDone)
    return own;
  return block->shuffled[thread];
}

/* A warp shuffle (kind: 0 idx, 1 up, 2 down, 3 xor): every thread gives
 * its value, waits for its warp, reads the lane it asks for, then waits
 * again, so that no thread overwrites its value before all have read. */
uint64_t ember_rt_gpu_emu_shuffle(uint64_t value, int64_t operand,
                                  int64_t kind) {
  Block *block = running_block;
  if (!block)
    return value; /* Not in a kernel: a warp of one. */
  int64_t lane = block->current % kWarpSize;
  int64_t source = kind == 0   ? operand
                   : kind == 1 ? lane - operand
                   : kind == 2 ? lane + operand
                               : lane ^ operand;
  block->shuffled[block->current] = value;
  wait_for_warp(block);
  uint64_t result = read_lane(block, source, value);
  wait_for_warp(block);
  return result;
}

static void enter_thread(Block *block, int index) {
  block->current = index;
  memcpy(ember_rt_gpu_emu_ids, block->fibers[index].position,
         sizeof(int64_t[3]));
  ember_rt_gpu_emu_ids[12] = index % kWarpSize;
}

/* Releases the warps whose live threads all wait at a shuffle; whether it
 * released any. */
static bool release_warps(Block *block) {
  bool released = false;
  for (int first = 0; first < block->count; first += kWarpSize) {
    int end = first + kWarpSize < block->count ? first + kWarpSize
                                               : block->count;
    bool waiting = false, others = false;
    for (int i = first; i < end; ++i) {
      FiberState state = block->fibers[i].state;
      waiting |= state == FiberWarpWaiting;
      others |= state != FiberWarpWaiting && state != FiberDone;
    }
    if (!waiting || others)
      continue;
    for (int i = first; i < end; ++i)
      if (block->fibers[i].state == FiberWarpWaiting)
        block->fibers[i].state = FiberReady;
    released = true;
  }
  return released;
}

/* Runs every thread until it ends or waits, then releases the warps whose
 * threads all wait at a shuffle, and when there are none, the barrier
 * (and any warp waiting with part of its threads at it, which a GPU would
 * leave undefined), until all threads have ended. A thread that has ended
 * no longer counts at a barrier, as on Volta and later GPUs. */
static void run_block(Block *block) {
  for (int i = 0; i < block->count; ++i) {
    block->fibers[i].state = FiberReady;
    start_fiber(&block->fibers[i]);
  }
  int live = block->count;
  while (live > 0) {
    for (int i = 0; i < block->count; ++i) {
      if (block->fibers[i].state != FiberReady)
        continue;
      enter_thread(block, i);
      resume(block, &block->fibers[i]);
    }
    if (release_warps(block))
      continue;
    live = 0;
    for (int i = 0; i < block->count; ++i)
      if (block->fibers[i].state == FiberWaiting ||
          block->fibers[i].state == FiberWarpWaiting) {
        block->fibers[i].state = FiberReady;
        ++live;
      }
  }
}

/* Stacks for the fibers, each above a page that faults on overflow; kept
 * for the next launch on this thread, which then touches no new pages. */
static _Thread_local struct {
  char *memory;
  int count;
} stacks;

static bool map_stacks(Block *block) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t each = kStackBytes + page;
  if (stacks.count < block->count) {
    if (stacks.memory)
      munmap(stacks.memory, each * (size_t)stacks.count);
    stacks.count = 0;
    stacks.memory = mmap(NULL, each * (size_t)block->count,
                         PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (stacks.memory == MAP_FAILED) {
      stacks.memory = NULL;
      return false;
    }
    stacks.count = block->count;
    for (int i = 0; i < block->count; ++i)
      mprotect(stacks.memory + each * (size_t)i, page, PROT_NONE);
  }
  for (int i = 0; i < block->count; ++i)
    block->fibers[i].stack = stacks.memory + each * (size_t)i + page;
  return true;
}

/* Each thread's x, y, z within the block, x varying fastest. */
static void place_threads(Block *block, const int64_t dims[3]) {
  int index = 0;
  for (int64_t z = 0; z < dims[2]; ++z)
    for (int64_t y = 0; y < dims[1]; ++y)
      for (int64_t x = 0; x < dims[0]; ++x) {
        int64_t *position = block->fibers[index++].position;
        position[0] = x;
        position[1] = y;
        position[2] = z;
      }
}

const char *ember_gpu_emulate_launch(EmberEmulatedKernel kernel,
                                     const EmberLaunchShape *shape,
                                     void **params) {
  Block *block = calloc(1, sizeof(Block));
  if (!block)
    return "CUDA_ERROR_OUT_OF_MEMORY: no memory for the emulated block";
  block->kernel = kernel;
  block->params = params;
  block->count = (int)(shape->block[0] * shape->block[1] * shape->block[2]);
  if (!map_stacks(block)) {
    free(block);
    return "CUDA_ERROR_OUT_OF_MEMORY: no memory for the emulated threads";
  }
  place_threads(block, shape->block);
  memcpy(ember_rt_gpu_emu_ids + 6, shape->block, sizeof(int64_t[3]));
  memcpy(ember_rt_gpu_emu_ids + 9, shape->grid, sizeof(int64_t[3]));

  Block *outer = running_block;
  running_block = block;
  for (int64_t z = 0; z < shape->grid[2]; ++z)
    for (int64_t y = 0; y < shape->grid[1]; ++y)
      for (int64_t x = 0; x < shape->grid[0]; ++x) {
        ember_rt_gpu_emu_ids[3] = x;
        ember_rt_gpu_emu_ids[4] = y;
        ember_rt_gpu_emu_ids[5] = z;
        reset_shared_memory(shape->shared_bytes);
        run_block(block);
      }
  running_block = outer;
  free(block);
  return NULL;
}
