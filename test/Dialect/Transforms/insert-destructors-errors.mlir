// RUN: %ember-opt %s --ember-insert-destructors -verify-diagnostics

func.func private @drop(!ember.struct<"P", si64, si64>)

// Only a whole value can be destroyed.
func.func @partly_initialized(%v: si64) {
  %p = ember.local "p" {destructor = @drop} : <!ember.struct<"P", si64, si64>>
  %x = ember.field_ref %p[0] : <!ember.struct<"P", si64, si64>> -> <si64>
  // expected-error @+1 {{`p` is only partly initialized where it is last used, so it cannot be destroyed}}
  ember.store %v, %x : <si64>
  return
}
