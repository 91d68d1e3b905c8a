//===- Passes.td - Ember dialect passes ---------------------*- tablegen -*-===//

#ifndef EMBER_DIALECT_PASSES
#define EMBER_DIALECT_PASSES

include "mlir/Pass/PassBase.td"

def CheckInitialization : Pass<"ember-check-init", "::mlir::func::FuncOp"> {
  let summary = "Reject reads of variables that may be uninitialized or moved";
  let description = [{
    A forward dataflow analysis over each function's CFG tracks which
    `ember.local` slots (and which top-level fields of struct slots) are
    definitely initialized. `ember.store` initializes, `ember.move`
    deinitializes; `ember.load`, `ember.move` and passing a slot to a call
    (a `mut` argument) need it initialized. A read that may see no value is
    an error: "use of uninitialized `x`", or, after `x^`, "use of `x` after
    it was moved" with a note at the move.
  }];
}

def InsertDestructors : Pass<"ember-insert-destructors", "::mlir::func::FuncOp"> {
  let summary = "Destroy each value right after its last use";
  let description = [{
    Mojo's ASAP destruction. Every `ember.local` that owns a value with a
    destructor (its `destructor` attribute, or `field_destructors` for a
    `deinit` argument) gets an `ember.destroy` right after the last use of
    the value on each path: after the op, or on the CFG edge along which
    the value dies (splitting the edge where needed). Moved-out values are
    not destroyed. A store that replaces a value this analysis does not
    end (a field of a variable, a `mut` argument) destroys the old value
    first. Runs after `ember-check-init`, which proves every use sees a
    value.
  }];
  let dependentDialects = ["::mlir::cf::ControlFlowDialect"];
}

#endif
