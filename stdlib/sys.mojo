# The program's environment. (`exit` is the compiler's own.)
from ffi import external_call


# The program's arguments, its own name first. Mojo gives a list of string
# slices; here they are `String`s.
def argv() -> List[String]:
    var count = external_call["ember_rt_argc", Int]()
    var arguments = List[String](capacity=count)
    for i in range(count):
        arguments.append(_string_from_c(external_call["ember_rt_argv", UnsafePointer[UInt8]](i)))
    return arguments^


def _string_from_c(text: UnsafePointer[UInt8]) -> String:
    var result = String()
    result.write_bytes(text, external_call["strlen", Int](text))
    return result^


# The value of the environment variable `name`, or `default`.
def env_get_string(name: String, default: String = "") -> String:
    var c_name = name._c_string()
    var value = external_call["getenv", UnsafePointer[UInt8]](c_name)
    c_name.free()
    if not value:
        return default
    return _string_from_c(value)


# The bits and bytes of one value of `dtype`.
def bit_width_of[dtype: DType]() -> Int:
    comptime if dtype == DType.bool:
        return 1
    elif dtype == DType.int8 or dtype == DType.uint8:
        return 8
    elif (
        dtype == DType.int16
        or dtype == DType.uint16
        or dtype == DType.float16
        or dtype == DType.bfloat16
    ):
        return 16
    elif dtype == DType.int32 or dtype == DType.uint32 or dtype == DType.float32:
        return 32
    else:
        return 64


def size_of[dtype: DType]() -> Int:
    return (bit_width_of[dtype]() + 7) // 8


# The machine's cores: physical ones, and the logical processors the
# system runs threads on (more with hyper-threading).
def num_physical_cores() -> Int:
    return external_call["ember_rt_physical_cores", Int]()


def num_logical_cores() -> Int:
    return external_call["ember_rt_logical_cores", Int]()
