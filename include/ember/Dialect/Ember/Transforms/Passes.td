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

#endif
