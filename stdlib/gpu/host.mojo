# GPU devices, as Mojo's `gpu.host` has them. A `DeviceContext` makes
# buffers on its GPU (`DeviceBuffer`) and in host memory the GPU copies
# fast (`HostBuffer`), copies between them and launches kernels; the
# compiler implements `enqueue_function` and `compile_function`. Its GPU
# is a CUDA device, or the emulator when the program is built with
# `--gpu=emulate` or run with EMBER_GPU=emulate. Work is queued in order
# on one stream; `synchronize()` waits for it. A failure raises an `Error`
# whose message starts with CUDA's name for it.
from ffi import external_call
from sys import _string_from_c, size_of


# Raises the context's pending failure, if any.
def _check_context(handle: UnsafePointer[UInt8]) raises:
    var message = external_call["ember_rt_gpu_take_error", UnsafePointer[UInt8]](
        handle
    )
    if message:
        raise Error(_string_from_c(message))


# A context's handle, counted: buffers keep their context alive.
def _retain(handle: UnsafePointer[UInt8]) -> UnsafePointer[UInt8]:
    external_call["ember_rt_gpu_context_retain"](handle)
    return handle


struct DeviceContext(ImplicitlyCopyable):
    var _handle: UnsafePointer[UInt8]

    def __init__(out self, device_id: Int = 0) raises:
        self._handle = external_call[
            "ember_rt_gpu_context", UnsafePointer[UInt8]
        ](device_id, Int(__gpu_emulated()))
        self._check()

    def __init__(out self, *, copy: Self):
        self._handle = _retain(copy._handle)

    # Takes over a counted reference to a context.
    def __init__(out self, *, _handle: UnsafePointer[UInt8]):
        self._handle = _handle

    def __deinit__(deinit self):
        external_call["ember_rt_gpu_context_release"](self._handle)

    def _check(self) raises:
        _check_context(self._handle)

    # How many GPUs the program can use; the emulator is one.
    @staticmethod
    def number_of_devices(*, api: StringLiteral = "cuda") -> Int:
        return external_call["ember_rt_gpu_device_count", Int](
            Int(__gpu_emulated())
        )

    def name(self) -> String:
        return _string_from_c(
            external_call["ember_rt_gpu_name", UnsafePointer[UInt8]](
                self._handle
            )
        )

    def api(self) -> String:
        return "cuda"

    # The device the context was made for (`DeviceContext(device_id)`).
    def id(self) -> Int:
        return external_call["ember_rt_gpu_id", Int](self._handle)

    # The CUDA driver's version, 1000 * major + 10 * minor (13000 for 13.0);
    # 0 in the emulator, which has no driver.
    def get_api_version(self) raises -> Int:
        var version = external_call["ember_rt_gpu_api_version", Int](
            self._handle
        )
        self._check()
        return version

    # The device memory `(free, total)`, in bytes; in the emulator, whose
    # buffers are host memory, the host's available and physical memory.
    def get_memory_info(self) raises -> Tuple[Int, Int]:
        var bytes = alloc[Int](2)
        external_call["ember_rt_gpu_memory_info"](
            self._handle, bytes, bytes + 1
        )
        var free = bytes[0]
        var total = bytes[1]
        bytes.free()
        self._check()
        return (free, total)

    # The device's value of `attr`, as CUDA's cuDeviceGetAttribute gives it;
    # an attribute the device does not have raises.
    def get_attribute(self, attr: DeviceAttribute) raises -> Int:
        var value = external_call["ember_rt_gpu_attribute", Int](
            self._handle, attr._value
        )
        self._check()
        return value

    # Whether kernels run in the emulator rather than on a GPU.
    def is_emulated(self) -> Bool:
        return external_call["ember_rt_gpu_is_emulated", Int](self._handle) != 0

    # Streaming multiprocessors (1 in the emulator).
    def multiprocessor_count(self) -> Int:
        return external_call["ember_rt_gpu_multiprocessors", Int](self._handle)

    def _parallel_grid(self, items: Int, block: Int) -> Int:
        # Blocks enough for every item, but no more than fill each
        # multiprocessor eight times over: the threads then loop.
        var needed = (items + block - 1) // block
        return max(1, min(needed, self.multiprocessor_count() * 8))

    def synchronize(self) raises:
        external_call["ember_rt_gpu_synchronize"](self._handle)
        self._check()

    def enqueue_create_buffer[
        dtype: DType
    ](self, size: Int) raises -> DeviceBuffer[dtype]:
        return DeviceBuffer[dtype](self, size)

    def create_buffer_sync[
        dtype: DType
    ](self, size: Int) raises -> DeviceBuffer[dtype]:
        return DeviceBuffer[dtype](self, size)

    def enqueue_create_host_buffer[
        dtype: DType
    ](self, size: Int) raises -> HostBuffer[dtype]:
        return HostBuffer[dtype](self, size)

    def _copy(
        self,
        dst: UnsafePointer[UInt8],
        src: UnsafePointer[UInt8],
        bytes: Int,
    ) raises:
        external_call["ember_rt_gpu_copy"](self._handle, dst, src, bytes)
        self._check()

    # Copies all of `src_buf` into `dst_buf`, which must be as long.
    def enqueue_copy[
        dtype: DType
    ](self, *, dst_buf: DeviceBuffer[dtype], src_buf: HostBuffer[dtype]) raises:
        _check_lengths(len(dst_buf), len(src_buf))
        self._copy(dst_buf._bytes(), src_buf._bytes(), src_buf._byte_length())

    def enqueue_copy[
        dtype: DType
    ](self, *, dst_buf: HostBuffer[dtype], src_buf: DeviceBuffer[dtype]) raises:
        _check_lengths(len(dst_buf), len(src_buf))
        self._copy(dst_buf._bytes(), src_buf._bytes(), src_buf._byte_length())

    def enqueue_copy[
        dtype: DType
    ](
        self, *, dst_buf: DeviceBuffer[dtype], src_buf: DeviceBuffer[dtype]
    ) raises:
        _check_lengths(len(dst_buf), len(src_buf))
        self._copy(dst_buf._bytes(), src_buf._bytes(), src_buf._byte_length())

    def enqueue_copy[
        dtype: DType
    ](self, *, dst_buf: HostBuffer[dtype], src_buf: HostBuffer[dtype]) raises:
        _check_lengths(len(dst_buf), len(src_buf))
        self._copy(dst_buf._bytes(), src_buf._bytes(), src_buf._byte_length())

    # Copies `len(src_buf)` elements into the memory at `dst_ptr`.
    def enqueue_copy[
        dtype: DType
    ](
        self,
        dst_ptr: UnsafePointer[Scalar[dtype]],
        src_buf: DeviceBuffer[dtype],
    ) raises:
        self._copy(
            dst_ptr.bitcast[UInt8](), src_buf._bytes(), src_buf._byte_length()
        )

    def enqueue_copy[
        dtype: DType
    ](
        self,
        dst_buf: DeviceBuffer[dtype],
        src_ptr: UnsafePointer[Scalar[dtype]],
    ) raises:
        self._copy(
            dst_buf._bytes(), src_ptr.bitcast[UInt8](), dst_buf._byte_length()
        )

    def enqueue_memset[
        dtype: DType
    ](self, buffer: DeviceBuffer[dtype], value: Scalar[dtype]) raises:
        _ = buffer.enqueue_fill(value)


