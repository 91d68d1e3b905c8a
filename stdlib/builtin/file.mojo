# Files, through C's stdio: `open(path, mode)` gives a FileHandle, which
# closes its file when it is destroyed (at the end of a `with` block, or
# after its last use) or by `close()`.
from ffi import external_call


struct FileHandle(Movable):
    var _file: UnsafePointer[UInt8]
    var _path: String

    def __init__(out self, path: String, mode: String) raises:
        var c_path = path._c_string()
        var c_mode = mode._c_string()
        self._file = external_call["fopen", UnsafePointer[UInt8]](
            c_path, c_mode
        )
        c_path.free()
        c_mode.free()
        self._path = path
        if not self._file:
            raise Error("failed to open file '", path + "'")

    def __deinit__(deinit self):
        if self._file:
            _ = external_call["fclose", Int32](self._file)

    def close(mut self) raises:
        if not self._file:
            return
        var status = external_call["fclose", Int32](self._file)
        self._file = UnsafePointer[UInt8]()
        if status != 0:
            raise Error("failed to close file '", self._path + "'")

    def _check_open(self) raises:
        if not self._file:
            raise Error("file '", self._path + "' is closed")

    # The rest of the file.
    def read(self) raises -> String:
        self._check_open()
        var result = String()
        var buffer = alloc[UInt8](65536)
        while True:
            var count = external_call["fread", Int](buffer, 1, 65536, self._file)
            result.write_bytes(buffer, count)
            if count < 65536:
                break
        buffer.free()
        if external_call["ferror", Int32](self._file) != 0:
            raise Error("failed to read file '", self._path + "'")
        return result^

    def write(self, text: String) raises:
        self._check_open()
        var length = len(text)
        var written = external_call["fwrite", Int](
            text.unsafe_ptr(), 1, length, self._file
        )
        if written != length:
            raise Error("failed to write file '", self._path + "'")

    def __enter__(var self) -> Self:
        return self^


def open(path: String, mode: String) raises -> FileHandle:
    return FileHandle(path, mode)
