# Imports the module that imports it.
from Inputs.cycle_b import g


def f() -> Int:
    return 1
