# The `math` module's functions beyond those the compiler provides itself
# (`sqrt`, `rsqrt`, `exp`, `exp2`, `log`, `log2`, `log10`, `sin`, `cos`,
# `tan`, `sinh`, `cosh`, `tanh`, `asin`, `acos`, `atan`, `atan2`, `pow`,
# `fma`, `floor`, `ceil`, `trunc`, of any float type and of vectors), through
# C's libm.
from ffi import external_call

comptime pi = 3.141592653589793
comptime e = 2.718281828459045
comptime tau = 6.283185307179586


def hypot(x: Float64, y: Float64) -> Float64:
    return external_call["hypot", Float64](x, y)


def fabs(x: Float64) -> Float64:
    return x if x >= 0.0 else -x


def isnan(x: Float64) -> Bool:
    return x != x


def isinf(x: Float64) -> Bool:
    return not isnan(x) and isnan(x - x)


def isfinite(x: Float64) -> Bool:
    return not isnan(x - x)


def inf() -> Float64:
    return 1.0 / 0.0


def nan() -> Float64:
    return 0.0 / 0.0


# `a / b` rounded up: the number of blocks of `b` that cover `a`.
def ceildiv(a: Int, b: Int) -> Int:
    return -(-a // b)


def gcd(a: Int, b: Int) -> Int:
    var x = a if a >= 0 else -a
    var y = b if b >= 0 else -b
    while y != 0:
        var r = x % y
        x = y
        y = r
    return x


def lcm(a: Int, b: Int) -> Int:
    if a == 0 or b == 0:
        return 0
    var result = a // gcd(a, b) * b
    return result if result >= 0 else -result


# `iota[dtype, width](offset)`: the vector `offset, offset + 1, ...`.
def iota[dtype: DType, width: Int](offset: Scalar[dtype]) -> SIMD[dtype, width]:
    var result = SIMD[dtype, width]()
    comptime for i in range(width):
        result[i] = offset + Scalar[dtype](i)
    return result


def iota[dtype: DType, width: Int]() -> SIMD[dtype, width]:
    return iota[dtype, width](Scalar[dtype](0))


# `iota(ptr, n, offset)`: writes `offset, offset + 1, ...` to `n` values.
def iota[
    dtype: DType
](buffer: UnsafePointer[Scalar[dtype]], len: Int, offset: Int = 0):
    for i in range(len):
        buffer[i] = Scalar[dtype](offset + i)
