# Optional[T]: a value of T, or none. An empty one holds zero bits in
# place of the value, which it never copies, moves or destroys.


struct Optional[T: Copyable](
    Copyable,
    ImplicitlyCopyable where conforms_to(T, ImplicitlyCopyable),
    Boolable,
    EqualityComparable where conforms_to(T, EqualityComparable),
    Writable where conforms_to(T, Writable),
):
    var _has: Bool
    var _value: T

    def __init__(out self):
        self._has = False
        self._value = __uninitialized[T]()

    @implicit
    def __init__(out self, var value: T):
        self._has = True
        self._value = value^

    @implicit
    def __init__(out self, none: None):
        self._has = False
        self._value = __uninitialized[T]()

    def __init__(out self, *, copy: Self):
        self._has = copy._has
        if copy._has:
            self._value = copy._value.copy()
        else:
            self._value = __uninitialized[T]()

    def __init__(out self, *, deinit take: Self):
        self._has = take._has
        if take._has:
            self._value = take._value^
        else:
            self._value = __uninitialized[T]()
            __forget(take._value^)

    def __deinit__(deinit self):
        if self._has:
            _ = self._value^
        else:
            __forget(self._value^)

    def __bool__(self) -> Bool:
        return self._has

    def __invert__(self) -> Bool:
        return not self._has

    # Equal when both are empty, or both hold equal values.
    def __eq__(self, other: Self) -> Bool where conforms_to(T, EqualityComparable):
        if self._has and other._has:
            return self._value == other._value
        return self._has == other._has

    def __ne__(self, other: Self) -> Bool where conforms_to(T, EqualityComparable):
        return not self == other

    # The value's text, or `None`.
    def write_to(self, mut writer: Some[Writer]) where conforms_to(T, Writable):
        if self._has:
            writer.write(self._value)
        else:
            writer.write("None")

    # The value; an empty one stops the program.
    def value(self) -> T:
        if __runtime_checks() and not self._has:
            _abort(".value() on an empty Optional")
        return self._value.copy()

    def unsafe_value(self) -> T:
        return self._value.copy()

    def or_else(self, default: T) -> T:
        if self._has:
            return self._value.copy()
        return default.copy()
