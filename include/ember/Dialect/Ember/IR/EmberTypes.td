//===- EmberTypes.td - Ember dialect types ------------------*- tablegen -*-===//

#ifndef EMBER_TYPES
#define EMBER_TYPES

include "ember/Dialect/Ember/IR/EmberDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

class Ember_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<Ember_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def Ember_RefType : Ember_Type<"Ref", "ref"> {
  let summary = "a mutable slot holding one value";
  let description = [{
    The storage of a local variable. `ember.local` creates one,
    `ember.load` and `ember.store` read and write it.

    ```mlir
    %x = ember.local : !ember.ref<si64>
    ```
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Ember_PtrType : Ember_Type<"Ptr", "ptr"> {
  let summary = "the address of values of one type, as `UnsafePointer[T]`";
  let description = [{
    A pointer to memory that holds (or will hold) values of its element
    type, one after another: `ember.ptr_element` reaches one of them as a
    `!ember.ref`, `ember.ptr_offset` moves the address.

    ```mlir
    !ember.ptr<si64>
    ```
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
}

def Ember_StrType : Ember_Type<"Str", "str"> {
  let summary = "an immutable string literal (UTF-8 bytes and a length)";
  let description = [{
    The type of `StringLiteral` values, e.g. `!ember.str`.
  }];
}

def Ember_StructType : Ember_Type<"StructValue", "struct"> {
  let summary = "a value of a struct: its fields, in order";
  let description = [{
    The value of a `struct` declaration, named for readability. Its fields
    are read with `ember.extract` or, in storage, reached with
    `ember.field_ref`.

    ```mlir
    !ember.struct<"Point", si64, si64>
    !ember.struct<"Empty">
    ```
  }];
  let parameters = (ins StringRefParameter<"the struct's name">:$name,
                        ArrayRefParameter<"::mlir::Type", "field types">:$fields);
  let hasCustomAssemblyFormat = 1;
}

/// Ember's scalar values: Bool (i1), signed and unsigned integers, floats.
def Ember_Integer : AnyTypeOf<[I1, SI8, SI16, SI32, SI64, UI8, UI16, UI32, UI64],
                              "Ember integer or Bool">;
def Ember_Float : AnyTypeOf<[F16, BF16, F32, F64], "Ember float">;
def Ember_Scalar : AnyTypeOf<[Ember_Integer, Ember_Float], "Ember scalar">;
/// A SIMD vector of Ember scalars (`SIMD[dtype, width]`, width > 1).
def Ember_Vector : FixedVectorOfRankAndType<[1], [Ember_Integer, Ember_Float]>;
/// What arithmetic works on: a scalar, or a vector lane by lane.
def Ember_Numeric : AnyTypeOf<[Ember_Scalar, Ember_Vector],
                              "Ember scalar or SIMD vector">;
def Ember_BoolLike : AnyTypeOf<[I1, FixedVectorOfRankAndType<[1], [I1]>],
                               "Bool or a vector of them">;
def Ember_Comparable : AnyTypeOf<[Ember_Numeric, Ember_PtrType],
                                 "Ember scalar, vector or pointer">;
def Ember_Printable : AnyTypeOf<[Ember_Scalar, Ember_StrType],
                                "printable Ember value">;

#endif // EMBER_TYPES
