// RUN: %ember-opt %s --convert-ember-to-standard | FileCheck %s

// A struct becomes a literal LLVM struct; a field in storage is a GEP, a
// field of a value an `extractvalue`.
// CHECK-LABEL: func.func @fields(
// CHECK-SAME:      %[[V:.*]]: !llvm.struct<(i64, f64)>) -> f64
// CHECK:         %[[SLOT:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(i64, f64)>
// CHECK:         %[[ZERO:.*]] = llvm.mlir.zero : !llvm.struct<(i64, f64)>
// CHECK:         llvm.store %[[ZERO]], %[[SLOT]]
// CHECK:         %[[FIELD:.*]] = llvm.getelementptr inbounds %[[SLOT]][0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i64, f64)>
// CHECK:         llvm.load %[[FIELD]] : !llvm.ptr -> f64
// CHECK:         llvm.extractvalue %[[V]][1] : !llvm.struct<(i64, f64)>
func.func @fields(%v: !ember.struct<"Pair", si64, f64>) -> f64 {
  %slot = ember.local "p" : <!ember.struct<"Pair", si64, f64>>
  %zero = ember.zero : <"Pair", si64, f64>
  ember.store %zero, %slot : <!ember.struct<"Pair", si64, f64>>
  %ref = ember.field_ref %slot[1] : <!ember.struct<"Pair", si64, f64>> -> <f64>
  %a = ember.load %ref : <f64>
  %b = ember.extract %v[1] : <"Pair", si64, f64> -> f64
  %sum = ember.binary add %a, %b : f64
  return %sum : f64
}

// Nested structs convert recursively.
// CHECK-LABEL: func.func @nested(
// CHECK-SAME:      !llvm.struct<(struct<(i64, f64)>, i8)>
func.func @nested(%v: !ember.struct<"Outer", !ember.struct<"Pair", si64, f64>, ui8>) {
  return
}
