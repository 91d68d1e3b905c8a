# A module of the program: its names are its own, and it imports others.
from Inputs.geometry.units import scale, Unit

comptime SIDES = 4


@fieldwise_init
struct Square(Writable):
    var side: Int

    def area(self) -> Int:
        return describe(self.side)

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Square(", self.side, ")")


def describe(side: Int) -> Int:
    return scale(side) * side


def largest[T: Comparable & Copyable](a: T, b: T) -> T:
    return b.copy() if a < b else a.copy()


def check_side(side: Int) raises -> Int:
    if side < 0:
        raise Error("negative side: ", side)
    return side


def unit_name() -> String:
    return Unit("cm").name


# A module may have a `main` of its own: only the main file's runs, and
# this one is an ordinary function.
def main():
    print("the main of shapes")
