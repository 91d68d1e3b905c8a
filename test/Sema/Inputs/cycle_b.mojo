from Inputs.cycle_a import f


def g() -> Int:
    return f()
