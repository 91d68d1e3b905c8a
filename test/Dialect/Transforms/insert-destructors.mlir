// RUN: %ember-opt %s --ember-insert-destructors -split-input-file | FileCheck %s

func.func private @drop(!ember.struct<"N", si64>)
func.func private @make() -> !ember.struct<"N", si64>
func.func private @show(!ember.ref<!ember.struct<"N", si64>>)

// A value dies after the op that consumes what was read from it: the
// print of its field, not the load.
// CHECK-LABEL: func.func @after_last_use
// CHECK:         %[[A:.*]] = ember.local "a"
// CHECK:         %[[V:.*]] = ember.load
// CHECK:         ember.print %[[V]]
// CHECK-NEXT:    ember.destroy %[[A]] with @drop
// CHECK-NEXT:    return
func.func @after_last_use() {
  %a = ember.local "a" {destructor = @drop} : <!ember.struct<"N", si64>>
  %n = call @make() : () -> !ember.struct<"N", si64>
  ember.store %n, %a : <!ember.struct<"N", si64>>
  %f = ember.field_ref %a[0] : <!ember.struct<"N", si64>> -> <si64>
  %v = ember.load %f : <si64>
  %s = ember.string_constant " "
  ember.print %v : si64 sep %s end %s
  return
}

// A value that is never used dies right after its store; a moved one is
// not destroyed at all.
// CHECK-LABEL: func.func @unused_and_moved
// CHECK:         %[[B:.*]] = ember.local "b"
// CHECK:         %[[A:.*]] = ember.local "a"
// CHECK:         ember.store %{{.*}}, %[[A]]
// CHECK-NEXT:    ember.destroy %[[A]] with @drop
// CHECK:         ember.store %{{.*}}, %[[B]]
// CHECK-NEXT:    %[[M:.*]] = ember.move %[[B]]
// CHECK-NEXT:    call @drop(%[[M]])
// CHECK-NEXT:    return
func.func @unused_and_moved() {
  %b = ember.local "b" {destructor = @drop} : <!ember.struct<"N", si64>>
  %a = ember.local "a" {destructor = @drop} : <!ember.struct<"N", si64>>
  %n = call @make() : () -> !ember.struct<"N", si64>
  ember.store %n, %a : <!ember.struct<"N", si64>>
  %m = call @make() : () -> !ember.struct<"N", si64>
  ember.store %m, %b : <!ember.struct<"N", si64>>
  %moved = ember.move %b : <!ember.struct<"N", si64>>
  call @drop(%moved) : (!ember.struct<"N", si64>) -> ()
  return
}

// Used on one path only: it dies at the start of the other, and on the
// edge that skips the use a block is split in, since the join has another
// predecessor where the value is gone already.
// CHECK-LABEL: func.func @one_path
// CHECK:         cf.cond_br %{{.*}}, ^[[USE:.*]], ^[[SPLIT:[a-z0-9]+]]
// CHECK:       ^[[USE]]:
// CHECK-NEXT:    call @show
// CHECK-NEXT:    ember.destroy
// CHECK-NEXT:    cf.br ^[[JOIN:[a-z0-9]+]]
// CHECK:       ^[[SPLIT]]:
// CHECK-NEXT:    ember.destroy
// CHECK-NEXT:    cf.br ^[[JOIN]]
// CHECK:       ^[[JOIN]]:
// CHECK-NEXT:    return
func.func @one_path(%c: i1) {
  %a = ember.local "a" {destructor = @drop} : <!ember.struct<"N", si64>>
  %n = call @make() : () -> !ember.struct<"N", si64>
  ember.store %n, %a : <!ember.struct<"N", si64>>
  cf.cond_br %c, ^use, ^join
^use:
  call @show(%a) : (!ember.ref<!ember.struct<"N", si64>>) -> ()
  cf.br ^join
^join:
  return
}

// Used in a loop: it lives until the loop exits.
// CHECK-LABEL: func.func @loop
// CHECK:       ^[[HEADER:[a-z0-9]+]]:
// CHECK-NEXT:    cf.cond_br %{{.*}}, ^[[BODY:.*]], ^[[EXIT:[a-z0-9]+]]
// CHECK:       ^[[BODY]]:
// CHECK-NEXT:    call @show
// CHECK-NEXT:    cf.br ^[[HEADER]]
// CHECK:       ^[[EXIT]]:
// CHECK-NEXT:    ember.destroy
// CHECK-NEXT:    return
func.func @loop(%c: i1) {
  %a = ember.local "a" {destructor = @drop} : <!ember.struct<"N", si64>>
  %n = call @make() : () -> !ember.struct<"N", si64>
  ember.store %n, %a : <!ember.struct<"N", si64>>
  cf.br ^header
^header:
  cf.cond_br %c, ^body, ^exit
^body:
  call @show(%a) : (!ember.ref<!ember.struct<"N", si64>>) -> ()
  cf.br ^header
^exit:
  return
}

// -----

func.func private @drop(!ember.struct<"N", si64>)
func.func private @take(!ember.struct<"N", si64>)