# What `DeviceContext.get_attribute` asks for, CUDA's
# `CU_DEVICE_ATTRIBUTE_*` numbers: `DeviceAttribute.WARP_SIZE`, or
# `DeviceAttribute(n)` for any other. Sizes are in bytes, the clock rate
# in kHz.
struct DeviceAttribute(ImplicitlyCopyable):
    var _value: Int

    comptime MAX_THREADS_PER_BLOCK = 1
    comptime MAX_BLOCK_DIM_X = 2
    comptime MAX_BLOCK_DIM_Y = 3
    comptime MAX_BLOCK_DIM_Z = 4
    comptime MAX_GRID_DIM_X = 5
    comptime MAX_GRID_DIM_Y = 6
    comptime MAX_GRID_DIM_Z = 7
    comptime MAX_SHARED_MEMORY_PER_BLOCK = 8
    comptime WARP_SIZE = 10
    comptime MAX_REGISTERS_PER_BLOCK = 12
    comptime CLOCK_RATE = 13
    comptime MULTIPROCESSOR_COUNT = 16
    comptime L2_CACHE_SIZE = 38
    comptime MAX_THREADS_PER_MULTIPROCESSOR = 39
    comptime COMPUTE_CAPABILITY_MAJOR = 75
    comptime COMPUTE_CAPABILITY_MINOR = 76
    comptime MAX_SHARED_MEMORY_PER_MULTIPROCESSOR = 81
    comptime MAX_REGISTERS_PER_MULTIPROCESSOR = 82
    comptime MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97
    comptime MAX_BLOCKS_PER_MULTIPROCESSOR = 106

    # The members are `Int`s (a struct cannot be a compile-time value yet),
    # which become attributes where one is expected.
    @implicit
    def __init__(out self, value: Int):
        self._value = value


