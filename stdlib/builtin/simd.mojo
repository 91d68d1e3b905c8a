# SIMD vectors. `SIMD[dtype, width]` and `DType` are builtin types whose
# operations the compiler provides.

# The type of a SIMD width parameter, as Mojo spells it.
comptime SIMDLength = Int
