// RUN: %ember-opt %s --convert-ember-to-standard | FileCheck %s

// CHECK-DAG: llvm.mlir.global private constant @[[STR:str\.[0-9a-f]+]]("hi\00")
// CHECK-DAG: func.func private @ember_rt_print_str(!llvm.ptr, i64)
// CHECK-DAG: func.func private @ember_rt_print_i64(i64)
// CHECK-DAG: func.func private @ember_rt_print_bool(i32)

// CHECK-LABEL: func.func @print(
func.func @print(%a: si8, %b: i1) {
  // CHECK: %[[SLOT:.*]] = llvm.alloca %{{.*}} x i8
  // CHECK: llvm.store %{{.*}}, %[[SLOT]]
  // CHECK: %[[V:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> i8
  // CHECK: llvm.mlir.addressof @[[STR]]
  // CHECK: %[[WIDE:.*]] = arith.extsi %[[V]] : i8 to i64
  // CHECK: call @ember_rt_print_i64(%[[WIDE]])
  // CHECK: call @ember_rt_print_str
  // CHECK: arith.extui %{{.*}} : i1 to i32
  // CHECK: call @ember_rt_print_bool
  // The empty `end` prints nothing.
  // CHECK-NOT: call
  // CHECK: return
  %slot = ember.local "a" : !ember.ref<si8>
  ember.store %a, %slot : !ember.ref<si8>
  %v = ember.load %slot : !ember.ref<si8>
  %sep = ember.string_constant "hi"
  %end = ember.string_constant ""
  ember.print %v, %b : si8, i1 sep %sep end %end
  return
}

// CHECK-LABEL: func.func @exit(
// CHECK: call @ember_rt_exit
func.func @exit(%code: si64) {
  ember.exit %code : si64
  return
}
