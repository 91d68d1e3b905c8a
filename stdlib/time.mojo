# Clocks and waiting, through libc's `clock_gettime` and `nanosleep`.
from ffi import external_call

comptime _CLOCK_REALTIME: Int32 = 0
comptime _CLOCK_MONOTONIC: Int32 = 1
comptime _NSEC_PER_SEC = 1_000_000_000


def _clock_ns(clock: Int32) -> Int:
    # A `struct timespec`: seconds, then nanoseconds.
    var spec = alloc[Int](2)
    _ = external_call["clock_gettime", Int32](clock, spec)
    var ns = spec[0] * _NSEC_PER_SEC + spec[1]
    spec.free()
    return ns


# Nanoseconds of a monotonic clock: only differences mean something.
def perf_counter_ns() -> UInt:
    return UInt(_clock_ns(_CLOCK_MONOTONIC))


def perf_counter() -> Float64:
    return Float64(_clock_ns(_CLOCK_MONOTONIC)) / Float64(_NSEC_PER_SEC)


def monotonic() -> UInt:
    return perf_counter_ns()


# Seconds since the epoch, by the calendar clock.
def wall_clock() -> Float64:
    return Float64(_clock_ns(_CLOCK_REALTIME)) / Float64(_NSEC_PER_SEC)


def wall_clock_ns() -> UInt:
    return UInt(_clock_ns(_CLOCK_REALTIME))


def sleep(sec: Float64):
    if sec <= 0.0:
        return
    var spec = alloc[Int](2)
    var whole = Int(sec)
    spec[0] = whole
    spec[1] = Int((sec - Float64(whole)) * Float64(_NSEC_PER_SEC))
    _ = external_call["nanosleep", Int32](spec, UnsafePointer[Int]())
    spec.free()


def sleep(sec: Int):
    sleep(Float64(sec))
