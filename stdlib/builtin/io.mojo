from ffi import external_call

# Writing text: `Writer`s receive bytes, `Writable` values write themselves
# to one. `print` writes to standard output through `_StdoutWriter`.
#
# `writer.write(a, b, ...)` calls `a.write_to(writer)` for each argument,
# and a number or a string literal writes its text as `print` shows it.


trait Writer:
    def write_bytes(mut self, data: UnsafePointer[UInt8], length: Int):
        ...

    # Text as it is, without the formatting `write` applies.
    def write_string(mut self, string: StringLiteral):
        self.write_bytes(string.unsafe_ptr(), string.byte_length())

    def write_string(mut self, string: String):
        self.write_bytes(string.unsafe_ptr(), string.byte_length())


trait Writable:
    def write_to(self, mut writer: Some[Writer]):
        ...


struct _StdoutWriter(Writer):
    def __init__(out self):
        pass

    def write_bytes(mut self, data: UnsafePointer[UInt8], length: Int):
        __print_bytes(data, length)


# A number's text, as `print` writes it.
def _write_scalar[W: Writer, T: AnyType](mut writer: W, value: T):
    var buffer = alloc[UInt8](48)
    var length = __format_scalar(value, buffer)
    writer.write_bytes(buffer, length)
    buffer.free()


def _write_literal[W: Writer](mut writer: W, text: StringLiteral):
    writer.write_bytes(text.unsafe_ptr(), text.byte_length())


# Stops the program: `error: <message>` on standard error, exit status 1.
# A literal message needs no memory, so GPU code can stop with one.
def _abort(message: StringLiteral):
    __fail("error: {}", message)


def _abort(message: String):
    var text = "error: " + message
    __fail(text.unsafe_ptr(), text.byte_length())
    _ = text  # Its bytes must live through the call.


def _check_index(index: Int, length: Int, kind: StringLiteral) -> Int:
    var at = index
    if at < 0:
        at += length
    if __runtime_checks() and (at < 0 or at >= length):
        __fail(
            "error: index {} is out of range for a {} of length {}",
            index,
            kind,
            length,
        )
    return at


# A line of standard input, without its newline; at the end of the input,
# an empty string. `prompt` is printed first.
def input(prompt: String = "") -> String:
    if len(prompt) > 0:
        print(prompt, end="")
        _ = external_call["fflush", Int32](UnsafePointer[UInt8]())
    var line = String()
    while True:
        var c = external_call["getchar", Int32]()
        if c < 0 or c == 10:
            break
        line._append_byte(UInt8(c))
    return line^



# A SIMD vector's text, as Mojo writes it: `[1, 2, 3, 4]`.
def _write_simd[
    W: Writer, dtype: DType, width: Int
](mut writer: W, value: SIMD[dtype, width]):
    _write_literal(writer, "[")
    for i in range(width):
        if i > 0:
            _write_literal(writer, ", ")
        _write_scalar(writer, value[i])
    _write_literal(writer, "]")
