// Every ember op survives a print/parse round trip.
// RUN: %ember-opt %s | %ember-opt | FileCheck %s

// CHECK-LABEL: func.func @ops(
func.func @ops(%a: si64, %b: si64, %f: f64, %u: ui8) -> si64 {
  // CHECK: ember.constant 42 : si64
  %c = ember.constant 42 : si64
  // CHECK: ember.string_constant "hi"
  %s = ember.string_constant "hi"
  // CHECK: ember.binary floordiv %{{.*}}, %{{.*}} : si64
  %q = ember.binary floordiv %a, %b : si64
  // CHECK: ember.binary bit_xor %{{.*}}, %{{.*}} : ui8
  %x = ember.binary bit_xor %u, %u : ui8
  // CHECK: ember.unary neg %{{.*}} : f64
  %n = ember.unary neg %f : f64
  // CHECK: ember.cmp le %{{.*}}, %{{.*}} : si64
  %le = ember.cmp le %a, %b : si64
  // CHECK: ember.cast %{{.*}} : ui8 to f64
  %uf = ember.cast %u : ui8 to f64
  // CHECK: ember.local "v" : <si64>
  %v = ember.local "v" : !ember.ref<si64>
  // CHECK: ember.store %{{.*}}, %{{.*}} : <si64>
  ember.store %q, %v : !ember.ref<si64>
  // CHECK: ember.load %{{.*}} : <si64>
  %l = ember.load %v : !ember.ref<si64>
  // CHECK: ember.check %{{.*}}, "must hold"
  ember.check %le, "must hold"
  // CHECK: ember.print %{{.*}}, %{{.*}} : si64, !ember.str sep %{{.*}} end %{{.*}}
  ember.print %l, %s : si64, !ember.str sep %s end %s
  // CHECK: ember.exit %{{.*}} : si64
  ember.exit %c : si64
  return %l : si64
}

// CHECK-LABEL: func.func @structs(
// CHECK:         ember.field_ref %{{.*}}[1] : <!ember.struct<"Pair", si64, f64>> -> <f64>
// CHECK:         ember.extract %{{.*}}[0] : <"Pair", si64, f64> -> si64
// CHECK:         ember.zero : <"Empty">
func.func @structs(%slot: !ember.ref<!ember.struct<"Pair", si64, f64>>,
                   %value: !ember.struct<"Pair", si64, f64>) -> si64 {
  %f = ember.field_ref %slot[1] : <!ember.struct<"Pair", si64, f64>> -> <f64>
  %x = ember.extract %value[0] : <"Pair", si64, f64> -> si64
  %e = ember.zero : <"Empty">
  return %x : si64
}

// CHECK-LABEL: func.func @references(
// CHECK:         ember.derived_ref %{{.*}} from %{{.*}} : <si64>, <!ember.struct<"Pair", si64, f64>>
// CHECK:         ember.null : !ember.ref<si64>
func.func @references(%slot: !ember.ref<!ember.struct<"Pair", si64, f64>>,
                      %element: !ember.ref<si64>) -> !ember.ref<si64> {
  %d = ember.derived_ref %element from %slot : !ember.ref<si64>, !ember.ref<!ember.struct<"Pair", si64, f64>>
  %n = ember.null : !ember.ref<si64>
  return %d : !ember.ref<si64>
}
