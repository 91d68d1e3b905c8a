# Hashing: `hash(x)` is `x.__hash__()` of a struct, and a mix of the bits
# of a number, so that nearby keys land far apart in a table.


trait Hashable:
    def __hash__(self) -> UInt:
        ...


# Keys of a `Dict` and elements of a `Set`: any type with these traits.
comptime KeyElement = Copyable & Hashable & EqualityComparable


# splitmix64's finalizer.
def _hash_int(value: UInt64) -> UInt:
    var x = value
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
    x = (x ^ (x >> 27)) * 0x94D049BB133111EB
    return UInt(x ^ (x >> 31))


# Mixes `value` into `seed`: a struct's default `__hash__` combines the
# hashes of its fields with it, so that order matters.
def _hash_combine(seed: UInt, value: UInt) -> UInt:
    return _hash_int(UInt64(seed * 0x9E3779B97F4A7C15 + value))


# FNV-1a over the bytes, then mixed.
def _hash_bytes(data: UnsafePointer[UInt8], length: Int) -> UInt:
    var h: UInt64 = 0xCBF29CE484222325
    for i in range(length):
        h = (h ^ UInt64(data[i])) * 0x100000001B3
    return _hash_int(h)
