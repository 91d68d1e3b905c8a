// RUN: %ember-opt %s -split-input-file -verify-diagnostics

func.func @shift_on_floats(%a: f64) -> f64 {
  // expected-error @+1 {{`shl` needs integer operands}}
  %0 = ember.binary shl %a, %a : f64
  return %0 : f64
}

// -----

func.func @arith_on_bool(%a: i1) -> i1 {
  // expected-error @+1 {{`i1` operands only allow bitwise and/or/xor}}
  %0 = ember.binary add %a, %a : i1
  return %0 : i1
}

// -----

func.func @invert_float(%a: f32) -> f32 {
  // expected-error @+1 {{`invert` needs an integer operand}}
  %0 = ember.unary invert %a : f32
  return %0 : f32
}

// -----

func.func @signless_int(%a: i64) -> i64 {
  // expected-error @+1 {{must be Ember scalar}}
  %0 = ember.binary add %a, %a : i64
  return %0 : i64
}

// -----

func.func @store_type(%a: si64, %r: !ember.ref<f64>) {
  // expected-error @+1 {{value type is the element type of the ref}}
  "ember.store"(%a, %r) : (si64, !ember.ref<f64>) -> ()
  return
}

// -----

func.func @field_out_of_range(%v: !ember.struct<"Pair", si64, f64>) -> si64 {
  // expected-error @+1 {{field index 2 is out of range for '!ember.struct<"Pair", si64, f64>'}}
  %x = ember.extract %v[2] : <"Pair", si64, f64> -> si64
  return %x : si64
}

// -----

func.func @field_wrong_type(%r: !ember.ref<!ember.struct<"Pair", si64, f64>>) {
  // expected-error @+1 {{result must be a ref to the field type 'f64'}}
  %x = ember.field_ref %r[1] : <!ember.struct<"Pair", si64, f64>> -> <si64>
  return
}

// -----

func.func @field_of_scalar(%r: !ember.ref<si64>) {
  // expected-error @+1 {{needs a struct, not 'si64'}}
  %x = ember.field_ref %r[0] : <si64> -> <si64>
  return
}
