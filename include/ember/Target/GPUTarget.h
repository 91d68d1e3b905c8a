//===- GPUTarget.h - Kernels compiled for NVIDIA GPUs -----------*- C++ -*-===//

#ifndef EMBER_TARGET_GPUTARGET_H
#define EMBER_TARGET_GPUTARGET_H

#include "ember/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"

#include <string>

namespace ember {

/// Registers what the GPU build needs: the NVVM target and the lowerings
/// to LLVM that `convert-gpu-to-nvvm` applies.
void registerGPUTarget(mlir::DialectRegistry &registry);

/// The CUDA toolkit's directory ($CUDA_HOME, else /usr/local/cuda) if it
/// has ptxas; empty if there is none.
std::string findCUDAToolkit();

/// Whether this machine has a CUDA driver and at least one GPU.
bool hasCUDADevice();

/// Whether `module` launches kernels.
bool hasGPUKernels(mlir::ModuleOp module);

/// Compiles the kernels of the checked ember IR `module` (which is left as
/// it is) into `image`: PTX, or a fatbin with `options.format = "fatbin"`.
mlir::LogicalResult buildGPUImage(mlir::ModuleOp module,
                                  const NVVMPipelineOptions &options,
                                  std::string &image);

} // namespace ember

#endif
