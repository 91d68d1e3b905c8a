//===- EmberOps.td - Ember dialect operations ---------------*- tablegen -*-===//

#ifndef EMBER_OPS
#define EMBER_OPS

include "ember/Dialect/Ember/IR/EmberDialect.td"
include "ember/Dialect/Ember/IR/EmberTypes.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Ember_BinaryKind : I32EnumAttr<"BinaryKind", "binary arithmetic operator", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
    I32EnumAttrCase<"mul", 2>, I32EnumAttrCase<"div", 3>,
    I32EnumAttrCase<"floordiv", 4>, I32EnumAttrCase<"mod", 5>,
    I32EnumAttrCase<"pow", 6>, I32EnumAttrCase<"bit_and", 7>,
    I32EnumAttrCase<"bit_or", 8>, I32EnumAttrCase<"bit_xor", 9>,
    I32EnumAttrCase<"shl", 10>, I32EnumAttrCase<"shr", 11>,
    I32EnumAttrCase<"rem", 12>]> {
  let cppNamespace = "::ember";
}

def Ember_CmpPredicate : I32EnumAttr<"CmpPredicate", "comparison predicate", [
    I32EnumAttrCase<"eq", 0>, I32EnumAttrCase<"ne", 1>,
    I32EnumAttrCase<"lt", 2>, I32EnumAttrCase<"le", 3>,
    I32EnumAttrCase<"gt", 4>, I32EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::ember";
}

def Ember_UnaryKind : I32EnumAttr<"UnaryKind", "unary operator", [
    I32EnumAttrCase<"neg", 0>, I32EnumAttrCase<"invert", 1>]> {
  let cppNamespace = "::ember";
}

def Ember_AtomicKind : I32EnumAttr<"AtomicKind", "an atomic read-modify-write", [
    I32EnumAttrCase<"add", 0>, I32EnumAttrCase<"sub", 1>,
    I32EnumAttrCase<"max", 2>, I32EnumAttrCase<"min", 3>,
    I32EnumAttrCase<"exchange", 4>]> {
  let cppNamespace = "::ember";
}

def Ember_GPUIndexKind : I32EnumAttr<"GPUIndexKind", "a GPU thread's position", [
    I32EnumAttrCase<"thread_idx", 0>, I32EnumAttrCase<"block_idx", 1>,
    I32EnumAttrCase<"block_dim", 2>, I32EnumAttrCase<"grid_dim", 3>,
    I32EnumAttrCase<"lane_id", 4>]> {
  let cppNamespace = "::ember";
}

