#!/usr/bin/env python3
"""A seeded generator of random programs with their Python reference.

Programs use Int arithmetic kept within 64 bits, Float64 arithmetic, Bool
logic, string literals, `if`/`while`/`for`, functions and recursion, a
struct with fields, `mut` and `read` methods and an operator (whose values
are copied, never shared), a generic function, and the library's `String`
(building, searching, transforming) and `List[Int]`, whose values are
destroyed as the program goes. The
same seed gives the Ember program (`ember_source`) and its Python twin
(`python_source`), in which the operators whose meaning differs between
Mojo and Python are calls of helpers that compute Mojo's result.
"""
import random

# Mojo's semantics where Python's differ, for the Python twin.
PYTHON_PRELUDE = """import copy
import math
INT_BOUND = 1_000_003
Int = int
Float64 = float
String = str


def _signed_zero(r, x):
    return math.copysign(r, x) if r == 0 else r


def _tdiv(a, b):  # Int `/` truncates toward zero
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _ifloordiv(a, b):  # Int `//` by zero is 0
    return 0 if b == 0 else a // b


def _imod(a, b):  # Int `%` by zero is 0
    return 0 if b == 0 else a % b


def _ipow(a, e):  # negative exponents: 1, +-1 or 0
    if e >= 0:
        return a ** e
    if a == 1:
        return 1
    if a == -1:
        return -1 if e % 2 else 1
    return 0


def _ffloordiv(a, b):  # Float64 `//` is floor(a / b)
    q = a / b
    return _signed_zero(float(math.floor(q)), q)


class Acc:  # the struct `Acc`; assignments copy it, as in Ember
    def __init__(self, total, count):
        self.total = total
        self.count = count

    def add(self, x):
        self.total = (self.total + x) % INT_BOUND
        self.count += 1

    def mean(self):
        return _ifloordiv(self.total, self.count)

    def __add__(self, other):
        return Acc((self.total + other.total) % INT_BOUND, self.count + other.count)


def pick(c, a, b):  # the generic `pick[T]`
    return a if c else b


def _fmod(a, b):  # Float64 `%` is a - trunc(a / b) * b, sign-adjusted
    q = a / b
    m = a - _signed_zero(float(math.trunc(q)), q) * b
    if ((b < 0) != (a < 0)) and m != 0:
        m += b
    return m


"""

INT_BOUND = 1_000_003  # every Int stays below this in magnitude


