# The arguments a variadic parameter `*values: T` takes: `len(values)` of
# them, `values[i]` each, in the caller's storage, which the callee reads
# but does not own.


struct VariadicList[T: AnyType](ImplicitlyCopyable):
    var _data: UnsafePointer[Self.T]
    var _length: Int

    def __init__(out self, data: UnsafePointer[Self.T], length: Int):
        self._data = data
        self._length = length

    def __len__(self) -> Int:
        return self._length

    def __getitem__(self, index: Int) -> ref[self] Self.T:
        return self._data[index]
