/*===- ember_rt.c - The Ember runtime library -----------------------------===*
 *
 * What compiled programs call: printing with Python's formatting, run-time
 * failures, exit, heap memory, and the arithmetic that is not worth
 * inlining.
 *
 *===----------------------------------------------------------------------===*/

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*===--- Printing ---------------------------------------------------------===*/

void ember_rt_print_str(const char *data, int64_t length) {
  fwrite(data, 1, (size_t)length, stdout);
}

void ember_rt_print_i64(int64_t value) { printf("%lld", (long long)value); }

void ember_rt_print_u64(uint64_t value) {
  printf("%llu", (unsigned long long)value);
}

void ember_rt_print_bool(int32_t value) {
  fputs(value ? "True" : "False", stdout);
}

/* Text that formatting appends to: a caller's buffer of at least
 * EMBER_RT_FORMAT_SIZE bytes. */
enum { EMBER_RT_FORMAT_SIZE = 48 };
typedef struct {
  char *data;
  int64_t length;
} Text;

static void append(Text *text, const char *bytes, size_t count) {
  memcpy(text->data + text->length, bytes, count);
  text->length += (int64_t)count;
}

static void append_char(Text *text, char c) { text->data[text->length++] = c; }

/* Appends `value`, given by its shortest round-trip digits, in the format
 * of Python's repr(): positional notation for exponents from -4 to 15,
 * scientific (`1e+16`, `1.5e-05`) otherwise, and always a `.0` or a
 * fraction in positional form. */
static void format_float_digits(Text *text, const char *scientific) {
  /* `scientific` is what printf's %e gives: [-]d[.ddd]e(+|-)XX */
  char digits[32];
  int ndigits = 0;
  const char *p = scientific;
  if (*p == '-') {
    append_char(text, '-');
    ++p;
  }
  for (; *p && *p != 'e'; ++p)
    if (*p != '.')
      digits[ndigits++] = *p;
  while (ndigits > 1 && digits[ndigits - 1] == '0')
    --ndigits;
  int exponent = atoi(p + 1);
  int decpt = exponent + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      append(text, "0.", 2);
      for (int i = 0; i < -decpt; ++i)
        append_char(text, '0');
      append(text, digits, (size_t)ndigits);
    } else if (decpt >= ndigits) {
      append(text, digits, (size_t)ndigits);
      for (int i = ndigits; i < decpt; ++i)
        append_char(text, '0');
      append(text, ".0", 2);
    } else {
      append(text, digits, (size_t)decpt);
      append_char(text, '.');
      append(text, digits + decpt, (size_t)(ndigits - decpt));
    }
    return;
  }
  append_char(text, digits[0]);
  if (ndigits > 1) {
    append_char(text, '.');
    append(text, digits + 1, (size_t)(ndigits - 1));
  }
  char tail[8];
  int n = snprintf(tail, sizeof tail, "e%c%02d", exponent < 0 ? '-' : '+',
                   abs(exponent));
  append(text, tail, (size_t)n);
}

static bool format_special_float(Text *text, double value) {
  const char *special = isnan(value)   ? "nan"
                        : isinf(value) ? (value < 0 ? "-inf" : "inf")
                        : value == 0   ? (signbit(value) ? "-0.0" : "0.0")
                                       : NULL;
  if (special)
    append(text, special, strlen(special));
  return special != NULL;
}

int64_t ember_rt_format_f64(double value, char *out) {
  Text text = {out, 0};
  if (format_special_float(&text, value))
    return text.length;
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
    if (strtod(buffer, NULL) == value)
      break;
  }
  format_float_digits(&text, buffer);
  return text.length;
}

int64_t ember_rt_format_f32(float value, char *out) {
  Text text = {out, 0};
  if (format_special_float(&text, value))
    return text.length;
  char buffer[40];
  for (int precision = 1; precision <= 9; ++precision) {
    snprintf(buffer, sizeof buffer, "%.*e", precision - 1, (double)value);
    if (strtof(buffer, NULL) == value)
      break;
  }
  format_float_digits(&text, buffer);
  return text.length;
}

