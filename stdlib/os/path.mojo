# Paths of the file system.
from ffi import external_call


def exists(path: String) -> Bool:
    var c_path = path._c_string()
    # `access(path, F_OK)`.
    var status = external_call["access", Int32](c_path, Int32(0))
    c_path.free()
    return status == 0
