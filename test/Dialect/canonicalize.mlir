// RUN: %ember-opt %s -canonicalize | FileCheck %s

// A floored remainder compared with zero becomes a truncated remainder.
// CHECK-LABEL: func.func @divisible(
func.func @divisible(%a: si64, %b: si64) -> i1 {
  // CHECK: %[[R:.*]] = ember.binary rem %arg0, %arg1 : si64
  // CHECK: ember.cmp eq %[[R]], %{{.*}} : si64
  // CHECK-NOT: mod
  %zero = ember.constant 0 : si64
  %m = ember.binary mod %a, %b : si64
  %c = ember.cmp eq %m, %zero : si64
  return %c : i1
}

// Any other comparison keeps the floored remainder.
// CHECK-LABEL: func.func @negative(
func.func @negative(%a: si64, %b: si64) -> i1 {
  // CHECK: ember.binary mod
  %zero = ember.constant 0 : si64
  %m = ember.binary mod %a, %b : si64
  %c = ember.cmp lt %m, %zero : si64
  return %c : i1
}

// A cast to the same type folds away.
// CHECK-LABEL: func.func @same_cast(
func.func @same_cast(%a: f64) -> f64 {
  // CHECK-NEXT: return %arg0
  %0 = ember.cast %a : f64 to f64
  return %0 : f64
}
