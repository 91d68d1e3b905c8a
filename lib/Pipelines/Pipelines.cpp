//===- Pipelines.cpp - Named pass pipelines -------------------------------===//

#include "ember/Pipelines/Pipelines.h"

#include "ember/Conversion/Passes.h"
#include "ember/Dialect/Ember/Transforms/Passes.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVMPass.h"
#include "mlir/Conversion/GPUToNVVM/GPUToNVVMPass.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/OpenMPToLLVM/ConvertOpenMPToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVMPass.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"

void ember::buildCheckPipeline(mlir::OpPassManager &pm) {
  pm.addNestedPass<mlir::func::FuncOp>(createCheckInitialization());
  pm.addNestedPass<mlir::func::FuncOp>(createInsertDestructors());
}

void ember::buildCPUPipeline(mlir::OpPassManager &pm) {
  buildCheckPipeline(pm);
  buildCPULoweringPipeline(pm);
}

void ember::buildCPULoweringPipeline(mlir::OpPassManager &pm) {
  pm.addPass(createConvertEmberToStandard());
  pm.addPass(mlir::createConvertVectorToLLVMPass());
  pm.addPass(mlir::createConvertMathToLLVMPass());
  pm.addPass(mlir::createArithToLLVMConversionPass());
  pm.addPass(mlir::createConvertControlFlowToLLVMPass());
  pm.addPass(mlir::createConvertFuncToLLVMPass());
  pm.addPass(mlir::createConvertOpenMPToLLVMPass());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
}

void ember::buildNVVMPipeline(mlir::OpPassManager &pm,
                              const NVVMPipelineOptions &options) {
  pm.addPass(createExtractGPUKernels());
  pm.addPass(createConvertEmberToStandard());
  mlir::GpuNVVMAttachTargetOptions target;
  target.chip = options.chip;
  target.optLevel = options.optLevel;
  pm.addPass(mlir::createGpuNVVMAttachTarget(target));
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(
      mlir::createConvertGpuOpsToNVVMOps());
  pm.addNestedPass<mlir::gpu::GPUModuleOp>(createMarkNVVMKernels());
  pm.addPass(mlir::createReconcileUnrealizedCastsPass());
  mlir::GpuModuleToBinaryPassOptions binary;
  binary.toolkitPath = options.toolkit;
  binary.compilationTarget = options.format;
  pm.addPass(mlir::createGpuModuleToBinaryPass(binary));
}

void ember::registerPipelines() {
  mlir::PassPipelineRegistration<>(
      "ember-check", "Check the program on the ember dialect",
      buildCheckPipeline);
  mlir::PassPipelineRegistration<>(
      "ember-to-llvm", "Lower the ember dialect to the LLVM dialect for a CPU",
      buildCPUPipeline);
  mlir::PassPipelineRegistration<>(
      "ember-to-nvvm",
      "Compile the kernels of checked ember IR to PTX for an sm_90 GPU",
      [](mlir::OpPassManager &pm) { buildNVVMPipeline(pm, {}); });
}
