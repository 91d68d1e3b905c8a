# Atomic operations, as Mojo's `os.atomic` has them: a value in memory
# that many threads (CPU threads or GPU threads) change at once, each
# change seen whole. The static methods work on any pointer, so kernels
# count into buffers with `Atomic.fetch_add(ptr, 1)`. On the host they are
# sequentially consistent; on a GPU relaxed, as CUDA's `atomicAdd` is.


struct Atomic[dtype: DType]:
    var value: Scalar[Self.dtype]

    def __init__(out self, value: Scalar[Self.dtype]):
        self.value = value

    # Adds `rhs` to `*ptr`, giving the value before.
    @staticmethod
    def fetch_add(
        ptr: UnsafePointer[Scalar[Self.dtype]], rhs: Scalar[Self.dtype]
    ) -> Scalar[Self.dtype]:
        return __atomic_fetch_add(ptr, rhs)

    @staticmethod
    def fetch_sub(
        ptr: UnsafePointer[Scalar[Self.dtype]], rhs: Scalar[Self.dtype]
    ) -> Scalar[Self.dtype]:
        return __atomic_fetch_sub(ptr, rhs)

    # Makes `*ptr` at least `rhs`.
    @staticmethod
    def max(ptr: UnsafePointer[Scalar[Self.dtype]], rhs: Scalar[Self.dtype]):
        _ = __atomic_fetch_max(ptr, rhs)

    # Makes `*ptr` at most `rhs`.
    @staticmethod
    def min(ptr: UnsafePointer[Scalar[Self.dtype]], rhs: Scalar[Self.dtype]):
        _ = __atomic_fetch_min(ptr, rhs)

    # Stores `value` in `*ptr`, giving the value before.
    @staticmethod
    def exchange(
        ptr: UnsafePointer[Scalar[Self.dtype]], value: Scalar[Self.dtype]
    ) -> Scalar[Self.dtype]:
        return __atomic_exchange(ptr, value)

    def fetch_add(mut self, rhs: Scalar[Self.dtype]) -> Scalar[Self.dtype]:
        return __atomic_fetch_add(UnsafePointer(to=self.value), rhs)

    def fetch_sub(mut self, rhs: Scalar[Self.dtype]) -> Scalar[Self.dtype]:
        return __atomic_fetch_sub(UnsafePointer(to=self.value), rhs)

    def __iadd__(mut self, rhs: Scalar[Self.dtype]):
        _ = self.fetch_add(rhs)

    def __isub__(mut self, rhs: Scalar[Self.dtype]):
        _ = self.fetch_sub(rhs)

    def load(mut self) -> Scalar[Self.dtype]:
        return __atomic_fetch_add(UnsafePointer(to=self.value), 0)
