# Assertions for tests: each raises an `Error` that starts with
# `AssertionError:` when it fails, and `assert_raises` is a context manager
# that fails when its block raises nothing.


def _fail(message: String, msg: String) raises:
    if len(msg) > 0:
        raise Error("AssertionError: ", message + " (" + msg + ")")
    raise Error("AssertionError: ", message)


def assert_true(cond: Bool, msg: String = "") raises:
    if not cond:
        _fail("condition was unexpectedly False", msg)


def assert_false(cond: Bool, msg: String = "") raises:
    if cond:
        _fail("condition was unexpectedly True", msg)


def assert_equal[T: EqualityComparable & Writable](
    lhs: T, rhs: T, msg: String = ""
) raises:
    if not (lhs == rhs):
        _fail(
            String("`left == right` comparison failed:\n   left: ", lhs)
            + String("\n  right: ", rhs),
            msg,
        )


def assert_not_equal[T: EqualityComparable & Writable](
    lhs: T, rhs: T, msg: String = ""
) raises:
    if lhs == rhs:
        _fail(
            String("`left != right` comparison failed:\n   left: ", lhs)
            + String("\n  right: ", rhs),
            msg,
        )


def assert_almost_equal(
    lhs: Float64,
    rhs: Float64,
    msg: String = "",
    *,
    atol: Float64 = 1e-08,
    rtol: Float64 = 1e-05,
) raises:
    var difference = abs(lhs - rhs)
    if not (difference <= atol + rtol * abs(rhs)):
        _fail(
            String("`left ~= right` comparison failed:\n   left: ", lhs)
            + String("\n  right: ", rhs),
            msg,
        )


# `with assert_raises():` or `with assert_raises(contains="text"):`.
struct assert_raises:
    var contains: String

    def __init__(out self):
        self.contains = String()

    def __init__(out self, *, contains: String):
        self.contains = contains

    def __enter__(self):
        pass

    def __exit__(self) raises:
        raise Error("AssertionError: Didn't raise")

    # An error that lacks the expected text goes on.
    def __exit__(self, error: Error) raises -> Bool:
        return self.contains in String(error)