def Ember_GPUShuffleKind : I32EnumAttr<"GPUShuffleKind",
    "where a warp shuffle reads from", [
    I32EnumAttrCase<"idx", 0>, I32EnumAttrCase<"up", 1>,
    I32EnumAttrCase<"down", 2>, I32EnumAttrCase<"xor_", 3, "xor">]> {
  let cppNamespace = "::ember";
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

def Ember_ConstantOp : Ember_Op<"constant", [ConstantLike, Pure,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "a scalar or vector constant";
  let description = [{
    An integer, Bool or float constant of an Ember scalar type, or a vector
    of one such value in every lane.

    ```mlir
    %0 = ember.constant 42 : si64
    %1 = ember.constant 2.5 : f64
    %2 = ember.constant dense<0.0> : vector<4xf32>
    ```
  }];
  let arguments = (ins TypedAttrInterface:$value);
  let results = (outs Ember_Numeric:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Ember_StringConstantOp : Ember_Op<"string_constant", [ConstantLike, Pure]> {
  let summary = "a string literal";
  let description = [{
    ```mlir
    %s = ember.string_constant "hello"
    ```
  }];
  let arguments = (ins StrAttr:$value);
  let results = (outs Ember_StrType:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

def Ember_BinaryOp : Ember_Op<"binary", [NoMemoryEffect,
    DeclareOpInterfaceMethods<ConditionallySpeculatable>,
    SameOperandsAndResultType]> {
  let summary = "binary arithmetic with Mojo's semantics";
  let description = [{
    Integer `div` truncates toward zero and stops the program on a zero
    divisor; `floordiv` and `mod` round toward negative infinity and give 0
    for a zero divisor. `rem` is the integer remainder with the sign of the
    dividend (C's `%`, 0 for a zero divisor), which the language does not
    spell but canonicalization uses where only its zeroness matters. Float
    `floordiv` is `floor(a / b)` and float `mod` is `a - trunc(a / b) * b`
    moved into the divisor's sign. `shl`/`shr` give 0 (or the sign) for
    counts of at least the bit width and stop the program on a negative
    count. Integer ops that can stop the program (`div`, shifts) are not
    speculatable. On vectors each works lane by lane; a program stops if
    any lane would.

    ```mlir
    %q = ember.binary floordiv %a, %b : si64
    ```
  }];
  let arguments = (ins Ember_BinaryKind:$kind, Ember_Numeric:$lhs,
                       Ember_Numeric:$rhs);
  let results = (outs Ember_Numeric:$result);
  let assemblyFormat = "$kind $lhs `,` $rhs attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Ember_UnaryOp : Ember_Op<"unary", [Pure, SameOperandsAndResultType]> {
  let summary = "negation or bitwise inversion";
  let description = [{
    `neg` is arithmetic negation (wrapping for integers); `invert` is `~x`,
    and on `i1` it is logical `not`.

    ```mlir
    %n = ember.unary neg %x : f64
    ```
  }];
  let arguments = (ins Ember_UnaryKind:$kind, Ember_Numeric:$operand);
  let results = (outs Ember_Numeric:$result);
  let assemblyFormat = "$kind $operand attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Ember_CmpOp : Ember_Op<"cmp", [Pure, SameTypeOperands,
    TypesMatchWith<"the result is i1 in the shape of the operands", "lhs",
                   "result", "getI1SameShape($_self)">]> {
  let summary = "comparison of two scalars, vectors or pointers";
  let description = [{
    Signedness comes from the operand type. Float `ne` is true for NaN.
    Pointers compare as addresses; vectors lane by lane, giving a vector of
    `i1`.

    ```mlir
    %b = ember.cmp lt %a, %b : si64
    ```
  }];
  let arguments = (ins Ember_CmpPredicate:$predicate, Ember_Comparable:$lhs,
                       Ember_Comparable:$rhs);
  let results = (outs Ember_BoolLike:$result);
  let assemblyFormat = "$predicate $lhs `,` $rhs attr-dict `:` type($lhs)";
  let hasCanonicalizer = 1;
}

def Ember_CastOp : Ember_Op<"cast", [Pure]> {
  let summary = "numeric conversion between scalar or vector types";
  let description = [{
    Integers are extended by the signedness of the source and truncated by
    dropping high bits; float to integer saturates (NaN gives 0); any scalar
    to `i1` is a comparison with zero. Vectors convert lane by lane, to a
    vector of as many lanes. An integer converts to `index` to position a
    lane.

    ```mlir
    %f = ember.cast %i : si64 to f64
    ```
  }];
  let arguments = (ins Ember_Numeric:$input);
  let results = (outs AnyTypeOf<[Ember_Numeric, Index]>:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `to` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Locals
//===----------------------------------------------------------------------===//

def Ember_LocalOp : Ember_Op<"local"> {
  let summary = "storage for a local variable";
  let description = [{
    A slot that owns a value with a destructor names it: `destructor` is
    called on the whole value, or, for a `deinit` argument (whose fields
    are destroyed one by one), `field_destructors` holds one symbol per
    field (`unit` for a field with nothing to destroy).
    `ember-insert-destructors` calls them after the value's last use.

    ```mlir
    %x = ember.local "x" : !ember.ref<si64>
    %b = ember.local "b" {destructor = @ember.m.Buffer.__deinit__}
        : !ember.ref<!ember.struct<"Buffer", si64>>
    ```
  }];
  let arguments = (ins StrAttr:$name,
                   OptionalAttr<FlatSymbolRefAttr>:$destructor,
                   OptionalAttr<ArrayAttr>:$field_destructors);
  let results = (outs Ember_RefType:$ref);
  let builders = [
    OpBuilder<(ins "::mlir::Type":$ref, "::llvm::StringRef":$name), [{
      build($_builder, $_state, ref, name, nullptr, nullptr);
    }]>
  ];
  let assemblyFormat = "$name attr-dict `:` type($ref)";
}

def Ember_LoadOp : Ember_Op<"load", [
    TypesMatchWith<"result type is the element type of the ref", "ref",
                   "result", "::llvm::cast<RefType>($_self).getElementType()">]> {
  let summary = "read a local";
  let description = [{
    ```mlir
    %v = ember.load %x : !ember.ref<si64>
    ```
  }];
  let arguments = (ins Ember_RefType:$ref);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$ref attr-dict `:` type($ref)";
}

def Ember_MoveOp : Ember_Op<"move", [
    TypesMatchWith<"result type is the element type of the ref", "ref",
                   "result", "::llvm::cast<RefType>($_self).getElementType()">]> {
  let summary = "take the value out of a local, leaving it uninitialized";
  let description = [{
    The transfer `x^`: reads the value like `ember.load`, and ends the
    slot's value there, so that `ember-check-init` rejects later reads.

    ```mlir
    %v = ember.move %x : !ember.ref<!ember.struct<"Token", si64>>
    ```
  }];
  let arguments = (ins Ember_RefType:$ref);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$ref attr-dict `:` type($ref)";
}

def Ember_StoreOp : Ember_Op<"store", [
    TypesMatchWith<"value type is the element type of the ref", "ref",
                   "value", "::llvm::cast<RefType>($_self).getElementType()">]> {
  let summary = "write a local";
  let description = [{
    A value with a destructor names it, so that `ember-insert-destructors`
    destroys the value it replaces where the storage may still hold one
    (a field of a variable, a `mut` argument).

    ```mlir
    ember.store %v, %x : !ember.ref<si64>
    ```
  }];
  let arguments = (ins AnyType:$value, Ember_RefType:$ref,
                   OptionalAttr<FlatSymbolRefAttr>:$destructor);
  let builders = [
    OpBuilder<(ins "::mlir::Value":$value, "::mlir::Value":$ref), [{
      build($_builder, $_state, value, ref, nullptr);
    }]>
  ];
  let assemblyFormat = "$value `,` $ref attr-dict `:` type($ref)";
}

def Ember_DestroyOp : Ember_Op<"destroy"> {
  let summary = "end the life of the value in storage";
  let description = [{
    Calls `destructor` with the value that `ref` holds, which holds none
    afterwards. IRGen never emits it: `ember-insert-destructors` places it
    after the last use of each value.

    ```mlir
    ember.destroy %b with @ember.m.Buffer.__deinit__
        : !ember.ref<!ember.struct<"Buffer", si64>>
    ```
  }];
  let arguments = (ins Ember_RefType:$ref, FlatSymbolRefAttr:$destructor);
  let assemblyFormat = "$ref `with` $destructor attr-dict `:` type($ref)";
}

//===----------------------------------------------------------------------===//
// Pointers
//===----------------------------------------------------------------------===//

def Ember_AllocOp : Ember_Op<"alloc"> {
  let summary = "heap memory for `count` values of the element type";
  let description = [{
    `alloc[T](count)`. The memory holds no values yet. Running out of
    memory stops the program with a message. It is aligned for the
    element type, or to `alignment` bytes where that is more.

    ```mlir
    %p = ember.alloc %n : !ember.ptr<si64>
    %q = ember.alloc %n {alignment = 64 : i64} : !ember.ptr<f64>
    ```
  }];
  let arguments = (ins SI64:$count, OptionalAttr<I64Attr>:$alignment);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat = "$count attr-dict `:` type($result)";
}

def Ember_StackAllocOp : Ember_Op<"stack_alloc"> {
  let summary = "memory for `count` values, for as long as the function runs";
  let description = [{
    `stack_allocation[count, T]()`: on the stack; with `shared`
    (`address_space=AddressSpace.SHARED`), in the shared memory of the GPU
    block that runs the kernel, the same memory for all its threads.

    ```mlir
    %tile = ember.stack_alloc 256 shared : !ember.ptr<f32>
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntPositive]>:$count,
                       UnitAttr:$shared);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat = "$count (`shared` $shared^)? attr-dict `:` type($result)";
}

def Ember_AtomicRMWOp : Ember_Op<"atomic_rmw", [
    AllTypesMatch<["value", "result"]>]> {
  let summary = "change a value in memory atomically, giving the old value";
  let description = [{
    `Atomic.fetch_add(ptr, value)` and the like: no other thread sees the
    value in between. On the host the order is sequentially consistent; on
    a GPU relaxed, as CUDA's `atomicAdd`.

    ```mlir
    %old = ember.atomic_rmw add %counts, %one : !ember.ptr<si32>, si32
    ```
  }];
  let arguments = (ins Ember_AtomicKind:$kind, Ember_PtrType:$pointer,
                       Ember_Scalar:$value);
  let results = (outs Ember_Scalar:$result);
  let assemblyFormat = [{
    $kind $pointer `,` $value attr-dict `:` type($pointer) `,` type($value)
  }];
}

def Ember_FreeOp : Ember_Op<"free"> {
  let summary = "give back memory from `ember.alloc`";
  let arguments = (ins Ember_PtrType:$pointer);
  let assemblyFormat = "$pointer attr-dict `:` type($pointer)";
}

def Ember_NullOp : Ember_Op<"null", [Pure]> {
  let summary = "the pointer (or reference) to nothing";
  let results = (outs AnyTypeOf<[Ember_PtrType, Ember_RefType]>:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Ember_LoadLanesOp : Ember_Op<"load_lanes"> {
  let summary = "read consecutive values at a pointer into one vector";
  let description = [{
    `p.load[width=w]()`: the `w` values from `pointer` on, as the lanes of
    a vector. The address need only be aligned as one value is.

    ```mlir
    %v = ember.load_lanes %p : !ember.ptr<f32> -> vector<8xf32>
    ```
  }];
  let arguments = (ins Ember_PtrType:$pointer);
  let results = (outs Ember_Vector:$result);
  let assemblyFormat = "$pointer attr-dict `:` type($pointer) `->` type($result)";
  let hasVerifier = 1;
}

def Ember_StoreLanesOp : Ember_Op<"store_lanes"> {
  let summary = "write the lanes of a vector to consecutive values";
  let description = [{
    `p.store(v)` of a vector `v`: its lanes go to the values from `pointer`
    on, aligned only as one value is.

    ```mlir
    ember.store_lanes %v, %p : vector<8xf32>, !ember.ptr<f32>
    ```
  }];
  let arguments = (ins Ember_Vector:$value, Ember_PtrType:$pointer);
  let assemblyFormat =
      "$value `,` $pointer attr-dict `:` type($value) `,` type($pointer)";
  let hasVerifier = 1;
}

def Ember_PtrOffsetOp : Ember_Op<"ptr_offset", [Pure,
    AllTypesMatch<["pointer", "result"]>]> {
  let summary = "the address `offset` elements further";
  let description = [{
    ```mlir
    %q = ember.ptr_offset %p, %i : !ember.ptr<si64>
    ```
  }];
  let arguments = (ins Ember_PtrType:$pointer, SI64:$offset);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat = "$pointer `,` $offset attr-dict `:` type($result)";
}

def Ember_PtrElementOp : Ember_Op<"ptr_element", [Pure,
    TypesMatchWith<"result is a ref to the pointer's element type", "pointer",
                   "result",
                   "RefType::get($_self.getContext(), ::llvm::cast<PtrType>($_self).getElementType())">]> {
  let summary = "the storage of element `index`, as `p[i]`";
  let description = [{
    ```mlir
    %r = ember.ptr_element %p[%i] : !ember.ptr<si64>
    ```
  }];
  let arguments = (ins Ember_PtrType:$pointer, SI64:$index);
  let results = (outs Ember_RefType:$result);
  let assemblyFormat = "$pointer `[` $index `]` attr-dict `:` type($pointer)";
}

def Ember_AddressOfOp : Ember_Op<"address_of", [Pure]> {
  let summary = "a pointer to storage";
  let description = [{
    The address of a slot, as a pointer to its values: a variadic call's
    arguments, stored as the fields of one slot, are a pointer to the
    first of them.

    ```mlir
    %p = ember.address_of %args : !ember.ref<!ember.struct<"args", si64, si64>> -> !ember.ptr<si64>
    ```
  }];
  let arguments = (ins Ember_RefType:$ref);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat = "$ref attr-dict `:` type($ref) `->` type($result)";
}

def Ember_DerivedRefOp : Ember_Op<"derived_ref", [Pure,
    AllTypesMatch<["ref", "result"]>]> {
  let summary = "a reference a callee returned into the value of `origin`";
  let description = [{
    A function that returns a reference (`-> ref[self] T`) returns one into
    the value of an argument, its origin. The result is `ref` itself; it
    keeps the origin's value in use: `ember-insert-destructors` counts each
    use of the result as a use of `origin`, and a store through it writes
    inside that value rather than replacing it.

    ```mlir
    %e = ember.derived_ref %r from %list : !ember.ref<si64>, !ember.ref<!ember.struct<"List", !ember.ptr<si64>, si64, si64>>
    ```
  }];
  let arguments = (ins Ember_RefType:$ref, Ember_RefType:$origin);
  let results = (outs Ember_RefType:$result);
  let assemblyFormat =
      "$ref `from` $origin attr-dict `:` type($ref) `,` type($origin)";
}

def Ember_PtrCastOp : Ember_Op<"ptr_cast", [Pure]> {
  let summary = "the same address, of values of another type (`bitcast`)";
  let arguments = (ins Ember_PtrType:$pointer);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat =
      "$pointer attr-dict `:` type($pointer) `to` type($result)";
}

def Ember_PtrToIntOp : Ember_Op<"ptr_to_int", [Pure]> {
  let summary = "the address as an integer (`Int(p)`)";
  let arguments = (ins Ember_PtrType:$pointer);
  let results = (outs SI64:$result);
  let assemblyFormat = "$pointer attr-dict `:` type($pointer)";
}

def Ember_CopyMemoryOp : Ember_Op<"copy_memory"> {
  let summary = "copy `count` elements' bits, as `memcpy`";
  let arguments = (ins Ember_PtrType:$dest, Ember_PtrType:$source,
                       SI64:$count);
  let assemblyFormat =
      "$dest `,` $source `,` $count attr-dict `:` type($dest) `,` type($source)";
}

def Ember_StrDataOp : Ember_Op<"str_data", [Pure]> {
  let summary = "the address of a string literal's bytes";
  let arguments = (ins Ember_StrType:$string);
  let results = (outs Ember_PtrType:$result);
  let assemblyFormat = "$string attr-dict `:` type($result)";
}

def Ember_StrLengthOp : Ember_Op<"str_length", [Pure]> {
  let summary = "the number of bytes of a string literal";
  let arguments = (ins Ember_StrType:$string);
  let results = (outs SI64:$result);
  let assemblyFormat = "$string attr-dict";
}

def Ember_MakeStrOp : Ember_Op<"make_str", [Pure]> {
  let summary = "a string view of `length` bytes at an address";
  let description = [{
    What `print` receives for a `String`: its bytes, as a `!ember.str`.
  }];
  let arguments = (ins Ember_PtrType:$data, SI64:$length);
  let results = (outs Ember_StrType:$result);
  let assemblyFormat = "$data `,` $length attr-dict `:` type($data)";
}

//===----------------------------------------------------------------------===//
// Structs
//===----------------------------------------------------------------------===//

def Ember_FieldRefOp : Ember_Op<"field_ref", [Pure]> {
  let summary = "the storage of one field of a struct in storage";
  let description = [{
    From the slot of a struct, the slot of its field `index`, to read or
    write that field in place.

    ```mlir
    %x = ember.field_ref %p[0] : !ember.ref<!ember.struct<"Point", si64, si64>> -> !ember.ref<si64>
    ```
  }];
  let arguments = (ins Ember_RefType:$base, I64Attr:$index);
  let results = (outs Ember_RefType:$result);
  let assemblyFormat =
      "$base `[` $index `]` attr-dict `:` type($base) `->` type($result)";
  let hasVerifier = 1;
}

def Ember_ExtractOp : Ember_Op<"extract", [Pure]> {
  let summary = "one field of a struct value";
  let description = [{
    ```mlir
    %x = ember.extract %p[0] : !ember.struct<"Point", si64, si64> -> si64
    ```
  }];
  let arguments = (ins Ember_StructType:$value, I64Attr:$index);
  let results = (outs AnyType:$result);
  let assemblyFormat =
      "$value `[` $index `]` attr-dict `:` type($value) `->` type($result)";
  let hasVerifier = 1;
}

def Ember_ZeroOp : Ember_Op<"zero", [Pure]> {
  let summary = "the value whose bits are all zero";
  let description = [{
    What a slot of a struct type holds before its first store.

    ```mlir
    %z = ember.zero : !ember.struct<"Point", si64, si64>
    ```
  }];
  let results = (outs Ember_StructType:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Runtime services
//===----------------------------------------------------------------------===//

def Ember_PrintOp : Ember_Op<"print"> {
  let summary = "print values like Python's `print`";
  let description = [{
    Writes the values separated by `sep` and followed by `end` to standard
    output. Floats print in their shortest round-trip form.

    ```mlir
    ember.print %a, %s : si64, !ember.str sep %space end %newline
    ```
  }];
  let arguments = (ins Variadic<Ember_Printable>:$values, Ember_StrType:$sep,
                       Ember_StrType:$end);
  let assemblyFormat = [{
    ($values^ `:` type($values))? `sep` $sep `end` $end attr-dict
  }];
}

def Ember_FormatOp : Ember_Op<"format"> {
  let summary = "write a scalar's text, as `print` would, into a buffer";
  let description = [{
    Writes the text of `value` into `buffer`, which has room for 48 bytes,
    and gives its length. The library's `String` formats numbers with it.

    ```mlir
    %n = ember.format %x, %buffer : f64
    ```
  }];
  let arguments = (ins Ember_Scalar:$value, Ember_PtrType:$buffer);
  let results = (outs SI64:$length);
  let assemblyFormat = "$value `,` $buffer attr-dict `:` type($value) `,` type($buffer)";
}

def Ember_CheckOp : Ember_Op<"check"> {
  let summary = "stop the program with a message unless a condition holds";
  let description = [{
    A run-time check: when `condition` is false the program prints
    `file:line:col: error: <message>` and exits with status 1.

    ```mlir
    ember.check %nonzero, "`range` step must not be zero"
    ```
  }];
  let arguments = (ins I1:$condition, StrAttr:$message);
  let assemblyFormat = "$condition `,` $message attr-dict";
}

def Ember_RuntimeChecksOp : Ember_Op<"runtime_checks", [Pure]> {
  let summary = "whether the program checks at run time";
  let description = [{
    True unless the program is built without run-time checks
    (`--no-runtime-checks`, `-D ASSERT=none`), which the module's
    `ember.runtime_checks` attribute records. The library's own checks
    (an index out of range) test it.

    ```mlir
    %on = ember.runtime_checks
    ```
  }];
  let results = (outs I1:$result);
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// Parallelism
//===----------------------------------------------------------------------===//

def Ember_ParallelOp : Ember_Op<"parallel", [IsolatedFromAbove,
    AttrSizedOperandSegments]> {
  let summary = "run a body once per work item, on all threads";
  let description = [{
    `parallelize[work](count, workers)`: the body runs for each index in
    `0..count`, on `workers` threads (the default without one), items
    handed out one at a time as threads become free. The body sees only
    its block arguments: the index, then `captures` (what the work item
    reads or changes outside, by reference), so that the ownership checks
    see the parallel op use them.

    ```mlir
    ember.parallel %n captures(%total : !ember.ref<si64>) {
    ^bb0(%i: si64, %t: !ember.ref<si64>):
      func.call @work(%i, %t) : (si64, !ember.ref<si64>) -> ()
      ember.yield
    }
    ```
  }];
  let arguments = (ins SI64:$count, Optional<SI64>:$workers,
                       Variadic<AnyType>:$captures);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $count (`workers` $workers^)? (`captures` `(` $captures^ `:`
    type($captures) `)`)? $body attr-dict
  }];
  let hasVerifier = 1;
}

def Ember_YieldOp : Ember_Op<"yield", [Pure, Terminator,
    HasParent<"ParallelOp">]> {
  let summary = "the end of a work item";
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// GPU kernels
//===----------------------------------------------------------------------===//

def Ember_GPUIndexOp : Ember_Op<"gpu_index", [Pure]> {
  let summary = "the running GPU thread's position in one dimension";
  let description = [{
    `thread_idx.x` and the like in a kernel: the thread's index in its
    block, the block's in the grid, or the block's or the grid's size, in
    dimension `dim` (0, 1, 2 for x, y, z); or the thread's lane in its
    warp (`lane_id`, dimension 0). On a GPU it reads the special
    register; in the emulator, the position the scheduler set.

    ```mlir
    %tid = ember.gpu_index thread_idx 0 : ui64
    ```
  }];
  let arguments = (ins Ember_GPUIndexKind:$kind,
                       ConfinedAttr<I64Attr, [IntMinValue<0>, IntMaxValue<2>]>:$dim);
  let results = (outs UI64:$result);
  let assemblyFormat = "$kind $dim attr-dict `:` type($result)";
}

def Ember_GPUShuffleOp : Ember_Op<"gpu_shuffle",
    [AllTypesMatch<["value", "result"]>]> {
  let summary = "a value of another thread of the warp";
  let description = [{
    Every thread of the warp gives `value` and gets the value of the lane
    `kind` names: lane `operand` (`idx`), the lane `operand` below (`up`)
    or above (`down`) its own, or its own lane xor `operand` (`xor`). Where
    that lane is outside the warp, the thread gets its own value. Numbers
    of up to 64 bits.

    ```mlir
    %other = ember.gpu_shuffle xor %v, %mask : f32
    ```
  }];
  let arguments = (ins Ember_GPUShuffleKind:$kind, Ember_Scalar:$value,
                       UI32:$operand);
  let results = (outs Ember_Scalar:$result);
  let assemblyFormat = "$kind $value `,` $operand attr-dict `:` type($value)";
}

def Ember_GPUBarrierOp : Ember_Op<"gpu_barrier"> {
  let summary = "wait until every thread of the block has reached here";
  let description = [{
    `barrier()`: also makes each thread's writes to shared memory visible
    to the others of its block.

    ```mlir
    ember.gpu_barrier
    ```
  }];
  let assemblyFormat = "attr-dict";
}

def Ember_GPULaunchOp : Ember_Op<"gpu_launch", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "run a kernel on a device context's GPU";
  let description = [{
    `ctx.enqueue_function[kernel](args..., grid_dim=..., block_dim=...)`:
    queues `kernel` (a function marked `ember.kernel`) on the context
    `handle`, over a grid of blocks `grid` (x, y, z) of `block` threads
    each, with `shared` bytes of dynamic shared memory per block. A failure
    is left in the context, which the library checks.

    ```mlir
    ember.gpu_launch @add on %ctx grid(%g, %one, %one) block(%b, %one, %one)
        shared(%zero) args(%x, %n : !ember.ptr<f32>, si64)
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$kernel, Ember_PtrType:$handle,
                       SI64:$gridX, SI64:$gridY, SI64:$gridZ,
                       SI64:$blockX, SI64:$blockY, SI64:$blockZ,
                       SI64:$shared, Variadic<AnyType>:$args);
  let assemblyFormat = [{
    $kernel `on` $handle `grid` `(` $gridX `,` $gridY `,` $gridZ `)`
    `block` `(` $blockX `,` $blockY `,` $blockZ `)` `shared` `(` $shared `)`
    (`args` `(` $args^ `:` type($args) `)`)? attr-dict `:` type($handle)
  }];
}

def Ember_ExitOp : Ember_Op<"exit"> {
  let summary = "end the program with an exit status";
  let description = [{
    Flushes the output and ends the process.

    ```mlir
    ember.exit %code : si64
    ```
  }];
  let arguments = (ins SI64:$code);
  let assemblyFormat = "$code attr-dict `:` type($code)";
}

def Ember_FailOp : Ember_Op<"fail"> {
  let summary = "stop the program with a message";
  let description = [{
    Writes the `length` bytes at `data` and a newline to standard error and
    exits with status 1: how the library reports a misuse it detects at
    run time, such as an index out of range.

    ```mlir
    ember.fail %data, %length : !ember.ptr<ui8>
    ```
  }];
  let arguments = (ins Ember_PtrType:$data, SI64:$length);
  let assemblyFormat = "$data `,` $length attr-dict `:` type($data)";
}

def Ember_FailFormatOp : Ember_Op<"fail_format"> {
  let summary = "stop the program with a message made of values";
  let description = [{
    Writes `format` with each `{}` replaced by the next value (an integer
    or a string) and a newline to standard error, and exits with status 1.
    Unlike `ember.fail` it needs no memory for the text, so the library's
    run-time checks work in GPU kernels too, where it prints the message
    and traps.

    ```mlir
    ember.fail_format "index {} of {}" (%i, %kind : si64, !ember.str)
    ```
  }];
  let arguments = (ins StrAttr:$format,
                       Variadic<AnyTypeOf<[AnyInteger, Ember_StrType]>>:$values);
  let assemblyFormat = [{
    $format ` ` `(` ($values^ `:` type($values))? `)` attr-dict
  }];
  let hasVerifier = 1;
}

#endif // EMBER_OPS
