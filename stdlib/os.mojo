# The operating system's services. Atomics are in `os.atomic`, which this
# module also exports.
from os.atomic import Atomic
from memory import memcpy


# Stops the program at once, with `ABORT: message` on standard error and
# exit status 1: nothing after it runs, no destructor either.
def abort() -> Never:
    __fail("ABORT")


def abort(message: StringLiteral) -> Never:
    __fail("ABORT: {}", message)


def abort(message: String) -> Never:
    # The text is never freed: the program ends here.
    comptime prefix = "ABORT: "
    var length = prefix.byte_length() + message.byte_length()
    var text = alloc[UInt8](length)
    memcpy(dest=text, src=prefix.unsafe_ptr(), count=prefix.byte_length())
    memcpy(dest=text + prefix.byte_length(), src=message.unsafe_ptr(),
           count=message.byte_length())
    __fail(text, length)
