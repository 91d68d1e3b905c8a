# The library's traits that name one or a few methods. Numbers conform to
# them as builtin types; a struct declares its conformance.


trait Sized:
    def __len__(self) -> Int:
        ...


trait Boolable:
    def __bool__(self) -> Bool:
        ...


trait Intable:
    def __int__(self) -> Int:
        ...


trait Floatable:
    def __float__(self) -> Float64:
        ...


trait Stringable:
    def __str__(self) -> String:
        ...


trait Representable:
    def __repr__(self) -> String:
        ...


trait EqualityComparable:
    def __eq__(self, other: Self) -> Bool:
        ...

    def __ne__(self, other: Self) -> Bool:
        return not self == other


# Current Mojo's name for it.
comptime Equatable = EqualityComparable


trait Comparable(EqualityComparable):
    def __lt__(self, other: Self) -> Bool:
        ...

    def __le__(self, other: Self) -> Bool:
        return not other < self

    def __gt__(self, other: Self) -> Bool:
        return other < self

    def __ge__(self, other: Self) -> Bool:
        return not self < other
