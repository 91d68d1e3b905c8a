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

/// ember dialect -> LLVM dialect, for a CPU host (`ember-to-llvm`).
void buildCPUPipeline(mlir::OpPassManager &pm);

/// Registers the pipelines above with the global pass registry.
void registerPipelines();

} // namespace ember

#endif
