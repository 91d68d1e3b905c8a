# Error: what `raise` raises unless a function names another type. It holds
# a message, which is what it writes.


struct Error(Copyable, Writable, Stringable, Representable):
    var message: String

    @implicit
    def __init__(out self, message: StringLiteral):
        self.message = String(message)

    @implicit
    def __init__(out self, var message: String):
        self.message = message^

    # An error of another type, as the text it writes; also `Error(a, b)`.
    def __init__[T: Writable](out self, error: T):
        self.message = String(error)

    def __init__[A: Writable, B: Writable](out self, a: A, b: B):
        self.message = String(a, b)

    def write_to(self, mut writer: Some[Writer]):
        self.message.write_to(writer)

    def __str__(self) -> String:
        return self.message

    def __repr__(self) -> String:
        return "Error(" + repr(self.message) + ")"


# What the program does with an error that leaves `main`.
def _report_unhandled(error: Error):
    print("Unhandled exception caught during execution:", error)
