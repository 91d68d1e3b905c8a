// The whole CPU pipeline leaves only the LLVM dialect.
// RUN: %ember-opt %s --ember-to-llvm | FileCheck %s
// CHECK-LABEL: llvm.func @twice(
// CHECK-SAME:      %{{.*}}: i64) -> i64
// CHECK:         llvm.add
// CHECK-NOT:     ember.
// CHECK-NOT:     unrealized_conversion_cast
func.func @twice(%a: si64) -> si64 {
  %0 = ember.binary add %a, %a : si64
  return %0 : si64
}
