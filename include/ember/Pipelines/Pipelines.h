//===- Pipelines.h - Named pass pipelines -----------------------*- C++ -*-===//
//
// The pipelines emberc runs, also registered with ember-opt so that every
// stage of a build can be replayed.
//
//===----------------------------------------------------------------------===//

#ifndef EMBER_PIPELINES_PIPELINES_H
#define EMBER_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

namespace ember {

/// The passes that check the program on the ember dialect, reporting the
/// user's errors (`ember-check`).
void buildCheckPipeline(mlir::OpPassManager &pm);
/// ember dialect -> LLVM dialect, for a CPU host, once the checks passed.
void buildCPULoweringPipeline(mlir::OpPassManager &pm);
/// The checks, then the lowering (`ember-to-llvm`).
void buildCPUPipeline(mlir::OpPassManager &pm);

/// Registers the pipelines above with the global pass registry.
void registerPipelines();

} // namespace ember

#endif