def _check_lengths(dst: Int, src: Int) raises:
    if dst != src:
        raise Error(
            "CUDA_ERROR_INVALID_VALUE: copying "
            + String(src)
            + " elements into a buffer of "
            + String(dst)
        )


# Memory a context allocated, on its GPU or on the host. Copies share the
# memory, which the last of them frees.
struct _Memory(ImplicitlyCopyable):
    var _handle: UnsafePointer[UInt8]
    var _bytes: UnsafePointer[UInt8]
    var _owners: UnsafePointer[Int]
    var _host: Bool

    def __init__(out self, ctx: DeviceContext, bytes: Int, *, host: Bool) raises:
        var memory: UnsafePointer[UInt8]
        if host:
            memory = external_call[
                "ember_rt_gpu_alloc_host", UnsafePointer[UInt8]
            ](ctx._handle, bytes)
        else:
            memory = external_call["ember_rt_gpu_alloc", UnsafePointer[UInt8]](
                ctx._handle, bytes
            )
        ctx._check()
        self._handle = _retain(ctx._handle)
        self._bytes = memory
        self._owners = alloc[Int](1)
        self._owners[0] = 1
        self._host = host

    def __init__(out self, *, copy: Self):
        self._handle = _retain(copy._handle)
        self._bytes = copy._bytes
        self._owners = copy._owners
        self._owners[0] += 1
        self._host = copy._host

    def __deinit__(deinit self):
        self._owners[0] -= 1
        if self._owners[0] == 0:
            self._owners.free()
            external_call["ember_rt_gpu_free"](
                self._handle, self._bytes, Int(self._host)
            )
        external_call["ember_rt_gpu_context_release"](self._handle)

    def context(self) -> DeviceContext:
        return DeviceContext(_handle=_retain(self._handle))

    # Sets `count` elements of `width` bytes to the low bytes of `bits`.
    def fill(self, width: Int, bits: UInt64, count: Int) raises:
        external_call["ember_rt_gpu_fill"](
            self._handle, self._bytes, width, bits, count
        )
        _check_context(self._handle)


# The bits of `value`, in the low bytes of a UInt64.
def _bits_of[dtype: DType](value: Scalar[dtype]) -> UInt64:
    var bits = alloc[UInt64](1)
    bits[0] = 0
    bits.bitcast[Scalar[dtype]]()[0] = value
    var result = bits[0]
    bits.free()
    return result


# Memory on the context's GPU, of `len` elements; kernels take its pointer.
struct DeviceBuffer[dtype: DType](ImplicitlyCopyable, Sized, Writable):
    var _memory: _Memory
    var _size: Int

    def __init__(out self, ctx: DeviceContext, size: Int) raises:
        self._memory = _Memory(ctx, size * size_of[Self.dtype](), host=False)
        self._size = size

    def __init__(out self, *, copy: Self):
        self._memory = copy._memory
        self._size = copy._size

    def __len__(self) -> Int:
        return self._size

    def _bytes(self) -> UnsafePointer[UInt8]:
        return self._memory._bytes

    def _byte_length(self) -> Int:
        return self._size * size_of[Self.dtype]()

    def unsafe_ptr(self) -> UnsafePointer[Scalar[Self.dtype]]:
        return self._memory._bytes.bitcast[Scalar[Self.dtype]]()

    def context(self) -> DeviceContext:
        return self._memory.context()

    # Sets every element to `value`, in stream order.
    def enqueue_fill(self, value: Scalar[Self.dtype]) raises -> Self:
        self._memory.fill(size_of[Self.dtype](), _bits_of(value), self._size)
        return self

    def enqueue_copy_to(self, dst: HostBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=dst, src_buf=self)

    def enqueue_copy_to(self, dst: DeviceBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=dst, src_buf=self)

    def enqueue_copy_from(self, src: HostBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=self, src_buf=src)

    def enqueue_copy_from(self, src: DeviceBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=self, src_buf=src)

    # A host copy of the buffer for a `with` block, copied back at its end.
    def map_to_host(self) raises -> _HostMapping[Self.dtype]:
        return _HostMapping[Self.dtype](self)

    def write_to(self, mut writer: Some[Writer]):
        writer.write("DeviceBuffer(")
        try:
            var ctx = self.context()
            var host = ctx.enqueue_create_host_buffer[Self.dtype](self._size)
            ctx.enqueue_copy(dst_buf=host, src_buf=self)
            ctx.synchronize()
            host._write_elements_to(writer)
        except e:
            writer.write("<", e, ">")
        writer.write(")")


