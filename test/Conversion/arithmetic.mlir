// RUN: %ember-opt %s --convert-ember-to-standard | FileCheck %s

// A zero divisor makes `//` give 0, without a run-time check.
// CHECK-LABEL: func.func @floordiv(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK:         %[[ISZERO:.*]] = arith.cmpi eq, %[[B]], %[[ZERO]] : i64
// CHECK-NOT:     ember_rt_fail
// CHECK:         arith.remsi
// CHECK:         arith.divsi
// CHECK:         %[[R:.*]] = arith.select %[[ISZERO]], %[[ZERO]], %{{.*}} : i64
// CHECK:         return %[[R]]
func.func @floordiv(%a: si64, %b: si64) -> si64 {
  %0 = ember.binary floordiv %a, %b : si64
  return %0 : si64
}

// `/` truncates and stops the program on a zero divisor.
// CHECK-LABEL: func.func @truncdiv(
// CHECK-SAME:      %[[A:.*]]: i64, %[[B:.*]]: i64) -> i64
// CHECK:         %[[NZ:.*]] = arith.cmpi ne, %[[B]], %{{.*}} : i64
// CHECK:         cf.cond_br %[[NZ]], ^[[OK:bb[0-9]+]], ^[[FAIL:bb[0-9]+]]
// CHECK:       ^[[FAIL]]:
// CHECK:         call @ember_rt_fail
// CHECK:         llvm.unreachable
// CHECK:       ^[[OK]]:
// CHECK:         arith.divsi
// CHECK-NOT:     arith.remsi
// CHECK:         return
func.func @truncdiv(%a: si64, %b: si64) -> si64 {
  %0 = ember.binary div %a, %b : si64
  return %0 : si64
}

// Float `%` is computed inline: `a - trunc(a / b) * b`, sign-adjusted.
// CHECK-LABEL: func.func @float_mod(
// CHECK:         arith.divf
// CHECK:         math.trunc
// CHECK:         arith.mulf
// CHECK:         arith.subf
// CHECK:         arith.select
// CHECK-LABEL: func.func @float_floordiv(
// CHECK:         %[[Q:.*]] = arith.divf
// CHECK:         math.floor %[[Q]]
func.func @float_mod(%a: f64, %b: f64) -> f64 {
  %0 = ember.binary mod %a, %b : f64
  return %0 : f64
}
func.func @float_floordiv(%a: f64, %b: f64) -> f64 {
  %0 = ember.binary floordiv %a, %b : f64
  return %0 : f64
}

// CHECK-LABEL: func.func @unsigned_cmp(
// CHECK:         arith.cmpi ult
func.func @unsigned_cmp(%a: ui32, %b: ui32) -> i1 {
  %0 = ember.cmp lt %a, %b : ui32
  return %0 : i1
}

// CHECK-LABEL: func.func @float_ne(
// CHECK:         arith.cmpf une
func.func @float_ne(%a: f64, %b: f64) -> i1 {
  %0 = ember.cmp ne %a, %b : f64
  return %0 : i1
}

// Float to integer saturates and maps NaN to 0.
// CHECK-LABEL: func.func @float_to_int(
// CHECK:         arith.fptosi
// CHECK:         arith.cmpf oge
// CHECK:         arith.cmpf olt
// CHECK:         arith.cmpf uno
// CHECK-COUNT-3: arith.select
func.func @float_to_int(%a: f64) -> si32 {
  %0 = ember.cast %a : f64 to si32
  return %0 : si32
}

// CHECK-LABEL: func.func @widen(
// CHECK:         arith.extui %{{.*}} : i8 to i64
// CHECK:         arith.extsi %{{.*}} : i8 to i64
func.func @widen(%a: ui8, %b: si8) -> (si64, si64) {
  %0 = ember.cast %a : ui8 to si64
  %1 = ember.cast %b : si8 to si64
  return %0, %1 : si64, si64
}

// CHECK-LABEL: func.func @power(
// CHECK:         call @ember_rt_pow_i64
// CHECK:         math.powf
func.func @power(%a: si64, %f: f64) -> (si64, f64) {
  %0 = ember.binary pow %a, %a : si64
  %1 = ember.binary pow %f, %f : f64
  return %0, %1 : si64, f64
}

// Block arguments of every block change type, not only the entry block's.
// CHECK-LABEL: func.func @blocks(
// CHECK:       ^bb1(%{{.*}}: i64):
func.func @blocks(%a: si64) -> si64 {
  cf.br ^bb1(%a : si64)
^bb1(%x: si64):
  return %x : si64
}
