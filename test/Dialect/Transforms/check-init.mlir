// RUN: %ember-opt %s --ember-check-init -split-input-file -verify-diagnostics

func.func @read_before_store() -> si64 {
  // expected-note @+1 {{`x` is declared here without a value}}
  %x = ember.local "x" : <si64>
  // expected-error @+1 {{`x` is used before it is initialized}}
  %v = ember.load %x : <si64>
  return %v : si64
}

// -----

// A value on one path only is not enough.
func.func @one_path(%c: i1) -> si64 {
  // expected-note @+1 {{`y` is declared here without a value}}
  %y = ember.local "y" : <si64>
  cf.cond_br %c, ^set, ^join
^set:
  %one = ember.constant 1 : si64
  ember.store %one, %y : <si64>
  cf.br ^join
^join:
  // expected-error @+1 {{`y` is used before it is initialized}}
  %v = ember.load %y : <si64>
  return %v : si64
}

// -----

// Both paths store; a branch on a constant goes one way only.
func.func @all_paths(%c: i1) -> si64 {
  %y = ember.local "y" : <si64>
  %t = ember.constant true
  cf.cond_br %c, ^a, ^b
^a:
  %one = ember.constant 1 : si64
  ember.store %one, %y : <si64>
  cf.br ^join
^b:
  cf.cond_br %t, ^c, ^join
^c:
  %two = ember.constant 2 : si64
  ember.store %two, %y : <si64>
  cf.br ^join
^join:
  %v = ember.load %y : <si64>
  return %v : si64
}

// -----

func.func @after_move() -> !ember.struct<"T", si64> {
  %t = ember.local "t" : <!ember.struct<"T", si64>>
  %z = ember.zero : <"T", si64>
  ember.store %z, %t : <!ember.struct<"T", si64>>
  // expected-note @+1 {{moved here with `^`}}
  %a = ember.move %t : <!ember.struct<"T", si64>>
  // expected-error @+1 {{`t` is used after it was moved}}
  %b = ember.load %t : <!ember.struct<"T", si64>>
  return %b : !ember.struct<"T", si64>
}

// -----

// Fields of a struct slot are initialized one by one.
func.func @fields(%v: si64) -> !ember.struct<"P", si64, si64> {
  // expected-note @+1 {{`self` is declared here without a value}}
  %self = ember.local "self" {ember.fields = ["x", "y"]} : <!ember.struct<"P", si64, si64>>
  %x = ember.field_ref %self[0] : <!ember.struct<"P", si64, si64>> -> <si64>
  ember.store %v, %x : <si64>
  // expected-error @+1 {{`self.y` is used before it is initialized}}
  %r = ember.load %self : <!ember.struct<"P", si64, si64>>
  return %r : !ember.struct<"P", si64, si64>
}

// -----

// A struct without fields has nothing to initialize.
func.func @empty() -> !ember.struct<"E"> {
  %e = ember.local "e" : <!ember.struct<"E">>
  %v = ember.load %e : <!ember.struct<"E">>
  return %v : !ember.struct<"E">
}
