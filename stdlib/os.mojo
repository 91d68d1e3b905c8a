# The operating system's services. Atomics are in `os.atomic`, which this
# module also exports.
from os.atomic import Atomic


# Stops the program at once, with `ABORT: message` on standard error and
# exit status 1: nothing after it runs, no destructor either.
def abort():
    __fail("ABORT")


def abort(message: StringLiteral):
    __fail("ABORT: {}", message)


def abort(message: String):
    var text = "ABORT: " + message
    __fail(text.unsafe_ptr(), text.byte_length())
    _ = text  # Its bytes must live through the call.
