# Set[T]: distinct values, kept in the order they were added, as the keys
# of a `Dict`.


struct Set[T: KeyElement & Copyable](Copyable, Sized, Boolable, Writable):
    var _map: Dict[T, Bool]

    def __init__(out self):
        self._map = Dict[T, Bool]()

    def __len__(self) -> Int:
        return len(self._map)

    def __bool__(self) -> Bool:
        return len(self._map) > 0

    def __contains__(self, value: T) -> Bool:
        return value in self._map

    def add(mut self, var value: T):
        self._map[value^] = True

    # Removes `value`; a missing one raises.
    def remove(mut self, value: T) raises:
        _ = self._map.pop(value)

    def discard(mut self, value: T):
        _ = self._map.pop(value, False)

    def clear(mut self):
        self._map.clear()

    def __iter__(self) -> List[T]:
        return self._map.keys()

    def union(self, other: Self) -> Self:
        var result = self.copy()
        for var value in other._map.keys():
            result.add(value^)
        return result^

    def intersection(self, other: Self) -> Self:
        var result = Set[T]()
        for var value in self._map.keys():
            if value in other:
                result.add(value^)
        return result^

    def difference(self, other: Self) -> Self:
        var result = Set[T]()
        for var value in self._map.keys():
            if not value in other:
                result.add(value^)
        return result^

    def __or__(self, other: Self) -> Self:
        return self.union(other)

    def __and__(self, other: Self) -> Self:
        return self.intersection(other)

    def __sub__(self, other: Self) -> Self:
        return self.difference(other)

    def __eq__(self, other: Self) -> Bool:
        if len(self) != len(other):
            return False
        for var value in self._map.keys():
            if not value in other:
                return False
        return True

    def __ne__(self, other: Self) -> Bool:
        return not self == other

    def write_to(self, mut writer: Some[Writer]):
        writer.write("{")
        var first = True
        for var value in self._map.keys():
            if not first:
                writer.write(", ")
            first = False
            writer.write(repr(value))
        writer.write("}")
