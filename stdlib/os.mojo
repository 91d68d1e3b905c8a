# The operating system's services. Atomics are in `os.atomic`, which this
# module also exports.
from os.atomic import Atomic