# Host memory that the context's GPU copies to and from.
struct HostBuffer[dtype: DType](ImplicitlyCopyable, Sized, Writable):
    var _memory: _Memory
    var _size: Int

    def __init__(out self, ctx: DeviceContext, size: Int) raises:
        self._memory = _Memory(ctx, size * size_of[Self.dtype](), host=True)
        self._size = size

    def __init__(out self, *, copy: Self):
        self._memory = copy._memory
        self._size = copy._size

    def __len__(self) -> Int:
        return self._size

    def _bytes(self) -> UnsafePointer[UInt8]:
        return self._memory._bytes

    def _byte_length(self) -> Int:
        return self._size * size_of[Self.dtype]()

    def unsafe_ptr(self) -> UnsafePointer[Scalar[Self.dtype]]:
        return self._memory._bytes.bitcast[Scalar[Self.dtype]]()

    def context(self) -> DeviceContext:
        return self._memory.context()

    def __getitem__(self, index: Int) -> Scalar[Self.dtype]:
        return self.unsafe_ptr()[_check_index(index, self._size, "HostBuffer")]

    def __setitem__(self, index: Int, value: Scalar[Self.dtype]):
        self.unsafe_ptr()[_check_index(index, self._size, "HostBuffer")] = value

    def enqueue_fill(self, value: Scalar[Self.dtype]) raises -> Self:
        self._memory.fill(size_of[Self.dtype](), _bits_of(value), self._size)
        return self

    def enqueue_copy_to(self, dst: DeviceBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=dst, src_buf=self)

    def enqueue_copy_from(self, src: DeviceBuffer[Self.dtype]) raises:
        self.context().enqueue_copy(dst_buf=self, src_buf=src)

    def write_to(self, mut writer: Some[Writer]):
        writer.write("HostBuffer(")
        self._write_elements_to(writer)
        writer.write(")")

    # The elements, read while the buffer lives.
    def _write_elements_to(self, mut writer: Some[Writer]):
        _write_elements(writer, self.unsafe_ptr(), self._size)


# `[a, b, c]`; of a thousand elements or more, the first and last three.
def _write_elements[
    W: Writer, dtype: DType
](mut writer: W, ptr: UnsafePointer[Scalar[dtype]], size: Int):
    writer.write("[")
    if size < 1000:
        for i in range(size):
            if i > 0:
                writer.write(", ")
            writer.write(ptr[i])
    else:
        for i in range(3):
            writer.write(ptr[i], ", ")
        writer.write("...")
        for i in range(size - 3, size):
            writer.write(", ", ptr[i])
    writer.write("]")


# What `map_to_host` gives: a host copy made on entry, copied back to the
# device buffer on exit.
struct _HostMapping[dtype: DType]:
    var _device: DeviceBuffer[Self.dtype]
    var _host: HostBuffer[Self.dtype]

    def __init__(out self, device: DeviceBuffer[Self.dtype]) raises:
        var ctx = device.context()
        self._device = device
        self._host = ctx.enqueue_create_host_buffer[Self.dtype](len(device))

    def __enter__(self) raises -> HostBuffer[Self.dtype]:
        var ctx = self._device.context()
        ctx.enqueue_copy(dst_buf=self._host, src_buf=self._device)
        ctx.synchronize()
        return self._host

    def __exit__(self) raises:
        var ctx = self._device.context()
        ctx.enqueue_copy(dst_buf=self._device, src_buf=self._host)
        ctx.synchronize()


# A kernel compiled with the program, which `enqueue_function` launches.
struct DeviceFunction[_id: Int](ImplicitlyCopyable):
    def __init__(out self):
        pass
