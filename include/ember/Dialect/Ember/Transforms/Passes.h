//===- Passes.h - Ember dialect passes --------------------------*- C++ -*-===//

#ifndef EMBER_DIALECT_EMBER_TRANSFORMS_PASSES_H
#define EMBER_DIALECT_EMBER_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace ember {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "ember/Dialect/Ember/Transforms/Passes.h.inc"

} // namespace ember

#endif
