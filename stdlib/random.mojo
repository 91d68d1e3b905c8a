# Pseudo-random numbers: one generator (xorshift64*) for the program,
# seeded with `seed(n)`, or from the clock at the first use without one.
from ffi import external_call

comptime _UNSEEDED: UInt64 = 0


struct _Generator:
    var state: UInt64

    def __init__(out self, seed: UInt64):
        # splitmix64 spreads a small seed over all the bits; never zero.
        var z = seed + 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB
        self.state = (z ^ (z >> 31)) | 1

    def next(mut self) -> UInt64:
        var x = self.state
        x ^= x >> 12
        x ^= x << 25
        x ^= x >> 27
        self.state = x
        return x * 0x2545F4914F6CDD1D


# The state lives in the C runtime, as the program has no globals yet.
def _state() -> UnsafePointer[UInt64]:
    var state = external_call["ember_rt_random_state", UnsafePointer[UInt64]]()
    if state[] == _UNSEEDED:
        var spec = alloc[Int](2)
        _ = external_call["clock_gettime", Int32](Int32(1), spec)
        seed(spec[0] * 1_000_000_000 + spec[1])
        spec.free()
    return state


def _next() -> UInt64:
    var state = _state()
    var generator = _Generator(0)
    generator.state = state[]
    var value = generator.next()
    state[] = generator.state
    return value


def seed(value: Int):
    var generator = _Generator(UInt64(value))
    external_call["ember_rt_random_state", UnsafePointer[UInt64]]()[] = (
        generator.state
    )


def seed():
    seed(Int(_next()))


# A float in [min, max).
def random_float64(min: Float64 = 0.0, max: Float64 = 1.0) -> Float64:
    var unit = Float64(_next() >> 11) / 9007199254740992.0
    return min + unit * (max - min)


# An integer in [min, max].
def random_si64(min: Int64, max: Int64) -> Int64:
    var span = UInt64(max - min) + 1
    if span == 0:
        return Int64(_next())
    return min + Int64(_next() % span)


def random_ui64(min: UInt64, max: UInt64) -> UInt64:
    var span = max - min + 1
    if span == 0:
        return _next()
    return min + _next() % span


# An integer in [low, high], as Python's `random.randint`.
def randint(low: Int, high: Int) -> Int:
    return Int(random_si64(Int64(low), Int64(high)))



# The elements of `list` in a random order (Fisher-Yates).
def shuffle[T: Copyable](mut list: List[T]):
    var i = len(list) - 1
    while i > 0:
        var j = randint(0, i)
        var held = list[i]
        list[i] = list[j]
        list[j] = held^
        i -= 1
