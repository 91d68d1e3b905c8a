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

/// How the GPU build compiles: for which chip, with which CUDA toolkit
/// (empty: none, so no libdevice and no ptxas), to PTX (`isa`) or to a
/// fatbin made by ptxas.
struct NVVMPipelineOptions {
  std::string chip = "sm_90";
  std::string toolkit;
  std::string format = "isa";
  unsigned optLevel = 3;
};
/// The checked ember IR of a program -> `gpu.binary @ember_kernels` holding
/// its kernels compiled for NVIDIA GPUs (`ember-to-nvvm`).
void buildNVVMPipeline(mlir::OpPassManager &pm,
                       const NVVMPipelineOptions &options);

/// Registers the pipelines above with the global pass registry.
void registerPipelines();

} // namespace ember

#endif