int64_t ember_rt_format_i64(int64_t value, char *out) {
  return snprintf(out, EMBER_RT_FORMAT_SIZE, "%lld", (long long)value);
}

int64_t ember_rt_format_u64(uint64_t value, char *out) {
  return snprintf(out, EMBER_RT_FORMAT_SIZE, "%llu", (unsigned long long)value);
}

int64_t ember_rt_format_bool(int32_t value, char *out) {
  Text text = {out, 0};
  append(&text, value ? "True" : "False", value ? 4 : 5);
  return text.length;
}

void ember_rt_print_f64(double value) {
  char buffer[EMBER_RT_FORMAT_SIZE];
  fwrite(buffer, 1, (size_t)ember_rt_format_f64(value, buffer), stdout);
}

void ember_rt_print_f32(float value) {
  char buffer[EMBER_RT_FORMAT_SIZE];
  fwrite(buffer, 1, (size_t)ember_rt_format_f32(value, buffer), stdout);
}

/*===--- Program control --------------------------------------------------===*/

/* A failed run-time check: the message already names the source location. */
void ember_rt_fail(const char *message, int64_t length) {
  fflush(stdout);
  fwrite(message, 1, (size_t)length, stderr);
  fputc('\n', stderr);
  exit(1);
}

/* A message of several parts: begun, written piece by piece, then ended,
 * which exits. */
void ember_rt_fail_begin(void) { fflush(stdout); }

void ember_rt_fail_str(const char *text, int64_t length) {
  fwrite(text, 1, (size_t)length, stderr);
}

void ember_rt_fail_int(int64_t value, int64_t is_unsigned) {
  if (is_unsigned)
    fprintf(stderr, "%llu", (unsigned long long)value);
  else
    fprintf(stderr, "%lld", (long long)value);
}

void ember_rt_fail_end(void) {
  fputc('\n', stderr);
  exit(1);
}

void ember_rt_exit(int64_t code) {
  fflush(stdout);
  exit((int)code);
}

/*===--- Heap memory ------------------------------------------------------===*/

/* With EMBER_CHECK_LEAKS set, the program counts what it allocates and
 * frees, and when `main` returns reports memory never freed (exit status
 * 3), so that tests can prove that every value was destroyed. */
static int64_t live_allocations;

static bool check_leaks(void) {
  static int state = -1;
  if (state < 0)
    state = getenv("EMBER_CHECK_LEAKS") != NULL;
  return state;
}

/* Called when the program's `main` returns. */
int32_t ember_rt_finish(void) {
  if (!check_leaks() || live_allocations == 0)
    return 0;
  fflush(stdout);
  fprintf(stderr, "error: %lld allocations were never freed\n",
          (long long)live_allocations);
  return 3;
}

static void *allocate(int64_t bytes, int64_t alignment) {
  if (bytes < 0) {
    fflush(stdout);
    fputs("error: cannot allocate a negative number of elements\n", stderr);
    exit(1);
  }
  void *memory = NULL;
  if (alignment <= 16)
    memory = malloc(bytes == 0 ? 1 : (size_t)bytes);
  else if (posix_memalign(&memory, (size_t)alignment,
                          bytes == 0 ? 1 : (size_t)bytes) != 0)
    memory = NULL;
  if (!memory) {
    fflush(stdout);
    fprintf(stderr, "error: out of memory (allocating %lld bytes)\n",
            (long long)bytes);
    exit(1);
  }
  if (check_leaks())
    ++live_allocations;
  return memory;
}

/* `alloc[T](n)`: never null, so that programs need not check. */
void *ember_rt_alloc(int64_t bytes) { return allocate(bytes, 16); }

/* The same, for values (wide SIMD vectors) that need more alignment than
   `malloc` gives. */
void *ember_rt_alloc_aligned(int64_t bytes, int64_t alignment) {
  return allocate(bytes, alignment);
}