// A `deinit` argument owns its fields one by one: the unused one dies at
// once, the moved one is not destroyed, the trivial one has nothing to do.
// CHECK-LABEL: func.func @deinit_fields
// CHECK:         %[[S:.*]] = ember.local "self"
// CHECK-NEXT:    ember.store
// CHECK-NEXT:    %[[F1:.*]] = ember.field_ref %[[S]][1]
// CHECK-NEXT:    ember.destroy %[[F1]] with @drop
// CHECK-NEXT:    %[[F0:.*]] = ember.field_ref %[[S]][0]
// CHECK-NEXT:    %[[M:.*]] = ember.move %[[F0]]
// CHECK-NEXT:    call @take(%[[M]])
// CHECK-NEXT:    return
func.func @deinit_fields(%v: !ember.struct<"Two", !ember.struct<"N", si64>, !ember.struct<"N", si64>, si64>) {
  %self = ember.local "self" {field_destructors = [@drop, @drop, unit]} : <!ember.struct<"Two", !ember.struct<"N", si64>, !ember.struct<"N", si64>, si64>>
  ember.store %v, %self : <!ember.struct<"Two", !ember.struct<"N", si64>, !ember.struct<"N", si64>, si64>>
  %f0 = ember.field_ref %self[0] : <!ember.struct<"Two", !ember.struct<"N", si64>, !ember.struct<"N", si64>, si64>> -> <!ember.struct<"N", si64>>
  %m = ember.move %f0 : <!ember.struct<"N", si64>>
  call @take(%m) : (!ember.struct<"N", si64>) -> ()
  return
}

// -----

func.func private @drop(!ember.struct<"N", si64>)

// Assigning through a `mut` argument replaces a value the caller owns.
// CHECK-LABEL: func.func @overwrite_mut
// CHECK:         ember.destroy %arg0 with @drop
// CHECK-NEXT:    ember.store %arg1, %arg0
func.func @overwrite_mut(%r: !ember.ref<!ember.struct<"N", si64>>, %v: !ember.struct<"N", si64>) {
  ember.store %v, %r {destructor = @drop} : <!ember.struct<"N", si64>>
  return
}

// Assigning a field of a variable that holds a value replaces the old
// field; initializing it does not.
// CHECK-LABEL: func.func @overwrite_field
// CHECK:         %[[F:.*]] = ember.field_ref
// CHECK-NEXT:    ember.store %arg0, %[[F]]
// CHECK-NEXT:    %[[G:.*]] = ember.field_ref
// CHECK-NEXT:    ember.destroy %[[G]] with @drop
// CHECK-NEXT:    ember.store %arg1, %[[G]]
func.func @overwrite_field(%a: !ember.struct<"N", si64>, %b: !ember.struct<"N", si64>) -> !ember.struct<"P", !ember.struct<"N", si64>> {
  %self = ember.local "self" : <!ember.struct<"P", !ember.struct<"N", si64>>>
  %f = ember.field_ref %self[0] : <!ember.struct<"P", !ember.struct<"N", si64>>> -> <!ember.struct<"N", si64>>
  ember.store %a, %f {destructor = @drop} : <!ember.struct<"N", si64>>
  %g = ember.field_ref %self[0] : <!ember.struct<"P", !ember.struct<"N", si64>>> -> <!ember.struct<"N", si64>>
  ember.store %b, %g {destructor = @drop} : <!ember.struct<"N", si64>>
  %r = ember.load %self : <!ember.struct<"P", !ember.struct<"N", si64>>>
  return %r : !ember.struct<"P", !ember.struct<"N", si64>>
}

// -----

func.func private @drop(!ember.struct<"N", si64>)
func.func private @make() -> !ember.struct<"N", si64>
func.func private @element(!ember.ref<!ember.struct<"N", si64>>) -> !ember.ref<si64>

// A reference a callee derived from `a` keeps `a` in use: it dies after
// the last use of the reference, not after the call; a store through the
// reference writes inside `a` and does not replace it.
// CHECK-LABEL: func.func @derived_reference
// CHECK:         %[[A:.*]] = ember.local "a"
// CHECK:         %[[R:.*]] = call @element(%[[A]])
// CHECK-NEXT:    %[[D:.*]] = ember.derived_ref %[[R]] from %[[A]]
// CHECK:         ember.store %{{.*}}, %[[D]]
// CHECK-NEXT:    %[[V:.*]] = ember.load %[[D]]
// CHECK:         ember.print %[[V]]
// CHECK-NEXT:    ember.destroy %[[A]] with @drop
// CHECK-NEXT:    return
func.func @derived_reference() {
  %a = ember.local "a" {destructor = @drop} : <!ember.struct<"N", si64>>
  %n = call @make() : () -> !ember.struct<"N", si64>
  ember.store %n, %a : <!ember.struct<"N", si64>>
  %r = call @element(%a) : (!ember.ref<!ember.struct<"N", si64>>) -> !ember.ref<si64>
  %d = ember.derived_ref %r from %a : !ember.ref<si64>, !ember.ref<!ember.struct<"N", si64>>
  %c = ember.constant 5 : si64
  ember.store %c, %d : <si64>
  %v = ember.load %d : <si64>
  %s = ember.string_constant " "
  ember.print %v : si64 sep %s end %s
  return
}