class Generator:
    def __init__(self, seed, python=False):
        self.rng = random.Random(seed)
        self.python = python
        self.lines = []
        self.functions = []  # (name, number of Int params)
        self.names = 0
        self.accs = []  # the `Acc` variables, in scope in all of `main`
        self.strings = []  # the `String` variables in scope
        self.lists = []  # the `List[Int]` variables in scope
        self.in_main = False

    def fresh(self, prefix):
        self.names += 1
        return f"{prefix}{self.names}"

    def call_or_op(self, helper, a, op, b):
        """`a op b` in Ember, where Python needs `helper(a, b)`."""
        return f"{helper}({a}, {b})" if self.python else f"({a} {op} {b})"

    def emit(self, depth, text):
        self.lines.append("    " * depth + text)

    # Expressions -----------------------------------------------------------

    def int_expr(self, names, depth=0):
        r = self.rng
        if depth > 2 or r.random() < 0.3:
            if self.accs and r.random() < 0.15:
                return f"{r.choice(self.accs)}.{r.choice(['total', 'count'])}"
            if self.strings and r.random() < 0.08:
                s = r.choice(self.strings)
                return r.choice([f"len({s})", f'{s}.find("{r.choice("abx")}")',
                                 f'{s}.count("{r.choice("ab")}")'])
            if self.lists and r.random() < 0.08:
                return f"len({r.choice(self.lists)})"
            if names and r.random() < 0.7:
                return r.choice(names)
            return str(r.randint(-50, 50))
        if r.random() < 0.05:
            return (f"pick({self.bool_expr(names, depth + 1)}, "
                    f"{self.int_expr(names, depth + 1)}, {self.int_expr(names, depth + 1)})")
        a = self.int_expr(names, depth + 1)
        b = self.int_expr(names, depth + 1)
        op = r.choice(["+", "-", "*", "//", "%", "/", "**", "min", "max", "abs",
                       "if", "call"])
        if op in ("//", "%", "/"):
            # A divisor that is never zero, of either sign; `//` and `%`
            # sometimes get one that may be zero.
            divisor = f"({b} % 7 + 8 if {b} >= 0 else {b} % 7 - 8)"
            if op != "/" and r.random() < 0.2:
                divisor = f"({b} % 3 - 1)"
            helper = {"//": "_ifloordiv", "%": "_imod", "/": "_tdiv"}[op]
            return self.call_or_op(helper, a, op, divisor)
        if op == "**":
            return self.call_or_op("_ipow", f"({a} % 10)", "**", str(r.randint(-3, 4)))
        if op in ("min", "max"):
            return f"{op}({a}, {b})"
        if op == "abs":
            return f"abs({a})"
        if op == "if":
            return f"({a} if {self.bool_expr(names, depth + 1)} else {b})"
        if op == "call" and self.functions:
            name, arity = r.choice(self.functions)
            args = ", ".join(self.int_expr(names, depth + 1) for _ in range(arity))
            return f"{name}({args})"
        # Keep products and sums bounded.
        return f"(({a} {op if op in '+-*' else '+'} {b}) % {INT_BOUND})"

    def float_expr(self, fnames, inames, depth=0):
        r = self.rng
        if depth > 2 or r.random() < 0.3:
            if fnames and r.random() < 0.6:
                return r.choice(fnames)
            if inames and r.random() < 0.3:
                return f"Float64({r.choice(inames)})"
            # Arithmetic on literals alone is exact in Ember (Mojo's
            # FloatLiteral) but rounded in Python: a conversion keeps it
            # Float64 arithmetic in both.
            return f"Float64({round(r.uniform(-100, 100), r.randint(0, 4))!r})"
        a = self.float_expr(fnames, inames, depth + 1)
        b = self.float_expr(fnames, inames, depth + 1)
        op = r.choice(["+", "-", "*", "/", "//", "%"])
        if op in ("/", "//", "%"):
            divisor = f"(abs({b}) + 0.5)"
            if op == "/":
                return f"({a} / {divisor})"
            helper = "_ffloordiv" if op == "//" else "_fmod"
            return self.call_or_op(helper, a, op, divisor)
        return f"({a} {op} {b})"

    WORDS = ["a", "b", "ab", "ba", "x", "Ab", " a ", "ab,ba", ""]

    def str_expr(self, inames, depth=0):
        """A String, over a small alphabet whose `repr` Python and Ember
        write alike."""
        r = self.rng
        if depth > 2 or r.random() < 0.3:
            if self.strings and r.random() < 0.6:
                return r.choice(self.strings)
            return f'String("{r.choice(self.WORDS)}")'
        a = self.str_expr(inames, depth + 1)
        kind = r.choice(["+", "int", "upper", "lower", "strip", "replace",
                         "repeat", "index", "join"])
        if kind == "+":
            return f"({a} + {self.str_expr(inames, depth + 1)})"
        if kind == "int":
            return f"String({self.int_expr(inames, 2)})"
        if kind in ("upper", "lower", "strip"):
            return f"{a}.{kind}()"
        if kind == "replace":
            return f'{a}.replace("{r.choice("abx")}", "{r.choice(self.WORDS)}")'
        if kind == "repeat":
            return f"({a} * {r.randint(0, 3)})"
        if kind == "index":
            # Never out of range: the string gets one more character.
            s = f"({a} + \"z\")"
            return f"{s}[{self.int_expr(inames, 2)} % len({s})]"
        return f'String("-").join({a}.split(","))'

    def bool_expr(self, names, depth=0):
        r = self.rng
        if self.strings and r.random() < 0.1:
            s = r.choice(self.strings)
            kind = r.choice(["in", "==", "<", "startswith"])
            word = r.choice(self.WORDS)
            if kind == "in":
                return f'("{word}" in {s})'
            if kind == "startswith":
                return f'{s}.startswith("{word}")'
            return f'({s} {kind} String("{word}"))'
        kind = r.random()
        if depth > 2 or kind < 0.5:
            a, b = self.int_expr(names, 3), self.int_expr(names, 3)
            op = r.choice(["<", "<=", ">", ">=", "==", "!="])
            if r.random() < 0.2:
                c = self.int_expr(names, 3)
                return f"({a} {op} {b} < {c})"
            return f"({a} {op} {b})"
        if kind < 0.8:
            op = r.choice(["and", "or"])
            return f"({self.bool_expr(names, depth + 1)} {op} {self.bool_expr(names, depth + 1)})"
        return f"(not {self.bool_expr(names, depth + 1)})"

    # Statements ------------------------------------------------------------

    def block(self, depth, inames, fnames, budget, in_loop=False):
        inames, fnames = list(inames), list(fnames)
        start = len(self.lines)
        for _ in range(self.rng.randint(1, 4)):
            if budget <= 0:
                break
            budget -= 1
            self.statement(depth, inames, fnames, budget, in_loop)
        if len(self.lines) == start:
            self.emit(depth, "pass")

    def acc_statement(self, depth, inames):
        """A use of an `Acc` variable: a method, a copy, an operator, a print."""
        r = self.rng
        a, b = r.choice(self.accs), r.choice(self.accs)
        kind = r.random()
        if kind < 0.4:
            # The argument may not read `Acc` variables: `a.add(a.count)`
            # passes `a` both `mut` and `read`, which Ember rejects.
            accs, self.accs = self.accs, []
            self.emit(depth, f"{a}.add({self.int_expr(inames)})")
            self.accs = accs
        elif kind < 0.6:
            # Ember copies the struct; the Python twin must too.
            self.emit(depth, f"{a} = copy.copy({b})" if self.python else f"{a} = {b}")
        elif kind < 0.8:
            self.emit(depth, f"{a} = {a} + {b}")
        else:
            self.emit(depth, f"print({a}.total, {a}.count, {a}.mean())")

    def collection_statement(self, depth, inames):
        """A String or a List: made, changed, read, printed."""
        r = self.rng
        kind = r.random()
        if kind < 0.25 or not (self.strings or self.lists):
            if r.random() < 0.6:
                name = self.fresh("s")
                self.emit(depth, f"var {name} = {self.str_expr(inames)}")
                self.strings.append(name)
            else:
                name = self.fresh("l")
                items = ", ".join(self.int_expr(inames, 2)
                                  for _ in range(r.randint(1, 3)))
                self.emit(depth, f"var {name} = [{items}]")
                self.lists.append(name)
            return
        if self.strings and (kind < 0.6 or not self.lists):
            s = r.choice(self.strings)
            if kind < 0.45:
                self.emit(depth, f"{s} = {self.str_expr(inames)}")
            elif kind < 0.5:
                # `s += s` passes `s` both `mut` and `read`, which Ember
                # (like Mojo) rejects.
                others, self.strings = self.strings, [x for x in self.strings if x != s]
                self.emit(depth, f"{s} += {self.str_expr(inames)}")
                self.strings = others
            else:
                self.emit(depth, f"print({s}, repr({s}), {s}.split())")
            return
        lst = r.choice(self.lists)
        if kind < 0.7:
            self.emit(depth, f"{lst}.append({self.int_expr(inames)})")
        elif kind < 0.8:
            self.emit(depth, f"if len({lst}) > 1:")
            self.emit(depth + 1, f"print({lst}.pop())")
        elif kind < 0.9:
            self.emit(depth, f"{lst}[{self.int_expr(inames, 2)} % len({lst})] = "
                             f"{self.int_expr(inames, 2)}")
        else:
            item = self.fresh("e")
            self.emit(depth, f"for {item} in {lst}:")
            self.emit(depth + 1, f"print({item}, end=\",\")")
            self.emit(depth, f"print({lst})")

    def statement(self, depth, inames, fnames, budget, in_loop):
        r = self.rng
        if self.accs and r.random() < 0.12:
            return self.acc_statement(depth, inames)
        if self.in_main and depth == 1 and r.random() < 0.3:
            # At the top of `main`, so that the variables stay in scope.
            return self.collection_statement(depth, inames)
        kind = r.random()
        if kind < 0.25 or not inames:
            name = self.fresh("i")
            self.emit(depth, f"var {name} = {self.int_expr(inames)}")
            inames.append(name)
            return
        if kind < 0.35:
            name = self.fresh("f")
            self.emit(depth, f"var {name} = {self.float_expr(fnames, inames)}")
            fnames.append(name)
            return
        # Loop counters and loop variables are never assigned.
        targets = [n for n in inames if n[0] not in "kw"]
        if kind < 0.5 and targets:
            target = r.choice(targets)
            op = r.choice(["=", "+=", "-="])
            self.emit(depth, f"{target} {op} {self.int_expr(inames)}")
            self.emit(depth, f"{target} = {target} % {INT_BOUND}")
            return
        if kind < 0.62:
            values = [r.choice(inames + fnames) if r.random() < 0.7 else self.bool_expr(inames)
                      for _ in range(r.randint(1, 3))]
            if r.random() < 0.2:
                values.append('"text"')
            self.emit(depth, f"print({', '.join(values)})")
            return
        if kind < 0.74 and budget > 0:
            self.emit(depth, f"if {self.bool_expr(inames)}:")
            self.block(depth + 1, inames, fnames, budget - 1, in_loop)
            if r.random() < 0.5:
                self.emit(depth, "else:")
                self.block(depth + 1, inames, fnames, budget - 1, in_loop)
            return
        if kind < 0.86 and budget > 0:
            var = self.fresh("k")
            start, stop = r.randint(-5, 5), r.randint(-5, 12)
            step = r.choice([1, 1, 2, 3, -1, -2])
            self.emit(depth, f"for {var} in range({start}, {stop}, {step}):")
            self.block(depth + 1, inames + [var], fnames, budget - 1, True)
            return
        if kind < 0.94 and budget > 0:
            counter = self.fresh("w")
            self.emit(depth, f"var {counter} = 0")
            self.emit(depth, f"while {counter} < {r.randint(0, 6)}:")
            self.emit(depth + 1, f"{counter} += 1")
            self.block(depth + 1, inames + [counter], fnames, budget - 1, True)
            return
        if in_loop:
            self.emit(depth, f"if {self.bool_expr(inames)}:")
            self.emit(depth + 1, r.choice(["break", "continue"]))
            return
        self.emit(depth, "pass")

    def function(self, index):
        r = self.rng
        arity = r.randint(1, 3)
        params = [f"p{i}" for i in range(arity)]
        name = f"func{index}"
        signature = ", ".join(f"var {p}: Int" for p in params)
        self.emit(0, f"def {name}({signature}) -> Int:")
        if r.random() < 0.5:
            # Bounded recursion on the first argument.
            self.emit(1, f"if {params[0]} <= 0 or {params[0]} > 6:")
            self.emit(2, f"return {self.int_expr(params)}")
            args = ", ".join([f"{params[0]} - 1"] + params[1:])
            self.emit(1, f"return ({name}({args}) + {self.int_expr(params)}) % {INT_BOUND}")
        else:
            self.block(1, params, [], 4)
            self.emit(1, f"return {self.int_expr(params)}")
        self.emit(0, "")
        self.emit(0, "")
        self.functions.append((name, arity))

    def declarations(self):
        """`Acc` and `pick`, which the Python twin has in its prelude."""
        if self.python:
            return
        for line in [
            "@fieldwise_init",
            "struct Acc(ImplicitlyCopyable):",
            "    var total: Int",
            "    var count: Int",
            "",
            "    def add(mut self, x: Int):",
            f"        self.total = (self.total + x) % {INT_BOUND}",
            "        self.count += 1",
            "",
            "    def mean(self) -> Int:",
            "        return self.total // self.count",
            "",
            "    def __add__(self, other: Self) -> Self:",
            f"        return Acc((self.total + other.total) % {INT_BOUND}, self.count + other.count)",
            "",
            "",
            "def pick[T: ImplicitlyCopyable](c: Bool, a: T, b: T) -> T:",
            "    if c:",
            "        return a",
            "    return b",
            "",
            "",
        ]:
            self.emit(0, line)

    def program(self):
        self.declarations()
        for index in range(self.rng.randint(0, 3)):
            self.function(index)
        self.emit(0, "def main():")
        for name in ("a1", "a2"):
            self.emit(1, f"var {name} = Acc({self.int_expr([])}, 0)")
        self.accs = ["a1", "a2"]
        self.in_main = True
        self.block(1, [], [], 12)
        self.emit(1, 'print("end")')
        return "\n".join(self.lines) + "\n"


def ember_source(seed):
    return Generator(seed).program()


def python_source(seed):
    body = Generator(seed, python=True).program().replace("var ", "")
    return PYTHON_PRELUDE + body + "\nmain()\n"


if __name__ == "__main__":
    import sys
    print(ember_source(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