void ember_rt_free(void *memory) {
  if (memory && check_leaks())
    --live_allocations;
  free(memory);
}

/*===--- Arithmetic -------------------------------------------------------===*/

/* Exponentiation by squaring, wrapping modulo 2^64. */
uint64_t ember_rt_pow_u64(uint64_t base, uint64_t exponent) {
  uint64_t result = 1;
  while (exponent) {
    if (exponent & 1)
      result *= base;
    base *= base;
    exponent >>= 1;
  }
  return result;
}

/* As in Mojo, a negative exponent gives the integer part of 1 / base**-e:
 * 1 for a base of 1, +-1 for -1, and 0 otherwise (0 too). */
int64_t ember_rt_pow_i64(int64_t base, int64_t exponent) {
  if (exponent < 0) {
    if (base == 1)
      return 1;
    if (base == -1)
      return (exponent & 1) ? -1 : 1;
    return 0;
  }
  return (int64_t)ember_rt_pow_u64((uint64_t)base, (uint64_t)exponent);
}

//===----------------------------------------------------------------------===//
// The program's arguments, for `sys.argv()`
//===----------------------------------------------------------------------===//

static int saved_argc;
static char **saved_argv;

// glibc passes `main`'s arguments to the functions of `.init_array` too.
__attribute__((constructor)) static void save_arguments(int argc, char **argv,
                                                        char **envp) {
  (void)envp;
  saved_argc = argc;
  saved_argv = argv;
}

int64_t ember_rt_argc(void) { return saved_argc; }

const char *ember_rt_argv(int64_t index) {
  return index >= 0 && index < saved_argc ? saved_argv[index] : "";
}

//===----------------------------------------------------------------------===//
// The state of the `random` module's generator (zero until seeded)
//===----------------------------------------------------------------------===//

static uint64_t random_state;

uint64_t *ember_rt_random_state(void) { return &random_state; }

/*===--- Threads ----------------------------------------------------------===*/

#include <unistd.h>

/* A positive count in the environment variable `name`, else 0. */
static int64_t count_from_env(const char *name) {
  const char *text = getenv(name);
  if (!text)
    return 0;
  char *end = NULL;
  long long count = strtoll(text, &end, 10);
  return end != text && count > 0 ? (int64_t)count : 0;
}

/* `sys.num_logical_cores()`: the processors the system has online. */
int64_t ember_rt_logical_cores(void) {
  long count = sysconf(_SC_NPROCESSORS_ONLN);
  return count > 0 ? (int64_t)count : 1;
}

/* `sys.num_physical_cores()`: distinct (package, core) pairs in
   /proc/cpuinfo, else the logical count. */
int64_t ember_rt_physical_cores(void) {
  FILE *info = fopen("/proc/cpuinfo", "r");
  if (!info)
    return ember_rt_logical_cores();
  enum { kMaxCores = 4096 };
  long seen[kMaxCores];
  int64_t count = 0;
  long package = 0;
  char line[256];
  while (fgets(line, sizeof line, info)) {
    long value;
    if (sscanf(line, "physical id : %ld", &value) == 1) {
      package = value;
    } else if (sscanf(line, "core id : %ld", &value) == 1) {
      long key = package * 65536 + value;
      int64_t i = 0;
      while (i < count && seen[i] != key)
        ++i;
      if (i == count && count < kMaxCores)
        seen[count++] = key;
    }
  }
  fclose(info);
  return count > 0 ? count : ember_rt_logical_cores();
}

/* The threads `parallelize` uses without a count of its own:
   `EMBER_NUM_THREADS`, `OMP_NUM_THREADS`, else one per logical core. */
int64_t ember_rt_parallel_workers(void) {
  int64_t workers = count_from_env("EMBER_NUM_THREADS");
  if (workers == 0)
    workers = count_from_env("OMP_NUM_THREADS");
  return workers ? workers : ember_rt_logical_cores();
}
